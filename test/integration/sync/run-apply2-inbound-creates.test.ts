// Creating ChartHop jobs from Lever requisitions (Reverse Sync) when things go wrong around the write:
// a create whose answer is lost is found again by its Lever Req ID (never a second job), the id an
// answer carried is journaled before anything else happens, and a job an interrupted run created is
// listed by its title in the run that settles it. A requisition ReqBridge only copied into ChartHop
// is never recorded as one ReqBridge created (so a later outbound run never deletes it in Lever).
import { afterEach, describe, expect, it } from 'vitest';
import { createJournal } from '../../../src/main/core/sync/journal.ts';
import type { JournalHooks } from '../../../src/main/core/sync/journal.ts';
import { createLinksStore } from '../../../src/main/core/sync/links-store.ts';
import type { SyncWorld } from './harness.ts';
import { charthopCall, crashOnceAfterSent, startWorld } from './harness.ts';
import { charthopSeed, inboundProfile, leverSeed, seededRequisition } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const INBOUND = inboundProfile();

/** A world whose Lever has one open requisition (lr-1, LVR-1, "Role LVR-1") and whose ChartHop has no open job. */
function inboundWorld(hooks?: JournalHooks): Promise<SyncWorld> {
  return startWorld({ charthop: charthopSeed([]), lever: leverSeed([seededRequisition('lr-1', 'LVR-1')]), profile: INBOUND, hooks });
}

/** The ids of the ChartHop jobs that carry Lever Req ID `requisitionId`. */
function jobsFor(w: SyncWorld, requisitionId: string): string[] {
  return w.charthop.control
    .jobs('acme')
    .filter((j) => j['leverReqId'] === requisitionId)
    .map((j) => String(j['id']));
}

/** The intents' states and results, oldest first. */
function intents(w: SyncWorld): { state: string; result: unknown }[] {
  return (w.state().db.prepare('SELECT state, result FROM intents ORDER BY id').all() as { state: string; result: string | null }[]).map(
    (r) => ({ state: r.state, result: r.result === null ? null : (JSON.parse(r.result) as unknown) }),
  );
}

const SYNCED = {
  code: 'LVR-1',
  title: 'Role LVR-1',
  status: 'Active',
  employment: 'FULL',
  department: 'Engineering',
  team: 'Platform',
  location: 'New York',
  hiringManager: 'grace@acme.example',
  recruiter: 'rick@acme.example',
};

describe('an inbound create whose answer is lost', () => {
  it('finds the job ChartHop did create by its Lever Req ID: one job, linked, never posted twice, and the run succeeds', async () => {
    world = await inboundWorld();
    const w = world;
    w.charthop.control.setFault({ method: 'POST', path: '/v2/org/:org/job', nth: 1, action: { kind: 'commitThenReset' } });
    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(run.status).toBe('succeeded');
    expect(run.counts).toMatchObject({ created: 1, failed: 0 });
    const jobs = jobsFor(w, 'lr-1');
    expect(jobs).toHaveLength(1);
    expect(w.charthop.control.requestLog({ method: 'POST', path: '/v2/org/acme/job' })).toHaveLength(1);
    expect(intents(w)).toEqual([{ state: 'CONFIRMED', result: { jobId: jobs[0], outcome: 'recovered' } }]);
  });
});

describe('the link an inbound create leaves', () => {
  it('records the job as linked to the requisition, the requisition not created by ReqBridge', async () => {
    world = await inboundWorld();
    const w = world;
    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(run.status).toBe('succeeded');
    const [job] = jobsFor(w, 'lr-1');
    expect(createLinksStore(w.state()).all()).toEqual([
      {
        jobId: job,
        requisitionId: 'lr-1',
        requisitionCode: 'LVR-1',
        createdByReqBridge: false,
        synced: SYNCED,
        syncedDirection: 'inbound',
      },
    ]);
  });
});

describe('the id a create’s answer carried', () => {
  it('is journaled before anything else happens, so a crash right after the write continues from that job', async () => {
    const seen: { state: string; createdId: string | null }[][] = [];
    const observed: { world?: SyncWorld } = {};
    world = await inboundWorld({
      at: (point) => {
        if (point === 'after_write' && observed.world)
          seen.push(
            createJournal(observed.world.state())
              .unfinished()
              .map((i) => ({ state: i.state, createdId: i.createdId })),
          );
      },
    });
    observed.world = world;
    const run = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(run.status).toBe('succeeded');
    const [job] = jobsFor(world, 'lr-1');
    expect(seen).toEqual([[{ state: 'SENT', createdId: job }]]);
  });
});

describe('a ChartHop job an interrupted run created', () => {
  it('is listed by its title as recovered in the run that settles it, and not created again', async () => {
    world = await inboundWorld(crashOnceAfterSent());
    const w = world;
    const crashed = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(crashed.status).toBe('failed');
    // The create did reach ChartHop before the process died: the very body the journal holds.
    const [left] = createJournal(w.state()).unfinished();
    expect(left?.op.kind).toBe('charthop.create');
    const body = left?.op.kind === 'charthop.create' ? left.op.body : {};
    await charthopCall(w, 'POST', '/v2/org/acme/job', body);
    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(run.status).toBe('succeeded');
    const items = w.engine.runs.get(w.profileId, run.id).items;
    expect(items.map(({ id: _id, ...item }) => item)).toEqual([
      {
        recordKey: 'LVR-1',
        title: 'Role LVR-1',
        action: 'create',
        outcome: 'applied',
        reason: 'recovered_after_interruption',
        reasonText:
          'An interrupted run had created the ChartHop job for requisition LVR-1; it was found by its Lever Req ID and linked (no second create).',
        diff: [],
        error: null,
      },
    ]);
    expect(jobsFor(w, 'lr-1')).toHaveLength(1);
  });
});
