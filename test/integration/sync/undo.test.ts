// Undo a run against the fakes over real HTTP and real SQLite: Sync, then Undo, then a fresh plan
// equals the plan from before the sync; a field edited in between needs attention instead of being
// overwritten; a created requisition that gained a posting is closed, not deleted; an undo run is
// recorded naming its run, and a run is undone once, never an undo.
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanView } from '../../../src/shared/api/sync-views.ts';
import type { LeverRequisition } from '../../../src/main/sandbox/lever/index.ts';
import type { SyncWorld } from './harness.ts';
import { charthopCall, charthopJobs, fillJob, leverCall, startWorld } from './harness.ts';
import { createRunLog } from '../../../src/main/core/sync/run-log.ts';
import { activeJobs, charthopSeed, inboundProfile, jobId, leverSeed, openRequisition, publishedPosting } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const inLever = (code: string, name: string, extra: Partial<LeverRequisition> = {}) =>
  openRequisition(code, name, { compensationBand: { currency: 'USD', interval: 'per-year-salary', min: 150_000, max: 150_000 }, ...extra });

/** Jobs 1–2 coded with no requisition, job 3 without a code (generated, written back), job 4 coded and in Lever as is, job 5 coded and drifted in Lever. */
async function rolloutWorld(): Promise<SyncWorld> {
  const jobs = activeJobs(5, (i) => (i === 2 ? { req: undefined } : {}));
  const w = await startWorld({
    charthop: charthopSeed(jobs),
    lever: leverSeed([
      inLever('ENG-0004', 'Engineer 4') as never,
      inLever('ENG-0005', 'Engineer 5', { department: 'Sales', location: 'Remote' }) as never,
    ]),
  });
  world = w;
  return w;
}

const comparable = (plan: PlanView) =>
  plan.rows.map(({ id, action, reason, diff, jobId: j, requisitionId, requisitionCode, title }) => ({
    id,
    action,
    reason,
    diff,
    j,
    requisitionId,
    requisitionCode,
    title,
  }));
const reqOf = (w: SyncWorld, code: string) => w.lever.control.state().requisitions.find((r) => r.requisitionCode === code);

async function undoAll(w: SyncWorld, runId: number) {
  const plan = await w.engine.undoPlan(w.profileId, runId);
  const run = await w.engine.apply(w.profileId, plan.planId, { rowIds: plan.rows.map((r) => r.id) });
  return { plan, run };
}

