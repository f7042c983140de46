// First contact with real data: one odd record never fails a run. Each case below is synced, and
// its run item carries a warning that names the problem: a posting the requisition lists but Lever
// no longer has, a hiring manager or owner that is no longer a Lever user, a deactivated user, an
// "unlimited" headcount, and names that match only once spaces or Unicode accents are normalised.
import { afterEach, describe, expect, it } from 'vitest';
import type { LeverRequisition, SeedOf } from '../../../src/main/sandbox/lever/index.ts';
import type { SyncWorld } from './harness.ts';
import { charthopCall, charthopJobs, startWorld } from './harness.ts';
import { activeJobs, charthopSeed, G, inboundProfile, jobId, leverSeed, publishedPosting, seededRequisition, STAFF } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

type ReqSeed = SeedOf<LeverRequisition, 'requisitionCode' | 'name' | 'headcountTotal'>;
const INBOUND = inboundProfile();
const reqOf = (w: SyncWorld, code: string) =>
  w.lever.control.state().requisitions.find((r) => r.requisitionCode === code) as LeverRequisition;
const itemOf = (w: SyncWorld, runId: number, key: string) => w.engine.runs.get(w.profileId, runId).items.find((i) => i.recordKey === key);

/** Requisition `code` (id lr-<code>) as an inbound sync finds it in Lever. */
function inboundReq(code: string, extra: Partial<ReqSeed> = {}): ReqSeed {
  return seededRequisition(`lr-${code}`, code, extra);
}

