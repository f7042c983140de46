// Which ChartHop job a hire goes into, against the fake ChartHop over real HTTP and a real links
// table: the job's title as ChartHop shows it, what a hire without a requisition or without a linked
// job is told (advice per direction), a link to a job deleted in ChartHop, and an outage that must
// not read as "no job".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChartHopClient } from '../../../src/main/core/charthop/client.ts';
import type { ChartHopJob } from '../../../src/main/core/charthop/schemas.ts';
import { findLinkedJob, isNoSuchField, jobTitle } from '../../../src/main/core/hires/job-link.ts';
import { HttpFailure } from '../../../src/main/core/http/errors.ts';
import { openStateDb } from '../../../src/main/core/state/state-db.ts';
import type { StateDb } from '../../../src/main/core/state/state-db.ts';
import { createFakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import type { FakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { charthopClient, clientKit } from '../clients/support.ts';
import { CHARTHOP_TOKEN, ORG, charthopSeed, jobId } from '../sync/seeds.ts';

let temp: ReturnType<typeof makeTempDir>;
let state: StateDb;
let server: FakeChartHop;
let charthop: ChartHopClient;

beforeEach(async () => {
  temp = makeTempDir('reqbridge-job-link-');
  state = openStateDb(`${temp.path}/state.sqlite`);
  server = await createFakeChartHop({ seed: charthopSeed([{ id: jobId(1), title: 'Engineer' }]), rateLimit: false });
  charthop = charthopClient(clientKit(), server.url, CHARTHOP_TOKEN, ORG, { retry: { maxAttempts: 1 } });
});
afterEach(async () => {
  await server.close();
  state.close();
  temp.cleanup();
});

const link = (job: string, requisition: string): void => {
  state.db
    .prepare('INSERT INTO links (charthop_job_id, lever_requisition_id, requisition_code, updated_at) VALUES (?, ?, ?, ?)')
    .run(job, requisition, null, '2026-11-02T09:00:00.000Z');
};

describe('the job title', () => {
  it('is trimmed, and a blank one is none', () => {
    expect(jobTitle({ id: 'j', title: '  Staff Engineer ' } as ChartHopJob)).toBe('Staff Engineer');
    expect(jobTitle({ id: 'j', title: '   ' } as ChartHopJob)).toBeNull();
  });
});

describe('a refusal that names a missing field', () => {
  const refusal = (status: number, serverMessage: string | null) =>
    new HttpFailure({ vendor: 'charthop', kind: 'bad_request', endpoint: 'GET /job', message: 'refused', status, serverMessage });

  it('counts only a 400 whose message names the field', () => {
    expect(isNoSuchField(refusal(400, 'Unknown field: leverReqId'), 'leverReqId')).toBe(true);
    expect(isNoSuchField(refusal(422, 'Unknown field: leverReqId'), 'leverReqId')).toBe(false);
    expect(isNoSuchField(refusal(400, null), 'here')).toBe(false);
  });
});

describe('a hire without a job', () => {
  it('says a hire without a requisition has no linked job', async () => {
    expect(await findLinkedJob(state, charthop, null)).toEqual({
      found: false,
      reason: 'Lever hired the candidate without a requisition (the posting has none), so no ChartHop job is linked to this hire.',
    });
  });

  it('advises a sync when Lever is the source of truth, naming the requisition by code and id', async () => {
    expect(await findLinkedJob(state, charthop, { id: 'req-9', code: 'ENG-9' }, 'inbound')).toEqual({
      found: false,
      reason:
        'No ChartHop job is linked to Lever requisition ENG-9 (req-9). ' +
        'Sync the requisitions (Sync now or Reconcile…) so the job exists and is linked, then Replay.',
    });
  });

  it('advises linking the job by hand when ChartHop is the source of truth', async () => {
    expect(await findLinkedJob(state, charthop, { id: 'req-9', code: null }, 'outbound')).toEqual({
      found: false,
      reason:
        'No ChartHop job is linked to Lever requisition req-9. ' +
        "With ChartHop as the source of truth a sync never creates ChartHop jobs from Lever: open the hire's Details to link the job it belongs to " +
        "(Link now), or put the requisition code in the job's Requisition ID field in ChartHop; then Replay.",
    });
  });
});

describe('a linked job', () => {
  it('is found through the links table', async () => {
    link(jobId(1), 'req-1');
    expect(await findLinkedJob(state, charthop, { id: 'req-1', code: 'ENG-1' })).toMatchObject({
      found: true,
      via: 'links',
      job: { id: jobId(1) },
    });
  });

  it('says the linked job no longer exists when ChartHop does not know it', async () => {
    link('6bffffffffffffffffffffff', 'req-1');
    expect(await findLinkedJob(state, charthop, { id: 'req-1', code: 'ENG-1' })).toEqual({
      found: false,
      reason:
        'Lever requisition ENG-1 (req-1) is linked to ChartHop job 6bffffffffffffffffffffff, which no longer exists in ChartHop. ' +
        'Sync the requisitions again (Sync now or Reconcile), then Replay.',
    });
  });

  it('fails, rather than calling the job missing, when ChartHop answers with an error', async () => {
    link(jobId(1), 'req-1');
    server.control.setFault({ method: 'GET', path: `/v2/org/:org/job/:jobId`, action: { kind: 'status', status: 500 } });
    await expect(findLinkedJob(state, charthop, { id: 'req-1', code: 'ENG-1' })).rejects.toBeInstanceOf(HttpFailure);
  });
});