describe('undo a run', () => {
  it('after Sync then Undo, a fresh plan equals the plan from before the sync; the undo run names the run it undid', async () => {
    const w = await rolloutWorld();
    const before = await w.engine.plan(w.profileId, 'sync');
    expect(before.counts).toMatchObject({ create: 3, update: 1, link: 1 });
    const sync = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(sync.counts).toMatchObject({ created: 3, updated: 1, linked: 1, failed: 0 });
    expect(reqOf(w, 'ENG-0005')).toMatchObject({ department: 'Engineering', location: 'New York' });

    const { plan, run } = await undoAll(w, sync.id);
    expect(plan.undoes).toBe(sync.id);
    // A new profile starts with Sync On Change on (the outbound flow requires it): the undo says it would re-plan these records.
    expect(plan.notice).toContain('Sync On Change is on for this profile');
    expect(plan.counts).toMatchObject({ delete: 3, update: 2, needs_attention: 0 });
    expect(run).toMatchObject({ status: 'succeeded', kind: 'undo', undoes: sync.id });
    expect(run.counts).toMatchObject({ deleted: 3, updated: 2, failed: 0 });

    // Lever and ChartHop are back: the created requisitions are gone, the drift is back, the job holds no id or generated code.
    expect(
      w.lever.control
        .state()
        .requisitions.map((r) => r.requisitionCode)
        .sort(),
    ).toEqual(['ENG-0004', 'ENG-0005']);
    expect(reqOf(w, 'ENG-0005')).toMatchObject({ department: 'Sales', location: 'Remote' });
    const jobs = charthopJobs(w);
    for (const i of [1, 2, 3, 4, 5]) expect(jobs.get(jobId(i))?.['leverReqId'] ?? null, `job ${i}`).toBeNull();
    expect(jobs.get(jobId(3))?.['req'] ?? null).toBeNull();
    expect((w.state().db.prepare('SELECT COUNT(*) AS n FROM links').get() as { n: number }).n).toBe(0);

    const after = await w.engine.plan(w.profileId, 'sync');
    expect(comparable(after)).toEqual(comparable(before));

    expect(w.engine.runs.get(w.profileId, sync.id).undoneBy).toBe(run.id);
    await expect(w.engine.undoPlan(w.profileId, sync.id)).rejects.toThrow(
      `Run #${sync.id} was already undone by run #${run.id}; a run can be undone once.`,
    );
    await expect(w.engine.undoPlan(w.profileId, run.id)).rejects.toThrow(`Run #${run.id} is itself an undo, and an undo cannot be undone.`);
  });

  it('a field edited in Lever since the run needs attention with all three values and is not overwritten', async () => {
    const w = await rolloutWorld();
    const sync = await w.engine.run(w.profileId, { trigger: 'manual' });
    const drifted = reqOf(w, 'ENG-0005') as LeverRequisition;
    const created = reqOf(w, 'ENG-0001') as LeverRequisition;
    await leverCall(w, 'PUT', `/requisitions/${drifted.id}`, { ...stripped(drifted), department: 'Marketing' });
    await leverCall(w, 'PUT', `/requisitions/${created.id}`, { ...stripped(created), name: 'Staff Engineer 1' });

    const { plan, run } = await undoAll(w, sync.id);
    const attention = plan.rows.filter((r) => r.action === 'needs_attention');
    expect(attention.map((r) => r.requisitionCode).sort()).toEqual(['ENG-0001', 'ENG-0005']);
    const field = attention.find((r) => r.requisitionCode === 'ENG-0005');
    expect(field?.reasonText).toContain('Department: before the run "Sales", the run wrote "Engineering", now "Marketing"');
    expect(attention.find((r) => r.requisitionCode === 'ENG-0001')?.reasonText).toContain(
      'Title: before the run (empty), the run wrote "Engineer 1", now "Staff Engineer 1"',
    );
    expect(run.counts).toMatchObject({ attention: 2, deleted: 2, updated: 1, failed: 0 });
    // Neither was overwritten nor deleted.
    expect(reqOf(w, 'ENG-0005')).toMatchObject({ department: 'Marketing', location: 'New York' });
    expect(reqOf(w, 'ENG-0001')).toMatchObject({ name: 'Staff Engineer 1' });
  });

  it('an edit made after the undo was planned fails its row instead of being overwritten', async () => {
    const w = await rolloutWorld();
    const sync = await w.engine.run(w.profileId, { trigger: 'manual' });
    const plan = await w.engine.undoPlan(w.profileId, sync.id);
    const drifted = reqOf(w, 'ENG-0005') as LeverRequisition;
    const created = reqOf(w, 'ENG-0001') as LeverRequisition;
    await leverCall(w, 'PUT', `/requisitions/${drifted.id}`, { ...stripped(drifted), department: 'Marketing' });
    await leverCall(w, 'PUT', `/requisitions/${created.id}`, { ...stripped(created), name: 'Staff Engineer 1' });
    const run = await w.engine.apply(w.profileId, plan.planId, { rowIds: plan.rows.map((r) => r.id) });
    expect(run.counts).toMatchObject({ failed: 2, deleted: 2, updated: 1 });
    const failed = w.engine.runs.get(w.profileId, run.id).items.filter((i) => i.outcome === 'failed');
    expect(failed.map((i) => i.error)).toEqual([
      'The requisition ENG-0001 changed since the undo was planned (name), so nothing was written to it. Plan the undo again to see the values now.',
      'The requisition ENG-0005 changed since the undo was planned (department), so nothing was written to it. Plan the undo again to see the values now.',
    ]);
    expect(reqOf(w, 'ENG-0005')).toMatchObject({ department: 'Marketing' });
    expect(reqOf(w, 'ENG-0001')).toMatchObject({ name: 'Staff Engineer 1' });
  });

  it('a created requisition that gained a posting is closed with the reason, not deleted', async () => {
    const w = await rolloutWorld();
    const sync = await w.engine.run(w.profileId, { trigger: 'manual' });
    const state = w.lever.control.state();
    const req = reqOf(w, 'ENG-0002') as LeverRequisition;
    state.postings.push(publishedPosting('p-1', 'Engineer 2', [req.requisitionCode], req.createdAt));
    w.lever.control.seed(state);
    const { plan } = await undoAll(w, sync.id);
    const row = plan.rows.find((r) => r.requisitionCode === 'ENG-0002');
    expect(row).toMatchObject({ action: 'close', reason: 'undo_created_in_use' });
    expect(row?.reasonText).toContain('it has 1 posting (candidates may have applied), so it is closed rather than deleted');
    expect(reqOf(w, 'ENG-0002')).toMatchObject({ status: 'closed' });
  });

  it('lists the people created while the run went, with a link to each in ChartHop, and never undoes them; their job’s requisition is closed', async () => {
    const w = await rolloutWorld();
    const sync = await w.engine.run(w.profileId, { trigger: 'manual' });
    w.state()
      .db.prepare(
        "INSERT INTO hires (opportunity_id, charthop_job_id, person_id, decision, decided_at) VALUES ('opp-1', ?, 'person-1', 'created', ?)",
      )
      .run(jobId(1), sync.startedAt);
    const plan = await w.engine.undoPlan(w.profileId, sync.id);
    const hire = plan.rows.find((r) => r.reason === 'hire_not_undone');
    expect(hire).toMatchObject({
      action: 'skip',
      link: { label: 'Open the person in ChartHop', url: `${w.charthop.url}/v2/org/acme/person/person-1` },
    });
    expect(hire?.reasonText).toContain('Not undone: hires are never taken back automatically');
    expect(plan.rows.find((r) => r.jobId === jobId(1))).toMatchObject({ action: 'close', reason: 'undo_created_in_use' });
  });

  it('reopens a close to the status before the run; a metrics run is refused with a sentence', async () => {
    const w = await rolloutWorld();
    await w.engine.run(w.profileId, { trigger: 'manual' });
    await leverCall(w, 'PUT', '/requisitions/' + (reqOf(w, 'ENG-0004') as LeverRequisition).id, {
      ...stripped(reqOf(w, 'ENG-0004') as LeverRequisition),
      status: 'onHold',
    });
    await fillJob(w, jobId(4));
    const close = await w.engine.run(w.profileId, { trigger: 'manual', confirmLargeChange: true });
    expect(close.counts, JSON.stringify(w.engine.runs.get(w.profileId, close.id))).toMatchObject({ closed: 1 });
    const { run } = await undoAll(w, close.id);
    expect(run.counts).toMatchObject({ updated: 1, failed: 0 });
    expect(reqOf(w, 'ENG-0004')).toMatchObject({ status: 'onHold' });

    const metrics = createRunLog(w.state(), w.profileId, (text) => text).recordFailure('schedule', 'metrics', new Date(), 'No key.');
    await expect(w.engine.undoPlan(w.profileId, metrics.id)).rejects.toThrow(
      `Run #${metrics.id} pulled candidate metrics and wrote no requisitions, so there is nothing to undo.`,
    );
  });
});

