// What an apply refuses and what a run records around an interrupted earlier run: a plan whose profile
// changed direction, rows that are not in the plan, a run that does not exist, and writes an earlier
// run left unfinished (settled before anything else is written, and listed in the run that settled them).
import { afterEach, describe, expect, it } from 'vitest';
import { valueOf } from '../../support/test-core.ts';
import type { SyncWorld } from './harness.ts';
import { crashOnceAfterSent, leverCall, startWorld } from './harness.ts';
import { activeJobs, charthopSeed, jobId, leverSeed, openRequisition } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('apply refuses a plan that no longer fits', () => {
  it('refuses a plan computed before the profile changed its direction, and writes nothing', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(2)), lever: leverSeed() });
    const w = world;
    const plan = await w.engine.plan(w.profileId, 'sync');
    expect(plan.direction).toBe('outbound');
    valueOf(
      await w.test.api.invoke('settings:update', {
        profileId: w.profileId,
        patch: {
          sourceOfTruth: 'lever',
          options: { reverseSync: true, remoteLocationAsDefault: true, runDaily: false, syncOnChange: false, reconciliation: false },
        },
      }),
    );
    const error = await w.engine.apply(w.profileId, plan.planId).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'sync.plan_expired',
      message: "The profile's direction changed since this plan was computed. Compute the plan again.",
    });
    expect(w.leverWrites()).toEqual([]);
    expect(w.charthopWrites()).toEqual([]);
    expect(w.engine.runs.list(w.profileId, 10)).toEqual([]);
  });

  it('refuses a selection that names rows outside the plan, saying how many, and writes nothing', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(2)), lever: leverSeed() });
    const w = world;
    const plan = await w.engine.plan(w.profileId, 'sync');
    const known = plan.rows[0]?.id ?? '';
    const error = await w.engine.apply(w.profileId, plan.planId, { rowIds: [known, 'not-a-row', 'another-stranger'] }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'sync.unknown_rows',
      message: '2 of the selected rows are not part of this plan. Compute the plan again and select from it.',
    });
    expect(w.leverWrites()).toEqual([]);
    expect(w.engine.runs.list(w.profileId, 10)).toEqual([]);
  });

  it('refuses to run a profile without a ChartHop token, saying where to enter it', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(1)), lever: leverSeed() });
    const w = world;
    valueOf(await w.test.api.invoke('secrets:clear', { profileId: w.profileId, name: 'charthopToken' }));
    const error = await w.engine.run(w.profileId, { trigger: 'manual' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'sync.no_charthop',
      message: 'The profile "Acme" has no ChartHop token or org, so nothing can be synced. Enter both under Setup → Connect.',
    });
    expect(w.leverWrites()).toEqual([]);
  });

  it('refuses to export a run that does not exist, naming it', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(1)), lever: leverSeed() });
    const w = world;
    let error: unknown = null;
    try {
      w.engine.runs.export(w.profileId, 41, 'csv');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'runs.not_found',
      message: 'There is no run #41 for this profile. Pick one from the Runs list.',
    });
  });
});

describe('writes an interrupted run left unfinished', () => {
  it('a plan computed before settling is not applied: the run fails saying why, and lists no settled write', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(1)), lever: leverSeed(), hooks: crashOnceAfterSent() });
    const w = world;
    const crashed = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(crashed.status).toBe('failed');
    const plan = await w.engine.plan(w.profileId, 'sync');
    const run = await w.engine.apply(w.profileId, plan.planId);
    expect(run).toMatchObject({
      status: 'failed',
      error:
        'Nothing from the plan was applied: an interrupted earlier run had unfinished writes, now settled, so the plan may be out of date. Compute the plan again and apply the new one.',
    });
    // The unfinished create never reached Lever: settling failed it, which is no item of this run.
    expect(w.engine.runs.get(w.profileId, run.id).items).toEqual([]);
    expect(w.leverWrites()).toEqual([]);
  });

  it('a create that reached Lever before the crash is found, linked and listed as recovered, never sent twice', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(1)), lever: leverSeed(), hooks: crashOnceAfterSent() });
    const w = world;
    const crashed = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(crashed.status).toBe('failed');
    // The create did reach Lever before the process died.
    const created = (await leverCall(w, 'POST', '/requisitions', openRequisition('ENG-0001', 'Engineer 1'))) as { data: { id: string } };
    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(run.status).toBe('succeeded');
    const items = w.engine.runs.get(w.profileId, run.id).items;
    expect(items.filter((i) => i.reason === 'recovered_after_interruption').map(({ id: _id, ...item }) => item)).toEqual([
      {
        recordKey: 'ENG-0001',
        title: 'Engineer 1',
        action: 'create',
        outcome: 'applied',
        reason: 'recovered_after_interruption',
        reasonText: 'An interrupted run had created requisition ENG-0001; it was found in Lever by its code and linked (no second create).',
        diff: [],
        error: null,
      },
    ]);
    expect(w.lever.control.state().requisitions.map((r) => r.id)).toEqual([created.data.id]);
  });
});

describe('Sync On Change', () => {
  it('a change that leaves nothing to write records no run, and the log says so', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(2)), lever: leverSeed() });
    const w = world;
    const first = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(first.status).toBe('succeeded');
    const writes = w.leverWrites().length;
    expect(await w.engine.runOnChange(w.profileId, [jobId(1)])).toBeNull();
    expect(w.engine.runs.list(w.profileId, 10).map((r) => r.id)).toEqual([first.id]);
    expect(w.leverWrites()).toHaveLength(writes);
    expect(w.test.logs.map((r) => r.message).filter((m) => m.includes('Sync On Change'))).toEqual([
      `Sync: Sync On Change of profile ${w.profileId} found nothing to do in 1 changed job(s); no run recorded`,
    ]);
  });
});
