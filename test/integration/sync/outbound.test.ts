// Outbound (ChartHop is the source of truth) against the fakes over real HTTP, real SQLite:
// 200 Active jobs → 200 requisitions with every mapped field, then a no-write second run; a title
// change → one update; Inactive → onHold; filled → closed; deleted jobs → delete or close.
import { afterEach, describe, expect, it } from 'vitest';
import { generatedRequisitionCode } from '../../../src/main/core/sync/codes.ts';
import type { LeverRequisition } from '../../../src/main/sandbox/lever/index.ts';
import type { SyncWorld } from './harness.ts';
import { charthopCall, charthopJobs, fillJob, startWorld } from './harness.ts';
import type { JobSpec } from './seeds.ts';
import { STAFF, activeJobs, charthopSeed, jobId, leverSeed } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const EMPLOYMENT: Record<string, string> = {
  FULL: 'full-time',
  PART: 'part-time',
  CONTRACT: 'contractor',
  INTERN: 'intern',
  TEMP: 'temp-worker',
};
const KINDS = ['FULL', 'PART', 'CONTRACT', 'INTERN', 'TEMP'] as const;

/** 200 varied Active/Offer jobs: every mapped field takes several values. */
function variedJobs(): JobSpec[] {
  return activeJobs(200, (i) => ({
    recruit: i % 7 === 0 ? 'Offer' : 'Active',
    ...(i % 10 === 3 ? { req: undefined } : {}),
    employment: KINDS[i % KINDS.length],
    department: i % 2 === 0 ? 'eng' : 'sales',
    team: i % 2 === 0 ? 'platform' : 'enterprise',
    location: i % 5 === 0 ? 'remote' : i % 5 === 1 ? null : 'ny',
    hireMgr: i % 3 === 0 ? 'hedy' : 'grace',
    recruiter: i % 4 === 0 ? null : 'rick',
    base: 100_000 + i * 500,
    currency: i % 6 === 0 ? 'EUR' : 'USD',
    ...(i % 25 === 0 ? { sensitive: 'HIGH' } : {}),
  }));
}

function reqsByCode(w: SyncWorld): Map<string, LeverRequisition> {
  return new Map(w.lever.control.state().requisitions.map((r) => [r.requisitionCode, r]));
}

