// Outbound postings follow their requisition: a linked requisition's department, team or location
// changed in ChartHop → the requisition and its linked posting's categories match after one run,
// with exactly one posting write; a second run writes nothing; a posting already in line is not
// written; a write interrupted after the requisition update converges on the next run; a posting
// that cannot be written fails the row with a sentence while the requisition update stays.
import { afterEach, describe, expect, it } from 'vitest';
import type { LeverPosting, LeverRequisition } from '../../../src/main/sandbox/lever/index.ts';
import type { JournalHooks } from '../../../src/main/core/sync/journal.ts';
import type { SyncWorld } from './harness.ts';
import { charthopCall, startWorld } from './harness.ts';
import type { JobSpec } from './seeds.ts';
import { G, activeJobs, charthopSeed, jobId, leverSeed } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

type Categories = LeverPosting['categories'];
const IN_LINE: Categories = {
  team: 'Platform',
  department: 'Engineering',
  location: 'New York',
  commitment: 'Full-time',
  level: null,
  allLocations: ['New York'],
};
const MOVED = { team: 'Enterprise', department: 'Sales', location: 'Remote' };

const postingWrites = (w: SyncWorld) => w.leverWrites().filter((e) => e.path.startsWith('/v1/postings/'));
const requisitionWrites = (w: SyncWorld) => w.leverWrites().filter((e) => e.path.startsWith('/v1/requisitions'));
const reqOf = (w: SyncWorld, code: string) =>
  w.lever.control.state().requisitions.find((r) => r.requisitionCode === code) as LeverRequisition;
const postingOf = (w: SyncWorld, id: string) => w.lever.control.state().postings.find((p) => p.id === id) as LeverPosting;

/** Three linked jobs (first run), then posting `p-1` linked to ENG-0001 with `categories`. */
async function linkedWithPosting(
  categories: Categories,
  options: { hooks?: JournalHooks; spec?: Partial<JobSpec> } = {},
): Promise<SyncWorld> {
  const w = await startWorld({
    charthop: charthopSeed(activeJobs(3, (i) => (i === 0 ? (options.spec ?? {}) : {}))),
    lever: leverSeed(),
    ...(options.hooks ? { hooks: options.hooks } : {}),
  });
  world = w;
  expect((await w.engine.run(w.profileId, { trigger: 'manual' })).counts.created).toBe(3);
  const state = w.lever.control.state();
  const req = reqOf(w, 'ENG-0001');
  state.postings.push({
    id: 'p-1',
    text: 'Engineer 1',
    state: 'published',
    distributionChannels: ['public', 'internal'],
    confidentiality: 'non-confidential',
    user: null,
    owner: null,
    hiringManager: null,
    followers: [],
    categories: { ...categories },
    tags: [],
    content: { description: '', descriptionHtml: '', lists: [], closing: '', closingHtml: '' },
    country: 'US',
    reqCode: null,
    requisitionCodes: [req.requisitionCode],
    salaryRange: null,
    workplaceType: 'unspecified',
    createdAt: req.createdAt,
    updatedAt: req.createdAt,
  });
  w.lever.control.seed(state);
  return w;
}

/** Moves job 1 to Sales / Enterprise / Remote in ChartHop. */
async function moveJob(w: SyncWorld): Promise<void> {
  await charthopCall(w, 'PATCH', `/v2/org/acme/job/${jobId(1)}`, { groupIds: [G.sales, G.enterprise, G.remote] });
  w.lever.control.clearRequestLog();
}

