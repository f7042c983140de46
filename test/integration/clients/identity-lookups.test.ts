// The clients' "does it exist?" lookups against answers they cannot read: a ChartHop job search
// whose rows lack the searched field, and a Lever requisition search whose row lacks its code,
// both mean "cannot tell" (an error), never "not found" (null) — which would let a create follow.
import { afterEach, describe, expect, it } from 'vitest';
import { isIdentityUnreadable } from '../../../src/main/core/charthop/identity.ts';
import { isHttpFailure } from '../../../src/main/core/http/errors.ts';
import { isNoSuchField } from '../../../src/main/core/hires/job-link.ts';
import { createFakeChartHop, MINIMAL_OWNER_TOKEN, minimalChartHopSeed } from '../../../src/main/sandbox/charthop/index.ts';
import type { FakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import { createFakeLever } from '../../../src/main/sandbox/lever/index.ts';
import type { FakeLever } from '../../../src/main/sandbox/lever/index.ts';
import { charthopClient, clientKit, FULL_KEY, leverClient, requisitions, USERS } from './support.ts';

let charthop: FakeChartHop | undefined;
let lever: FakeLever | undefined;
afterEach(async () => {
  await charthop?.close();
  await lever?.close();
  charthop = undefined;
  lever = undefined;
});

async function chartHopWithJob() {
  const kit = clientKit(Date.UTC(2026, 0, 5, 9));
  charthop = await createFakeChartHop({ seed: minimalChartHopSeed(), clock: () => kit.clock.now() });
  const client = charthopClient(kit, charthop.url, MINIMAL_OWNER_TOKEN, 'acme');
  const { record: job } = await client.jobs.create({ title: 'Engineer', req: 'ENG-7', recruit: 'Active' });
  return { client, job, fake: charthop };
}

describe('ChartHop job by key', () => {
  it('reads the key top-level or under fields when ChartHop ignores fields=', async () => {
    const { client, job, fake } = await chartHopWithJob();
    fake.control.setFault({
      method: 'GET',
      path: '/v2/org/:org/job',
      nth: 1,
      action: { kind: 'status', status: 200, body: { data: [{ id: job.id, title: 'Engineer', fields: { req: 'ENG-7' } }] } },
    });
    expect((await client.jobs.findByKey({ field: 'req', value: 'eng-7' }))?.id).toBe(job.id);
  });

  it('throws "cannot tell" when the rows it got do not hold the field, instead of answering "no job"', async () => {
    const { client, job, fake } = await chartHopWithJob();
    fake.control.setFault({
      method: 'GET',
      path: '/v2/org/:org/job',
      nth: 1,
      action: { kind: 'status', status: 200, body: { data: [{ id: job.id, title: 'Engineer', fields: {} }] } },
    });
    const error = await client.jobs.findByKey({ field: 'req', value: 'ENG-7' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isIdentityUnreadable(error)).toBe(true);
    expect((error as Error).message).toMatch(/could not tell whether a ChartHop job with req "ENG-7" already exists/);
  });

  it('answers "no job" for an empty answer', async () => {
    const { client } = await chartHopWithJob();
    expect(await client.jobs.findByKey({ field: 'req', value: 'ENG-404' })).toBeNull();
  });

  it('takes only a 400 naming the field as "the org has no such field"', async () => {
    const { client, fake } = await chartHopWithJob();
    const refusal = async (message: string) => {
      fake.control.setFault({
        method: 'GET',
        path: '/v2/org/:org/job',
        nth: 1,
        action: { kind: 'status', status: 400, body: { code: 400, message } },
      });
      return client.jobs.findByKey({ field: 'leverReqId', value: 'r-1' }).then(
        () => null,
        (e: unknown) => e,
      );
    };
    const noField = await refusal('unknown field: leverReqId');
    expect(isHttpFailure(noField, 'bad_request') && isNoSuchField(noField, 'leverReqId')).toBe(true);
    fake.control.clearFaults();
    const otherRefusal = await refusal('malformed query');
    expect(isHttpFailure(otherRefusal, 'bad_request')).toBe(true);
    expect(isNoSuchField(otherRefusal, 'leverReqId')).toBe(false);
  });
});

describe('Lever requisition by code', () => {
  it('throws when a row of the answer has no readable code, instead of answering "not found"', async () => {
    const kit = clientKit(Date.UTC(2026, 0, 5, 9));
    lever = await createFakeLever({ seed: { keys: [FULL_KEY], users: USERS, requisitions: requisitions(2) }, rateLimit: false });
    const client = leverClient(kit, lever.url, FULL_KEY.secret);
    expect((await client.requisitions.findByCode('ENG-00001'))?.id).toBe('req-00001');
    lever.control.setFault({
      method: 'GET',
      path: '/v1/requisitions',
      nth: 1,
      action: {
        kind: 'status',
        status: 200,
        body: { data: [{ id: 'req-00001', name: 'Engineer 1', status: 'open', headcountTotal: 1 }], hasNext: false },
      },
    });
    const error = await client.requisitions.findByCode('ENG-00001').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(isHttpFailure(error, 'unexpected_response')).toBe(true);
  });
});