describe('outbound', () => {
  it('a requisition listing a posting Lever no longer has: the update is written, the posting left out with a warning', async () => {
    const w = await startWorld({ charthop: charthopSeed(activeJobs(1)), lever: leverSeed() });
    world = w;
    expect((await w.engine.run(w.profileId, { trigger: 'manual' })).counts.created).toBe(1);
    const state = w.lever.control.state();
    const req = reqOf(w, 'ENG-0001');
    const posting = (id: string) => publishedPosting(id, 'Engineer 1', [req.requisitionCode], req.createdAt);
    state.postings.push(posting('p-live'), posting('p-gone'));
    w.lever.control.seed(state);
    // Lever still lists p-gone on the requisition but answers 404 for it.
    w.lever.control.setFault({ method: 'GET', path: '/v1/postings/p-gone', action: { kind: 'status', status: 404 } });
    await charthopCall(w, 'PATCH', `/v2/org/acme/job/${jobId(1)}`, { groupIds: [G.sales, G.enterprise, G.remote] });

    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(run.status).toBe('succeeded');
    expect(run.counts).toMatchObject({ updated: 1, failed: 0 });
    expect(reqOf(w, 'ENG-0001')).toMatchObject({ department: 'Sales', team: 'Enterprise' });
    expect(w.lever.control.state().postings.find((p) => p.id === 'p-live')?.categories).toMatchObject({ department: 'Sales' });
    const item = itemOf(w, run.id, 'ENG-0001');
    expect(item).toMatchObject({ outcome: 'applied' });
    expect(item?.warnings).toEqual([expect.stringMatching(/lists posting p-gone, which Lever no longer has \(404\)/)]);
  });

  /** Syncs job 1 to Lever, makes its requisition's owner a user Lever then deletes, and retitles the job in ChartHop. */
  async function retitleAfterOwnerLeftLever(w: SyncWorld): Promise<void> {
    expect((await w.engine.run(w.profileId, { trigger: 'manual' })).counts.created).toBe(1);
    const state = w.lever.control.state();
    state.users.push({ ...state.users[0]!, id: 'u-gone', email: 'gone@acme.example', name: 'Gone User' });
    (state.requisitions.find((r) => r.requisitionCode === 'ENG-0001') as { owner: string | null }).owner = 'u-gone';
    w.lever.control.seed(state);
    const removed = w.lever.control.state();
    removed.users = removed.users.filter((u) => u.id !== 'u-gone');
    w.lever.control.seed(removed);
    await charthopCall(w, 'PATCH', `/v2/org/acme/job/${jobId(1)}`, { title: 'Staff Engineer 1' });
  }

  it('a requisition whose owner is no longer a Lever user: the update clears the reference and says so', async () => {
    const w = await startWorld({ charthop: charthopSeed(activeJobs(1, () => ({ recruiter: null }))), lever: leverSeed() });
    world = w;
    await retitleAfterOwnerLeftLever(w);

    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(run.counts).toMatchObject({ updated: 1, failed: 0 });
    expect(reqOf(w, 'ENG-0001')).toMatchObject({ name: 'Staff Engineer 1', owner: null });
    expect(itemOf(w, run.id, 'ENG-0001')?.warnings).toEqual([
      expect.stringMatching(/recruiter \(Lever user u-gone\) is no longer a Lever user/),
    ]);
  });

  it("a requisition whose owner is no longer a Lever user while the job names its recruiter: the update writes the job's recruiter", async () => {
    const w = await startWorld({ charthop: charthopSeed(activeJobs(1)), lever: leverSeed() });
    world = w;
    await retitleAfterOwnerLeftLever(w);

    // The recruiter did not change in ChartHop; without it the update would send the gone owner back and be refused.
    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(run.counts).toMatchObject({ updated: 1, failed: 0 });
    expect(reqOf(w, 'ENG-0001')).toMatchObject({ name: 'Staff Engineer 1', owner: STAFF.rick.leverId });
    expect(itemOf(w, run.id, 'ENG-0001')?.warnings).toEqual([
      expect.stringMatching(/recruiter \(Lever user u-gone\) is no longer a Lever user.*the job's recruiter is written with this update/),
    ]);
  });

  it('a job whose hiring manager is deactivated in Lever: the requisition is created without one, with a warning', async () => {
    const seed = leverSeed();
    seed.users = seed.users?.map((u) => (u.id === STAFF.grace.leverId ? { ...u, deactivatedAt: 1_700_000_000_000 } : u));
    const w = await startWorld({ charthop: charthopSeed(activeJobs(1)), lever: seed });
    world = w;
    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(run.counts).toMatchObject({ created: 1, failed: 0, skipped: 0 });
    expect(reqOf(w, 'ENG-0001')).toMatchObject({ hiringManager: null, owner: STAFF.rick.leverId });
    expect(itemOf(w, run.id, 'ENG-0001')?.warnings).toEqual([
      expect.stringMatching(/hiring manager, Grace Hopper \(grace@acme\.example\), is deactivated in Lever/),
    ]);
  });

  it('an "unlimited" headcount survives an update of the requisition', async () => {
    const w = await startWorld({ charthop: charthopSeed(activeJobs(1)), lever: leverSeed() });
    world = w;
    await w.engine.run(w.profileId, { trigger: 'manual' });
    const state = w.lever.control.state();
    (state.requisitions.find((r) => r.requisitionCode === 'ENG-0001') as { headcountTotal: number | 'unlimited' }).headcountTotal =
      'unlimited';
    w.lever.control.seed(state);
    await charthopCall(w, 'PATCH', `/v2/org/acme/job/${jobId(1)}`, { title: 'Engineer One' });
    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(run.counts).toMatchObject({ updated: 1, failed: 0 });
    expect(reqOf(w, 'ENG-0001')).toMatchObject({ name: 'Engineer One', headcountTotal: 'unlimited' });
  });
});

describe('inbound', () => {
  it('a hiring manager who is no longer a Lever user and an owner who is deactivated: the job is created without them, with warnings', async () => {
    const seed = leverSeed([inboundReq('LVR-1', { hiringManager: 'u-deleted' }), inboundReq('LVR-2', { owner: STAFF.hedy.leverId })]);
    seed.users = seed.users?.map((u) => (u.id === STAFF.hedy.leverId ? { ...u, deactivatedAt: 1_700_000_000_000 } : u));
    // The fake refuses unknown users on writes, so the dangling id is put in after seeding.
    const w = await startWorld({ charthop: charthopSeed([]), lever: seed, profile: INBOUND });
    world = w;
    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(run.counts).toMatchObject({ created: 2, failed: 0, skipped: 0 });
    const jobs = [...charthopJobs(w).values()];
    const one = jobs.find((j) => j['leverReqId'] === 'lr-LVR-1');
    const two = jobs.find((j) => j['leverReqId'] === 'lr-LVR-2');
    expect(one?.['hireMgr']).toBeUndefined();
    expect(one?.['recruiter']).toBe(STAFF.rick.personId);
    expect(two?.['recruiter']).toBeUndefined();
    expect(two?.['hireMgr']).toBe(STAFF.grace.personId);
    expect(itemOf(w, run.id, 'LVR-1')?.warnings).toEqual([
      expect.stringMatching(/hiring manager \(Lever user u-deleted\) is no longer a Lever user/),
    ]);
    expect(itemOf(w, run.id, 'LVR-2')?.warnings).toEqual([
      expect.stringMatching(/recruiter, Hedy Lamarr \(hedy@acme\.example\), is deactivated in Lever/),
    ]);
  });

  it('an "unlimited" headcount requisition becomes a job like any other', async () => {
    const w = await startWorld({
      charthop: charthopSeed([]),
      lever: leverSeed([inboundReq('LVR-U', { headcountTotal: 'unlimited' })]),
      profile: INBOUND,
    });
    world = w;
    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(run.counts).toMatchObject({ created: 1, failed: 0 });
  });

  it('names that differ only by spaces or Unicode normalisation match their group; all but trailing spaces with a warning', async () => {
    // ChartHop's team is "Plataforma Técnica" with "é" as one code point; Lever's has "e" + a combining accent.
    const seed = charthopSeed([]);
    seed.groups = seed.groups?.map((g) => (g.id === G.platform ? { ...g, name: 'Plataforma T\u00e9cnica' } : g));
    const w = await startWorld({
      charthop: seed,
      lever: leverSeed([inboundReq('LVR-N', { department: 'Engineering ', team: 'Plataforma Te\u0301cnica', location: 'New  York' })]),
      profile: INBOUND,
    });
    world = w;
    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(run.counts).toMatchObject({ created: 1, failed: 0, skipped: 0 });
    const job = [...charthopJobs(w).values()].find((j) => j['leverReqId'] === 'lr-LVR-N');
    expect(job?.['groupIds']).toEqual(expect.arrayContaining([G.eng, G.platform, G.ny]));
    const warnings = itemOf(w, run.id, 'LVR-N')?.warnings ?? [];
    // Spaces at either end are trimmed silently (Lever keeps names as typed, trailing spaces included);
    // anything else that only matches once normalised is named, so the spelling can be made exact.
    expect(warnings).toHaveLength(2);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /team "Plataforma Te\u0301cnica" matched ChartHop's "Plataforma T\u00e9cnica" only once spaces or Unicode accents were normalised/,
        ),
        expect.stringMatching(/location "New {2}York" matched ChartHop's "New York"/),
      ]),
    );
  });
});
