// How a run ends when records fail: partial when anything was written (whatever kind of write it
// was), failed when nothing was, a stop on a failure every record would meet, and an unexpected
// error inside ReqBridge; each with the sentence the consultant reads in the run history.
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultRuleInput } from '../../../src/main/sandbox/http/index.ts';
import type { SyncWorld } from './harness.ts';
import { charthopCall, crashOnceAfterSent, fillJob, startWorld } from './harness.ts';
import { activeJobs, charthopSeed, jobId, leverSeed, openRequisition } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** Lever refuses the request as invalid: a failure of this record only, not retried. */
const refused = (method: string, path: string, nth?: number): FaultRuleInput => ({
  method,
  path,
  ...(nth === undefined ? {} : { nth }),
  action: { kind: 'status', status: 422, body: { code: 'BadRequestError', message: 'Invalid requisition' } },
});

const ONE_FAILED = '1 record failed; each item says why. They are tried again on the next run.';

async function twoJobsSynced(): Promise<SyncWorld> {
  world = await startWorld({ charthop: charthopSeed(activeJobs(2)), lever: leverSeed() });
  expect((await world.engine.run(world.profileId, { trigger: 'manual' })).status).toBe('succeeded');
  return world;
}

describe('a run where some records fail', () => {
  it('is partial when the other records were created, and says one record failed', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(3)), lever: leverSeed() });
    world.lever.control.setFault(refused('POST', '/v1/requisitions', 1));
    const run = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(run.counts).toMatchObject({ created: 2, updated: 0, closed: 0, deleted: 0, linked: 0, failed: 1 });
    expect(run.status).toBe('partial');
    expect(run.error).toBe(ONE_FAILED);
  });

  it('is failed when every record failed, and counts them in the plural', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(2)), lever: leverSeed() });
    world.lever.control.setFault(refused('POST', '/v1/requisitions'));
    const run = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(run.counts).toMatchObject({ created: 0, updated: 0, closed: 0, deleted: 0, linked: 0, failed: 2 });
    expect(run.status).toBe('failed');
    expect(run.error).toBe('2 records failed; each item says why. They are tried again on the next run.');
  });

  it('is partial when the only record written was an update of a drifted requisition', async () => {
    const drifted = { department: 'Sales', location: 'Remote' };
    world = await startWorld({
      charthop: charthopSeed(activeJobs(2)),
      lever: leverSeed([openRequisition('ENG-0001', 'Engineer 1', drifted), openRequisition('ENG-0002', 'Engineer 2', drifted)] as never),
    });
    world.lever.control.setFault(refused('PUT', '/v1/requisitions/:id', 1));
    const run = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(run.counts).toMatchObject({ created: 0, updated: 1, closed: 0, deleted: 0, linked: 0, failed: 1 });
    expect(run).toMatchObject({ status: 'partial', error: ONE_FAILED });
  });

  it('is partial when the only record written was a link to a requisition already in Lever', async () => {
    world = await startWorld({
      charthop: charthopSeed(activeJobs(2)),
      lever: leverSeed([
        openRequisition('ENG-0001', 'Engineer 1', {
          compensationBand: { currency: 'USD', interval: 'per-year-salary', min: 150_000, max: 150_000 },
        }),
      ] as never),
    });
    world.lever.control.setFault(refused('POST', '/v1/requisitions'));
    const run = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(run.counts).toMatchObject({ created: 0, updated: 0, closed: 0, deleted: 0, linked: 1, failed: 1 });
    expect(run).toMatchObject({ status: 'partial', error: ONE_FAILED });
  });

  it('is partial when the only record written was the close of a filled job', async () => {
    const w = await twoJobsSynced();
    await fillJob(w, jobId(1));
    await fillJob(w, jobId(2));
    w.lever.control.setFault(refused('PUT', '/v1/requisitions/:id', 1));
    const run = await w.engine.run(w.profileId, { trigger: 'manual', confirmLargeChange: true });
    expect(run.counts).toMatchObject({ created: 0, updated: 0, closed: 1, deleted: 0, linked: 0, failed: 1 });
    expect(run).toMatchObject({ status: 'partial', error: ONE_FAILED });
  });

  it('is partial when the only record written was the delete of a deleted job', async () => {
    const w = await twoJobsSynced();
    await charthopCall(w, 'DELETE', `/v2/org/acme/job/${jobId(1)}`);
    await charthopCall(w, 'DELETE', `/v2/org/acme/job/${jobId(2)}`);
    w.lever.control.setFault(refused('DELETE', '/v1/requisitions/:id', 1));
    const run = await w.engine.run(w.profileId, { trigger: 'manual', confirmLargeChange: true });
    expect(run.counts).toMatchObject({ created: 0, updated: 0, closed: 0, deleted: 1, linked: 0, failed: 1 });
    expect(run).toMatchObject({ status: 'partial', error: ONE_FAILED });
  });
});

describe('a run that cannot go on', () => {
  it('stops on a failure every record would meet, says why, and lists the rest as cancelled', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(3)), lever: leverSeed() });
    world.lever.control.setFault({ method: 'POST', path: '/v1/requisitions', action: { kind: 'status', status: 403 } });
    const run = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(run.counts).toMatchObject({ created: 0, failed: 1, cancelled: 2 });
    expect(run).toMatchObject({
      status: 'failed',
      error:
        'Stopped: Lever refused POST /requisitions (403 Forbidden): the Lever API key lacks the "Create requisitions" permission. Edit the key in Lever → Settings → Integrations and API → API credentials and enable "Create requisitions". The records not yet written are listed as cancelled.',
      errorDetails: expect.objectContaining({ vendor: 'lever', endpoint: 'POST /requisitions', status: 403 }),
    });
  });

  it('fails with a plain sentence when something unexpected breaks inside ReqBridge, and logs the details', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(1)), lever: leverSeed(), hooks: crashOnceAfterSent() });
    const run = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(run).toMatchObject({
      status: 'failed',
      error: 'Something went wrong inside ReqBridge; the details are in the log. Try again, and report it if it persists.',
      errorDetails: null,
    });
    expect(world.test.logs.filter((l) => l.level === 'error').map((l) => l.message)).toEqual([
      `Sync: run #${run.id} failed unexpectedly Error: the process died here`,
    ]);
  });

  it('logs no internal error when a vendor listing fails: the run says what failed', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(1)), lever: leverSeed() });
    world.charthop.control.setFault({ method: 'GET', path: '/v2/org/acme/job', action: { kind: 'status', status: 500 } });
    const run = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(run).toMatchObject({
      status: 'failed',
      error:
        'Reading jobs from ChartHop failed, so nothing was planned or written (an incomplete listing could look like deleted records). ChartHop is not available: GET /v2/org/:org/job failed with 500 (tried 5 times). Try again later.',
    });
    expect(world.test.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});