function stripped(r: LeverRequisition): Record<string, unknown> {
  const { id: _i, createdAt: _c, updatedAt: _u, creator: _cr, ...rest } = r as LeverRequisition & { creator?: unknown };
  return rest;
}

describe('undo an inbound run (Lever is the source of truth)', () => {
  const INBOUND = inboundProfile(true);
  const req = (id: string, code: string, name: string, hiringManager: string) =>
    openRequisition(code, name, {
      id,
      hiringManager,
      compensationBand: { currency: 'USD', interval: 'per-year-salary', min: 150_000, max: 150_000 },
    });

  it('deletes the jobs the run created and removes the links it made, restoring the fields it wrote: a fresh plan equals the one before', async () => {
    const jobs = [
      { id: jobId(900), title: 'Data Engineer', recruit: 'Active', hireMgr: 'grace' as const },
      { id: jobId(901), title: 'Designer', recruit: 'Passive', hireMgr: 'hedy' as const },
    ];
    const w = await startWorld({
      charthop: charthopSeed(jobs),
      profile: INBOUND,
      lever: leverSeed([
        req('lr-1', 'LVR-1', 'Analyst 1', 'u-grace'),
        req('lr-2', 'LVR-2', 'Analyst 2', 'u-hedy'),
        req('lr-m', 'LVR-M', 'Data Engineer', 'u-grace'),
        req('lr-d', 'LVR-D', 'Designer', 'u-hedy'),
      ] as never),
    });
    world = w;
    const before = await w.engine.plan(w.profileId, 'sync');
    const sync = await w.engine.run(w.profileId, { trigger: 'manual' });
    // Job 900 only gets its code (a link); job 901 also turns Active (an update that links).
    expect(sync.counts).toMatchObject({ created: 2, linked: 1, updated: 1, failed: 0 });
    const created = [...charthopJobs(w).values()]
      .filter((j) => j['leverReqId'] === 'lr-1' || j['leverReqId'] === 'lr-2')
      .map((j) => String(j['id']));
    expect(created).toHaveLength(2);
    expect(charthopJobs(w).get(jobId(901))).toMatchObject({ recruit: 'Active', req: 'LVR-D', leverReqId: 'lr-d' });

    const { plan, run } = await undoAll(w, sync.id);
    expect(plan.counts).toMatchObject({ delete: 2, update: 2, needs_attention: 0 });
    expect(run.counts).toMatchObject({ deleted: 2, updated: 2, failed: 0 });
    const after = charthopJobs(w);
    for (const id of created) expect(after.has(id), id).toBe(false);
    expect(after.get(jobId(900))?.['leverReqId'] ?? null).toBeNull();
    expect(after.get(jobId(901))).toMatchObject({ recruit: 'Passive' });
    expect(after.get(jobId(901))?.['req'] ?? null).toBeNull();
    expect((w.state().db.prepare('SELECT COUNT(*) AS n FROM links').get() as { n: number }).n).toBe(0);
    expect(comparable(await w.engine.plan(w.profileId, 'sync'))).toEqual(comparable(before));
  });

  it('a ChartHop field edited since the run needs attention and is not overwritten', async () => {
    const w = await startWorld({
      charthop: charthopSeed([{ id: jobId(901), title: 'Designer', recruit: 'Passive', hireMgr: 'hedy' as const }]),
      profile: INBOUND,
      lever: leverSeed([req('lr-d', 'LVR-D', 'Designer', 'u-hedy')] as never),
    });
    world = w;
    const sync = await w.engine.run(w.profileId, { trigger: 'manual' });
    await charthopCall(w, 'PATCH', `/v2/org/acme/job/${jobId(901)}`, { recruit: 'Inactive' });
    const { plan } = await undoAll(w, sync.id);
    expect(plan.rows).toHaveLength(1);
    expect(plan.rows[0]).toMatchObject({ action: 'needs_attention', reason: 'undo_changed_since' });
    expect(plan.rows[0]?.reasonText).toContain('Status: before the run "Passive", the run wrote "Active", now "Inactive"');
    expect(charthopJobs(w).get(jobId(901))).toMatchObject({ recruit: 'Inactive', leverReqId: 'lr-d' });
  });

  it('a ChartHop edit made after the undo was planned fails its row instead of being overwritten', async () => {
    const w = await startWorld({
      charthop: charthopSeed([{ id: jobId(901), title: 'Designer', recruit: 'Passive', hireMgr: 'hedy' as const }]),
      profile: INBOUND,
      lever: leverSeed([req('lr-d', 'LVR-D', 'Designer', 'u-hedy'), req('lr-1', 'LVR-1', 'Analyst 1', 'u-grace')] as never),
    });
    world = w;
    const sync = await w.engine.run(w.profileId, { trigger: 'manual' });
    const plan = await w.engine.undoPlan(w.profileId, sync.id);
    expect(plan.counts).toMatchObject({ delete: 1, update: 1 });
    const created = [...charthopJobs(w).values()].find((j) => j['leverReqId'] === 'lr-1');
    await charthopCall(w, 'PATCH', `/v2/org/acme/job/${jobId(901)}`, { recruit: 'Inactive' });
    await charthopCall(w, 'PATCH', `/v2/org/acme/job/${String(created?.['id'])}`, { title: 'Analyst, renamed' });
    const run = await w.engine.apply(w.profileId, plan.planId, { rowIds: plan.rows.map((r) => r.id) });
    expect(run.counts).toMatchObject({ failed: 2, deleted: 0, updated: 0 });
    const errors = w.engine.runs.get(w.profileId, run.id).items.map((i) => i.error);
    expect(errors).toContain(
      'The ChartHop job "Designer" changed since the undo was planned (recruit), so nothing was written to it. Plan the undo again to see the values now.',
    );
    expect(errors).toContain(
      'The ChartHop job "Analyst, renamed" changed since the undo was planned (title), so nothing was written to it. Plan the undo again to see the values now.',
    );
    expect(charthopJobs(w).get(jobId(901))).toMatchObject({ recruit: 'Inactive', leverReqId: 'lr-d' });
    expect(charthopJobs(w).get(String(created?.['id']))).toMatchObject({ title: 'Analyst, renamed' });
  });
});