describe('outbound sync', () => {
  it('creates 200 requisitions with every mapped field right, links both sides, and a second run writes nothing', async () => {
    const specs = variedJobs();
    world = await startWorld({ charthop: charthopSeed(specs), lever: leverSeed() });
    const first = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(first).toMatchObject({ status: 'succeeded', direction: 'outbound', trigger: 'manual', error: null });
    expect(first.counts).toMatchObject({ created: 200, failed: 0, skipped: 0, attention: 0 });

    const reqs = reqsByCode(world);
    expect(reqs.size).toBe(200);
    const jobs = charthopJobs(world);
    for (const spec of specs) {
      const code = spec.req ?? generatedRequisitionCode(spec.id);
      const r = reqs.get(code);
      expect(r, code).toBeDefined();
      const location = spec.location === null ? null : spec.location === 'remote' ? 'Remote' : 'New York';
      expect(r).toMatchObject({
        name: spec.title,
        status: 'open',
        headcountTotal: 1,
        employmentStatus: EMPLOYMENT[spec.employment ?? 'FULL'],
        confidentiality: spec.sensitive ? 'confidential' : 'non-confidential',
        department: spec.department === 'eng' ? 'Engineering' : 'Sales',
        team: spec.team === 'platform' ? 'Platform' : 'Enterprise',
        location,
        hiringManager: STAFF[spec.hireMgr as keyof typeof STAFF].leverId,
        owner: spec.recruiter ? STAFF[spec.recruiter].leverId : null,
        compensationBand: { currency: spec.currency, interval: 'per-year-salary', min: spec.base, max: spec.base },
      });
      const job = jobs.get(spec.id);
      expect(job?.['leverReqId']).toBe(r?.id);
      expect(job?.['req']).toBe(code);
    }
    const links = world.state().db.prepare('SELECT COUNT(*) AS n, SUM(created_by_reqbridge) AS mine FROM links').get() as {
      n: number;
      mine: number;
    };
    expect(links).toEqual({ n: 200, mine: 200 });

    world.lever.control.clearRequestLog();
    world.charthop.control.clearRequestLog();
    const second = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(second.status).toBe('succeeded');
    expect(Object.values(second.counts).every((n) => n === 0)).toBe(true);
    expect(world.leverWrites()).toEqual([]);
    expect(world.charthopWrites()).toEqual([]);
    // Only the listings: requisitions (2 pages of 100) and users.
    expect(world.lever.control.requestLog().map((e) => e.path)).toEqual(['/v1/requisitions', '/v1/requisitions', '/v1/users']);
    expect(world.charthop.control.requestLog().map((e) => e.path)).toEqual(['/v2/org/acme/job']);
  });

  it('a title change is exactly one update; Inactive puts the requisition on hold; filled closes it', async () => {
    const specs = activeJobs(30);
    world = await startWorld({ charthop: charthopSeed(specs), lever: leverSeed() });
    expect((await world.engine.run(world.profileId, { trigger: 'manual' })).counts.created).toBe(30);
    await charthopCall(world, 'PATCH', `/v2/org/acme/job/${jobId(1)}`, { title: 'Staff Engineer' });
    world.lever.control.clearRequestLog();
    const titled = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(titled.counts).toMatchObject({ updated: 1, created: 0, closed: 0 });
    expect(world.leverWrites()).toEqual([{ method: 'PUT', path: expect.stringMatching(/^\/v1\/requisitions\//) }]);
    expect(reqsByCode(world).get('ENG-0001')?.name).toBe('Staff Engineer');
    const detail = world.engine.runs.get(world.profileId, titled.id);
    expect(detail.items).toEqual([
      expect.objectContaining({
        action: 'update',
        outcome: 'applied',
        reason: 'fields_changed',
        diff: [{ field: 'title', label: 'Title', before: 'Engineer 1', after: 'Staff Engineer' }],
      }),
    ]);

    await charthopCall(world, 'PATCH', `/v2/org/acme/job/${jobId(2)}`, { recruit: 'Inactive' });
    world.lever.control.clearRequestLog();
    const held = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(held.counts).toMatchObject({ updated: 1 });
    expect(world.leverWrites()).toHaveLength(1);
    expect(reqsByCode(world).get('ENG-0002')?.status).toBe('onHold');
    expect(world.engine.runs.get(world.profileId, held.id).items[0]).toMatchObject({
      reason: 'job_on_hold',
      diff: [{ field: 'status', before: 'open', after: 'onHold' }],
    });

    await fillJob(world, jobId(3));
    world.lever.control.clearRequestLog();
    const filled = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(filled.counts).toMatchObject({ closed: 1, updated: 0 });
    expect(world.leverWrites()).toHaveLength(1);
    expect(reqsByCode(world).get('ENG-0003')?.status).toBe('closed');
    expect(world.engine.runs.get(world.profileId, filled.id).items[0]).toMatchObject({ action: 'close', reason: 'job_filled' });
  });

  it('a deleted job deletes a requisition ReqBridge created without postings, and closes one with a posting', async () => {
    const specs = activeJobs(40);
    world = await startWorld({ charthop: charthopSeed(specs), lever: leverSeed() });
    await world.engine.run(world.profileId, { trigger: 'manual' });
    const withPosting = reqsByCode(world).get('ENG-0002') as LeverRequisition;
    const state = world.lever.control.state();
    state.postings.push({ ...postingFor(withPosting), id: 'p-1' } as (typeof state.postings)[number]);
    world.lever.control.seed(state);
    await charthopCall(world, 'DELETE', `/v2/org/acme/job/${jobId(1)}`);
    await charthopCall(world, 'DELETE', `/v2/org/acme/job/${jobId(2)}`);
    const run = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(run.counts).toMatchObject({ deleted: 1, closed: 1 });
    const reqs = reqsByCode(world);
    expect(reqs.has('ENG-0001')).toBe(false);
    expect(reqs.get('ENG-0002')?.status).toBe('closed');
    const reasons = world.engine.runs
      .get(world.profileId, run.id)
      .items.map((i) => i.reason)
      .sort();
    expect(reasons).toEqual(['job_deleted', 'job_deleted_close']);
  });

  it('Sync On Change: a run limited to changed jobs writes only those', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(10)), lever: leverSeed() });
    await world.engine.run(world.profileId, { trigger: 'manual' });
    await charthopCall(world, 'PATCH', `/v2/org/acme/job/${jobId(1)}`, { title: 'Changed 1' });
    await charthopCall(world, 'PATCH', `/v2/org/acme/job/${jobId(2)}`, { title: 'Changed 2' });
    world.charthop.control.clearRequestLog();
    const run = await world.engine.run(world.profileId, { trigger: 'change', jobIds: [jobId(1)] });
    expect(run).toMatchObject({ trigger: 'change', counts: expect.objectContaining({ updated: 1 }) });
    expect(world.charthop.control.requestLog({ method: 'GET', path: '/v2/org/acme/job' })[0]?.query).toContain(`ids=${jobId(1)}`);
    const names = new Map(world.lever.control.state().requisitions.map((r) => [r.requisitionCode, r.name]));
    expect([names.get('ENG-0001'), names.get('ENG-0002')]).toEqual(['Changed 1', 'Engineer 2']);
  });

  it('skips highly sensitive jobs when the Lever key cannot see confidential requisitions', async () => {
    const specs = activeJobs(3, (i) => (i === 0 ? { sensitive: 'HIGH' } : {}));
    world = await startWorld({ charthop: charthopSeed(specs), lever: leverSeed([], { confidentialAccess: false }) });
    const run = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(run.counts).toMatchObject({ created: 2, skipped: 1, failed: 0 });
    const skipped = world.engine.runs.get(world.profileId, run.id).items.find((i) => i.outcome === 'skipped');
    expect(skipped).toMatchObject({
      reason: 'confidential_hidden',
      reasonText: expect.stringContaining('Allow confidential access on the key'),
    });
    expect(world.lever.control.requestLog({ path: '/v1/requisitions' }).some((e) => e.status === 403)).toBe(true);
  });
});

function postingFor(r: LeverRequisition): Record<string, unknown> {
  return {
    text: r.name,
    state: 'published',
    distributionChannels: ['public'],
    confidentiality: 'non-confidential',
    user: null,
    owner: null,
    hiringManager: null,
    followers: [],
    categories: { team: null, department: null, location: null, commitment: null, level: null, allLocations: [] },
    tags: [],
    content: { description: '', descriptionHtml: '', lists: [], closing: '', closingHtml: '' },
    country: null,
    reqCode: null,
    requisitionCodes: [r.requisitionCode],
    salaryRange: null,
    workplaceType: 'unspecified',
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
