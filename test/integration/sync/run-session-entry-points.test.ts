// The engine's entry points around a run: applying a stored plan whole, undoing a run after the
// profile's direction changed, what the report keeps as "unmapped" (only full plans say it), and
// the log lines a support person reads to follow what was planned and how each run ended.
import { afterEach, describe, expect, it } from 'vitest';
import { lastUnmapped } from '../../../src/main/core/report/report-facts.ts';
import { valueOf } from '../../support/test-core.ts';
import type { SyncWorld } from './harness.ts';
import { charthopCall, startWorld } from './harness.ts';
import { activeJobs, charthopSeed, inboundProfile, jobId, leverSeed } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));
const syncLines = (w: SyncWorld): string[] => w.test.logs.filter((l) => l.message.startsWith('Sync: ')).map((l) => l.message);

describe('applying a stored plan', () => {
  it('applies every row when no rows are selected', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(2)), lever: leverSeed() });
    const plan = await world.engine.plan(world.profileId, 'sync');
    const run = await world.engine.apply(world.profileId, plan.planId);
    expect(run).toMatchObject({ status: 'succeeded', counts: expect.objectContaining({ created: 2, failed: 0 }) });
    expect(
      world.lever.control
        .state()
        .requisitions.map((r) => r.requisitionCode)
        .sort(),
    ).toEqual(['ENG-0001', 'ENG-0002']);
  });

  it('undoes an outbound run after the profile was switched to inbound, in the direction of the run it undoes', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(1)), lever: leverSeed() });
    const w = world;
    const sync = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(sync.counts.created).toBe(1);
    const plan = await w.engine.undoPlan(w.profileId, sync.id);
    valueOf(await w.test.api.invoke('settings:update', { profileId: w.profileId, patch: inboundProfile() }));
    const undo = await w.engine.apply(w.profileId, plan.planId, { rowIds: plan.rows.map((r) => r.id) });
    expect(undo).toMatchObject({ status: 'succeeded', kind: 'undo', undoes: sync.id, direction: 'outbound' });
    expect(undo.counts).toMatchObject({ deleted: 1, failed: 0 });
    expect(w.lever.control.state().requisitions).toEqual([]);
  });
});

describe('the unmapped values the report shows', () => {
  it('come from the last full plan or run, never from a Sync On Change run that saw only the changed jobs', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(2)), lever: leverSeed() });
    const w = world;
    expect(lastUnmapped(w.state())).toBeNull();
    const plan = await w.engine.plan(w.profileId, 'sync');
    expect(lastUnmapped(w.state())).toEqual({ at: plan.createdAt, values: [] });

    await tick();
    const full = await w.engine.run(w.profileId, { trigger: 'manual' });
    const afterFull = lastUnmapped(w.state());
    expect(afterFull?.at).not.toBe(plan.createdAt);
    expect(afterFull?.at !== undefined && afterFull.at >= full.startedAt && afterFull.at <= (full.finishedAt as string)).toBe(true);

    await tick();
    await charthopCall(w, 'PATCH', `/v2/org/acme/job/${jobId(1)}`, { title: 'Principal Engineer 1' });
    const change = await w.engine.runOnChange(w.profileId, [jobId(1)]);
    expect(change).toMatchObject({ trigger: 'change', counts: expect.objectContaining({ updated: 1 }) });
    expect(lastUnmapped(w.state())).toEqual(afterFull);
  });
});

describe('the sync log', () => {
  it('says how many rows a plan has, and how each run ended', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(2)), lever: leverSeed() });
    const w = world;
    await w.engine.plan(w.profileId, 'sync');
    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(syncLines(w)).toEqual([
      `Sync: planned 2 row(s) for profile ${w.profileId} (outbound)`,
      `Sync: run #${run.id} of profile ${w.profileId} (outbound) ended succeeded`,
    ]);
  });
});
