// Reconcile (ChartHop as truth): drifted requisitions repaired with Lever-side edits flagged, missing
// ones created again; the plan shows exactly those rows and approving a subset applies exactly it.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncWorld } from './harness.ts';
import { charthopCall, leverCall, startWorld } from './harness.ts';
import { activeJobs, charthopSeed, jobId, leverSeed } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const code = (i: number): string => `ENG-${String(i).padStart(4, '0')}`;

async function editRequisition(w: SyncWorld, reqCode: string, changes: Record<string, unknown>): Promise<void> {
  const r = w.lever.control.state().requisitions.find((x) => x.requisitionCode === reqCode);
  const current = (await leverCall(w, 'GET', `/requisitions/${r?.id ?? ''}`)) as { data: Record<string, unknown> };
  await leverCall(w, 'PUT', `/requisitions/${r?.id ?? ''}`, { ...current.data, ...changes });
}

describe('reconcile', () => {
  it('plans exactly the 10 drifted and 5 missing requisitions with their diffs; approving 12 applies exactly those 12', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(40)), lever: leverSeed() });
    expect((await world.engine.run(world.profileId, { trigger: 'manual' })).counts.created).toBe(40);
    for (let i = 1; i <= 5; i += 1) await editRequisition(world, code(i), { name: `Edited in Lever ${i}` });
    for (let i = 6; i <= 10; i += 1) await editRequisition(world, code(i), { location: 'Berlin' });
    for (let i = 11; i <= 15; i += 1) {
      const r = world.lever.control.state().requisitions.find((x) => x.requisitionCode === code(i));
      await leverCall(world, 'DELETE', `/requisitions/${r?.id ?? ''}`);
    }
    // A ChartHop-side change is not drift: Sync handles it, and Reconcile says so.
    await charthopCall(world, 'PATCH', `/v2/org/acme/job/${jobId(20)}`, { title: 'Principal Engineer' });

    const sync = await world.engine.plan(world.profileId, 'sync');
    expect(sync.rows.map((r) => [r.requisitionCode, r.action, r.reason])).toEqual(
      expect.arrayContaining([
        [code(20), 'update', 'fields_changed'],
        ...[11, 12, 13, 14, 15].map((i) => [code(i), 'needs_attention', 'requisition_missing']),
      ]),
    );
    expect(sync.rows).toHaveLength(6);

    await charthopCall(world, 'PATCH', `/v2/org/acme/job/${jobId(20)}`, { title: 'Engineer 20' });
    const plan = await world.engine.plan(world.profileId, 'reconcile');
    expect(plan.direction).toBe('reconcile');
    expect(plan.rows).toHaveLength(15);
    expect(plan.counts).toMatchObject({ update: 10, create: 5, close: 0, delete: 0, link: 0, skip: 0, needs_attention: 0 });
    for (let i = 1; i <= 5; i += 1) {
      expect(plan.rows.find((r) => r.requisitionCode === code(i))).toMatchObject({
        action: 'update',
        reason: 'fields_drifted',
        reasonText: expect.stringContaining('Lever-side edits to Title'),
        diff: [{ field: 'title', label: 'Title', before: `Edited in Lever ${i}`, after: `Engineer ${i}` }],
      });
    }
    for (let i = 6; i <= 10; i += 1) {
      expect(plan.rows.find((r) => r.requisitionCode === code(i))).toMatchObject({
        action: 'update',
        reason: 'fields_drifted',
        diff: [{ field: 'location', label: 'Location', before: 'Berlin', after: 'New York' }],
      });
    }
    for (let i = 11; i <= 15; i += 1) {
      expect(plan.rows.find((r) => r.requisitionCode === code(i))).toMatchObject({
        action: 'create',
        reason: 'requisition_missing',
        jobId: jobId(i),
      });
    }

    const approved = plan.rows.filter((r) => r.action === 'update' || r.requisitionCode === code(11) || r.requisitionCode === code(12));
    expect(approved).toHaveLength(12);
    world.lever.control.clearRequestLog();
    const run = await world.engine.apply(world.profileId, plan.planId, { rowIds: approved.map((r) => r.id) });
    expect(run).toMatchObject({ status: 'succeeded', trigger: 'reconcile', direction: 'reconcile' });
    expect(run.counts).toMatchObject({ updated: 10, created: 2, failed: 0 });
    const items = world.engine.runs.get(world.profileId, run.id).items;
    expect(items.map((i) => i.recordKey).sort()).toEqual(approved.map((r) => r.requisitionCode).sort());
    expect(items.every((i) => i.outcome === 'applied')).toBe(true);
    expect(world.leverWrites().filter((w) => w.method === 'PUT')).toHaveLength(10);
    expect(world.leverWrites().filter((w) => w.method === 'POST')).toHaveLength(2);

    const reqs = new Map(world.lever.control.state().requisitions.map((r) => [r.requisitionCode, r]));
    for (let i = 1; i <= 5; i += 1) expect(reqs.get(code(i))?.name).toBe(`Engineer ${i}`);
    for (let i = 6; i <= 10; i += 1) expect(reqs.get(code(i))?.location).toBe('New York');
    expect([11, 12, 13, 14, 15].map((i) => reqs.has(code(i)))).toEqual([true, true, false, false, false]);

    const after = await world.engine.plan(world.profileId, 'reconcile');
    expect(after.rows.map((r) => r.requisitionCode).sort()).toEqual([code(13), code(14), code(15)]);
    // A plan is applied once.
    await expect(world.engine.apply(world.profileId, plan.planId, { rowIds: [] })).rejects.toMatchObject({ code: 'sync.plan_expired' });
  });

  it('flags a field changed on both sides as a conflict that ChartHop wins', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(12)), lever: leverSeed() });
    await world.engine.run(world.profileId, { trigger: 'manual' });
    await editRequisition(world, code(1), { name: 'Lever title' });
    await charthopCall(world, 'PATCH', `/v2/org/acme/job/${jobId(1)}`, { title: 'ChartHop title' });
    const plan = await world.engine.plan(world.profileId, 'reconcile');
    expect(plan.rows).toEqual([
      expect.objectContaining({
        action: 'update',
        reason: 'fields_conflict',
        diff: [{ field: 'title', label: 'Title', before: 'Lever title', after: 'ChartHop title' }],
      }),
    ]);
  });

  it('refuses to reconcile a profile with Lever as the source of truth', async () => {
    world = await startWorld({
      charthop: charthopSeed([]),
      lever: leverSeed(),
      profile: {
        sourceOfTruth: 'lever',
        options: { reverseSync: true, runDaily: false, syncOnChange: false, reconciliation: false, remoteLocationAsDefault: false },
      },
    });
    await expect(world.engine.plan(world.profileId, 'reconcile')).rejects.toMatchObject({
      code: 'sync.reconcile_not_allowed',
      message: expect.stringContaining('Reconcile treats ChartHop as the source of truth'),
    });
  });
});
