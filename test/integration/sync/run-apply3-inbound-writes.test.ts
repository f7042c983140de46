// Applying Reverse Sync rows to ChartHop, as the journal and the progress bar record them: a job
// already carrying its requisition's Lever Req ID and in step is linked without any write, a write
// ChartHop refuses is journaled as failed with its reason, a closed job's write is journaled with
// the job it closed, and every record (written, failed or skipped) moves the progress bar.
import { afterEach, describe, expect, it } from 'vitest';
import type { RunProgress } from '../../../src/shared/api/sync-views.ts';
import type { SyncWorld } from './harness.ts';
import { leverCall, startWorld } from './harness.ts';
import { charthopSeed, inboundProfile, jobId, leverSeed, seededRequisition } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** The intents' states and results, oldest first. */
function intents(w: SyncWorld): { state: string; result: unknown }[] {
  return (w.state().db.prepare('SELECT state, result FROM intents ORDER BY id').all() as { state: string; result: string | null }[]).map(
    (r) => ({ state: r.state, result: r.result === null ? null : (JSON.parse(r.result) as unknown) }),
  );
}

/** The applying phase's progress events of the runs `w` makes from now on. */
function applyingProgress(w: SyncWorld): RunProgress[] {
  const progress: RunProgress[] = [];
  w.test.core.events.on('run:progress', (p) => {
    if (p.phase === 'applying') progress.push(p);
  });
  return progress;
}

describe('a ChartHop job already carrying the Lever Req ID, in step with its requisition', () => {
  it('is linked without writing to ChartHop, and the link is journaled with the job', async () => {
    const job = jobId(1);
    world = await startWorld({
      charthop: charthopSeed([{ id: job, title: 'Role LVR-1', recruit: 'Active', req: 'LVR-1', leverReqId: 'lr-1' }]),
      lever: leverSeed([seededRequisition('lr-1', 'LVR-1')]),
      profile: inboundProfile(),
    });
    const w = world;
    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(run.status).toBe('succeeded');
    expect(run.counts).toMatchObject({ linked: 1, updated: 0, failed: 0 });
    expect(w.charthopWrites()).toEqual([]);
    expect(intents(w)).toEqual([{ state: 'CONFIRMED', result: { jobId: job } }]);
  });
});

describe('a requisition ChartHop refuses to take in', () => {
  it('is journaled as failed with the reason, logged as failed, and still moves the progress bar to the end', async () => {
    world = await startWorld({
      charthop: charthopSeed([]),
      lever: leverSeed([seededRequisition('lr-1', 'LVR-1')]),
      profile: inboundProfile(),
    });
    const w = world;
    w.charthop.control.setFault({ method: 'POST', path: '/v2/org/:org/job', action: { kind: 'status', status: 400 } });
    const progress = applyingProgress(w);
    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    const why = 'ChartHop rejected POST /v2/org/:org/job (400). ChartHop said: "Injected fault". Check the values being sent.';
    expect(run.counts).toMatchObject({ created: 0, failed: 1 });
    expect(w.engine.runs.get(w.profileId, run.id).items.map((i) => [i.recordKey, i.outcome, i.error])).toEqual([['LVR-1', 'failed', why]]);
    expect(intents(w)).toEqual([{ state: 'FAILED', result: { error: why } }]);
    expect(progress.at(-1)).toMatchObject({ done: 1, total: 1 });
  });
});

describe('a requisition with nothing ChartHop can place it in', () => {
  it('is skipped and still moves the progress bar to the end', async () => {
    world = await startWorld({
      charthop: charthopSeed([]),
      lever: leverSeed([seededRequisition('lr-1', 'LVR-1', { department: 'Marketing' })]),
      profile: inboundProfile(),
    });
    const w = world;
    const progress = applyingProgress(w);
    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(run.counts).toMatchObject({ skipped: 1, created: 0 });
    expect(w.charthopWrites()).toEqual([]);
    expect(progress.at(-1)).toMatchObject({ done: 1, total: 1 });
  });
});

describe('a linked requisition deleted in Lever', () => {
  it('closes its ChartHop job, and the close is journaled with the job', async () => {
    world = await startWorld({
      charthop: charthopSeed([]),
      lever: leverSeed([seededRequisition('lr-1', 'LVR-1')]),
      profile: inboundProfile(),
    });
    const w = world;
    expect((await w.engine.run(w.profileId, { trigger: 'manual' })).counts.created).toBe(1);
    await leverCall(w, 'DELETE', '/requisitions/lr-1');
    const run = await w.engine.run(w.profileId, { trigger: 'manual', confirmLargeChange: true });
    expect(run.counts).toMatchObject({ closed: 1, failed: 0 });
    const [created] = intents(w);
    const job = (created?.result as { jobId: string }).jobId;
    expect(intents(w)).toEqual([
      { state: 'CONFIRMED', result: { jobId: job, outcome: 'created' } },
      { state: 'CONFIRMED', result: { jobId: job } },
    ]);
    expect(w.charthopWrites()).toEqual([
      { method: 'POST', path: '/v2/org/acme/job' },
      { method: 'PATCH', path: `/v2/org/acme/job/${job}` },
    ]);
  });
});