describe('outbound: postings follow their requisition', () => {
  it('brings a linked posting in line with one write, after the requisition, and a second run writes nothing', async () => {
    const w = await linkedWithPosting(IN_LINE);
    await moveJob(w);
    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(run.counts).toMatchObject({ updated: 1, failed: 0 });
    expect(reqOf(w, 'ENG-0001')).toMatchObject({ department: 'Sales', team: 'Enterprise', location: 'Remote' });
    // The categories followed; commitment and the rest of the posting are kept.
    expect(postingOf(w, 'p-1')).toMatchObject({ state: 'published', categories: { ...MOVED, commitment: 'Full-time' } });
    expect(w.leverWrites()).toEqual([
      { method: 'PUT', path: `/v1/requisitions/${reqOf(w, 'ENG-0001').id}` },
      { method: 'POST', path: '/v1/postings/p-1' },
    ]);
    expect(w.lever.control.requestLog().find((e) => e.method === 'POST')?.query).toContain('perform_as=u-rick');
    const item = w.engine.runs.get(w.profileId, run.id).items[0];
    expect(item).toMatchObject({ action: 'update', outcome: 'applied', reason: 'fields_changed' });
    expect(item?.reasonText).toContain('1 linked posting brought in line (Department, Team, Location)');

    w.lever.control.clearRequestLog();
    const again = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(Object.values(again.counts).every((n) => n === 0)).toBe(true);
    expect(w.leverWrites()).toEqual([]);
  });

  it('does not write a posting that already matches', async () => {
    const w = await linkedWithPosting({ ...IN_LINE, ...MOVED });
    await moveJob(w);
    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(run.counts).toMatchObject({ updated: 1, failed: 0 });
    expect(requisitionWrites(w)).toHaveLength(1);
    expect(postingWrites(w)).toEqual([]);
  });

  it('a change to other fields leaves the postings alone', async () => {
    const w = await linkedWithPosting({ ...IN_LINE, department: 'Edited in Lever' });
    await charthopCall(w, 'PATCH', `/v2/org/acme/job/${jobId(1)}`, { title: 'Staff Engineer' });
    w.lever.control.clearRequestLog();
    expect((await w.engine.run(w.profileId, { trigger: 'manual' })).counts).toMatchObject({ updated: 1 });
    expect(postingWrites(w)).toEqual([]);
    expect(postingOf(w, 'p-1').categories.department).toBe('Edited in Lever');
  });

  it('converges when the run stopped after the requisition update, before its posting followed', async () => {
    let fail = false;
    const w = await linkedWithPosting(IN_LINE, {
      hooks: {
        at: (point) => {
          if (fail && point === 'after_write') throw new Error('interrupted after the requisition write');
        },
      },
    });
    await moveJob(w);
    fail = true;
    const broken = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(broken.counts).toMatchObject({ failed: 1 });
    expect(reqOf(w, 'ENG-0001').department).toBe('Sales');
    expect(postingOf(w, 'p-1').categories.department).toBe('Engineering');
    fail = false;
    w.lever.control.clearRequestLog();
    const retry = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(retry.counts).toMatchObject({ updated: 1, failed: 0 });
    expect(w.leverWrites()).toEqual([{ method: 'POST', path: '/v1/postings/p-1' }]);
    expect(postingOf(w, 'p-1').categories).toMatchObject(MOVED);
    expect(w.engine.runs.get(w.profileId, retry.id).items[0]).toMatchObject({ reason: 'postings_follow', outcome: 'applied' });
    w.lever.control.clearRequestLog();
    expect(Object.values((await w.engine.run(w.profileId, { trigger: 'manual' })).counts).every((n) => n === 0)).toBe(true);
    expect(w.leverWrites()).toEqual([]);
  });

  it('a posting that cannot be written fails the row with a sentence; the requisition update stays', async () => {
    // No recruiter or hiring manager in ChartHop, and none on the requisition: nobody to act as.
    const w = await linkedWithPosting(IN_LINE, { spec: { hireMgr: null, recruiter: null } });
    await moveJob(w);
    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(run.counts).toMatchObject({ failed: 1 });
    expect(reqOf(w, 'ENG-0001').department).toBe('Sales');
    expect(postingWrites(w)).toEqual([]);
    const item = w.engine.runs.get(w.profileId, run.id).items[0];
    expect(item?.outcome).toBe('failed');
    expect(item?.error).toMatch(/requisition ENG-0001 was updated, but its posting "Engineer 1" was not: .*no owner or hiring manager/);
  });
});
