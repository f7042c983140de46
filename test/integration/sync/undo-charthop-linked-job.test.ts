// Undoing an inbound run that linked an existing ChartHop job, over real HTTP against the fake Lever and
// ChartHop and real SQLite: the job gets back the requisition code it had before the run, and keeps the
// Lever Req ID it already carried, so the consultant's own code is never lost to an undo.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncWorld } from './harness.ts';
import { charthopCall, charthopJobs, startWorld } from './harness.ts';
import { charthopSeed, inboundProfile, jobId, leverSeed, openRequisition } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const INBOUND = inboundProfile(true);

const designer = openRequisition('LVR-D', 'Designer', {
  id: 'lr-d',
  hiringManager: 'u-hedy',
  compensationBand: { currency: 'USD', interval: 'per-year-salary', min: 150_000, max: 150_000 },
});

describe('undo of an inbound link to a job that carried its Lever Req ID', () => {
  it('puts back the requisition code the job had before the run and leaves its Lever Req ID in place', async () => {
    const w = await startWorld({
      charthop: charthopSeed([{ id: jobId(901), title: 'Designer', recruit: 'Active', hireMgr: 'hedy', req: 'OLD-7', leverReqId: 'lr-d' }]),
      profile: INBOUND,
      lever: leverSeed([designer] as never),
    });
    world = w;
    const sync = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(sync.counts).toMatchObject({ linked: 1, failed: 0 });
    expect(charthopJobs(w).get(jobId(901))).toMatchObject({ req: 'LVR-D', leverReqId: 'lr-d' });

    const plan = await w.engine.undoPlan(w.profileId, sync.id);
    expect(plan.rows.map((r) => [r.action, r.reason, r.reasonText])).toEqual([
      ['update', 'undo_link', `Linked in run #${sync.id}: the link is removed. 1 field restored (Requisition code).`],
    ]);
    const run = await w.engine.apply(w.profileId, plan.planId, { rowIds: plan.rows.map((r) => r.id) });
    expect(run.counts).toMatchObject({ updated: 1, failed: 0 });
    expect(charthopJobs(w).get(jobId(901))).toMatchObject({ req: 'OLD-7', leverReqId: 'lr-d' });
    expect((w.state().db.prepare('SELECT COUNT(*) AS n FROM links').get() as { n: number }).n).toBe(0);
  });

  it('removes the link when someone cleared the Lever Req ID on the job in ChartHop since the run', async () => {
    const w = await startWorld({
      charthop: charthopSeed([{ id: jobId(902), title: 'Designer', recruit: 'Active', hireMgr: 'hedy', req: 'LVR-D' }]),
      profile: INBOUND,
      lever: leverSeed([designer] as never),
    });
    world = w;
    const sync = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(sync.counts).toMatchObject({ linked: 1, failed: 0 });
    expect(charthopJobs(w).get(jobId(902))).toMatchObject({ req: 'LVR-D', leverReqId: 'lr-d' });
    await charthopCall(w, 'PATCH', `/v2/org/acme/job/${jobId(902)}`, { leverReqId: null });

    const plan = await w.engine.undoPlan(w.profileId, sync.id);
    expect(plan.rows.map((r) => [r.action, r.reason, r.reasonText])).toEqual([
      ['update', 'undo_link', `Linked in run #${sync.id}: the link is removed.`],
    ]);
    const run = await w.engine.apply(w.profileId, plan.planId, { rowIds: plan.rows.map((r) => r.id) });
    expect(run.counts).toMatchObject({ updated: 1, failed: 0 });
    expect(charthopJobs(w).get(jobId(902))?.['leverReqId'] ?? null).toBeNull();
    expect((w.state().db.prepare('SELECT COUNT(*) AS n FROM links').get() as { n: number }).n).toBe(0);
  });
});
