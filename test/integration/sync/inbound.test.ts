// Inbound (Reverse Sync: Lever is the source of truth) against the fakes: 50 requisitions → 50 open
// jobs with mapped fields, the Remote default only with the option on, title + manager matches link
// instead of creating (ambiguity is reported), updates and deletions follow Lever, reruns write nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { LeverRequisition, SeedOf } from '../../../src/main/sandbox/lever/index.ts';
import type { SyncWorld } from './harness.ts';
import { charthopJobs, leverCall, startWorld } from './harness.ts';
import { charthopSeed, G, inboundProfile, jobId, leverSeed, STAFF } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

type ReqSeed = SeedOf<LeverRequisition, 'requisitionCode' | 'name' | 'headcountTotal'>;
const INBOUND = inboundProfile(true);
const STATUS_TO_EMPLOYMENT: Record<string, string> = {
  'full-time': 'FULL',
  'part-time': 'PART',
  contractor: 'CONTRACT',
  intern: 'INTERN',
  'temp-worker': 'TEMP',
};
const KINDS = Object.keys(STATUS_TO_EMPLOYMENT);

function requisitions(n: number): ReqSeed[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `lr-${String(i + 1).padStart(4, '0')}`,
    requisitionCode: `LVR-${String(i + 1).padStart(4, '0')}`,
    name: `Analyst ${i + 1}`,
    headcountTotal: 1,
    status: 'open',
    employmentStatus: KINDS[i % KINDS.length] ?? null,
    department: i % 3 === 0 ? 'R&D' : i % 3 === 1 ? 'Engineering' : 'Sales',
    team: i % 3 === 2 ? 'Enterprise' : 'Platform',
    location: i % 5 === 0 ? null : i % 5 === 1 ? 'Remote' : 'New York',
    hiringManager: i % 2 === 0 ? STAFF.grace.leverId : STAFF.hedy.leverId,
    owner: i % 4 === 0 ? null : STAFF.rick.leverId,
    confidentiality: i % 10 === 0 ? 'confidential' : 'non-confidential',
    compensationBand: { currency: i % 6 === 0 ? 'EUR' : 'USD', interval: 'per-year-salary', min: 80_000, max: 90_000 + i * 1000 },
  }));
}

describe('inbound sync (Reverse Sync)', () => {
  it('creates 50 open Active jobs with mapped fields, links a title + manager match, reports ambiguity, and a rerun writes nothing', async () => {
    const reqs = requisitions(50);
    reqs.push({
      id: 'lr-match',
      requisitionCode: 'LVR-MATCH',
      name: 'Data Engineer ',
      headcountTotal: 1,
      status: 'open',
      hiringManager: STAFF.grace.leverId,
      department: 'Engineering',
      location: 'New York',
      employmentStatus: 'full-time',
    });
    reqs.push({
      id: 'lr-ambig',
      requisitionCode: 'LVR-AMBIG',
      name: 'Designer',
      headcountTotal: 1,
      status: 'open',
      hiringManager: STAFF.hedy.leverId,
    });
    reqs.push({ id: 'lr-closed', requisitionCode: 'LVR-CLOSED', name: 'Old role', headcountTotal: 1, status: 'closed' });
    const jobs = [
      { id: jobId(900), title: 'Data Engineer', recruit: 'Passive', hireMgr: 'grace' as const },
      { id: jobId(901), title: 'Designer', recruit: 'Active', hireMgr: 'hedy' as const },
      { id: jobId(902), title: 'designer', recruit: 'Inactive', hireMgr: 'hedy' as const },
    ];
    world = await startWorld({ charthop: charthopSeed(jobs), lever: leverSeed(reqs), profile: INBOUND });
    const plan = await world.engine.plan(world.profileId, 'sync');
    expect(plan.direction).toBe('inbound');
    // The match turns the Passive job Active: an update that also links.
    expect(plan.counts).toMatchObject({ create: 50, update: 1, needs_attention: 1, link: 0, close: 0, delete: 0, skip: 0 });
    expect(plan.rows.find((r) => r.requisitionCode === 'LVR-AMBIG')).toMatchObject({
      action: 'needs_attention',
      reason: 'ambiguous_match',
    });
    expect(plan.rows.find((r) => r.requisitionCode === 'LVR-MATCH')).toMatchObject({
      action: 'update',
      reason: 'title_manager_match_drifted',
      jobId: jobId(900),
    });

    const run = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(run).toMatchObject({ status: 'succeeded', direction: 'inbound' });
    expect(run.counts).toMatchObject({ created: 50, updated: 1, linked: 0, attention: 1, failed: 0 });

    const byReq = new Map([...charthopJobs(world).values()].filter((j) => j['leverReqId']).map((j) => [String(j['leverReqId']), j]));
    expect(byReq.size).toBe(51);
    for (const r of reqs.slice(0, 50)) {
      const job = byReq.get(r.id as string) as Record<string, unknown>;
      const location = r.location === 'Remote' || r.location === null ? G.remote : G.ny;
      expect(job, r.requisitionCode).toMatchObject({
        title: r.name,
        open: 'open',
        recruit: 'Active',
        req: r.requisitionCode,
        employment: STATUS_TO_EMPLOYMENT[r.employmentStatus as string],
        hireMgr: r.hiringManager === STAFF.grace.leverId ? STAFF.grace.personId : STAFF.hedy.personId,
        comp: { baseComp: { interval: 'YEARLY', pay: { amount: r.compensationBand?.max, currency: r.compensationBand?.currency } } },
      });
      expect(job['recruiter']).toBe(r.owner ? STAFF.rick.personId : undefined);
      expect(job['sensitive']).toBe(r.confidentiality === 'confidential' ? 'HIGH' : undefined);
      const department = r.department === 'Sales' ? G.sales : G.eng;
      const team = r.team === 'Enterprise' ? G.enterprise : G.platform;
      expect([...(job['groupIds'] as string[])].sort()).toEqual([department, team, location].sort());
    }
    const matched = charthopJobs(world).get(jobId(900));
    expect(matched).toMatchObject({ leverReqId: 'lr-match', req: 'LVR-MATCH', recruit: 'Active', title: 'Data Engineer' });
    expect(charthopJobs(world).size).toBe(3 + 3 + 50);

    world.lever.control.clearRequestLog();
    world.charthop.control.clearRequestLog();
    const rerun = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(rerun.counts).toMatchObject({ created: 0, updated: 0, linked: 0, attention: 1 });
    expect(world.leverWrites()).toEqual([]);
    expect(world.charthopWrites()).toEqual([]);
  });

  it('leaves a requisition without location unplaced when Remote Location As Default is off; updates and deletions follow Lever', async () => {
    const reqs: ReqSeed[] = [
      {
        id: 'lr-a',
        requisitionCode: 'LVR-A',
        name: 'Nowhere',
        headcountTotal: 1,
        status: 'open',
        hiringManager: STAFF.grace.leverId,
        location: null,
      },
      {
        id: 'lr-b',
        requisitionCode: 'LVR-B',
        name: 'Somewhere',
        headcountTotal: 1,
        status: 'open',
        hiringManager: STAFF.grace.leverId,
        location: 'New York',
      },
      {
        id: 'lr-c',
        requisitionCode: 'LVR-C',
        name: 'Gone soon',
        headcountTotal: 1,
        status: 'open',
        hiringManager: STAFF.grace.leverId,
        location: 'New York',
      },
    ];
    world = await startWorld({
      charthop: charthopSeed([]),
      lever: leverSeed(reqs),
      profile: { ...INBOUND, options: { ...INBOUND.options, remoteLocationAsDefault: false } },
    });
    expect((await world.engine.run(world.profileId, { trigger: 'manual' })).counts.created).toBe(3);
    const byReq = () => new Map([...charthopJobs(world!).values()].filter((j) => j['leverReqId']).map((j) => [String(j['leverReqId']), j]));
    expect(byReq().get('lr-a')?.['groupIds']).toEqual([]);

    const current = (await leverCall(world, 'GET', '/requisitions/lr-b')) as { data: Record<string, unknown> };
    await leverCall(world, 'PUT', '/requisitions/lr-b', { ...current.data, name: 'Somewhere Else', status: 'onHold' });
    await leverCall(world, 'DELETE', '/requisitions/lr-c');
    const run = await world.engine.run(world.profileId, { trigger: 'manual', confirmLargeChange: true });
    expect(run.counts).toMatchObject({ updated: 1, closed: 1, created: 0 });
    const items = world.engine.runs.get(world.profileId, run.id).items;
    expect(items.find((i) => i.action === 'update')).toMatchObject({
      reason: 'status_changed',
      diff: [
        { field: 'title', before: 'Somewhere', after: 'Somewhere Else' },
        { field: 'status', before: 'Active', after: 'Inactive' },
      ],
    });
    expect(items.find((i) => i.action === 'close')).toMatchObject({ reason: 'requisition_deleted' });
    expect(byReq().get('lr-b')).toMatchObject({ title: 'Somewhere Else', recruit: 'Inactive' });
    const gone = [...charthopJobs(world).values()].find((j) => j['req'] === 'LVR-C');
    expect(gone).toMatchObject({ recruit: 'Inactive' });
    expect(gone?.['leverReqId']).toBeUndefined();
  });

  it('skips a requisition whose department has no ChartHop counterpart and lists the value as unmapped', async () => {
    const reqs: ReqSeed[] = [
      {
        id: 'lr-x',
        requisitionCode: 'LVR-X',
        name: 'Mystery',
        headcountTotal: 1,
        status: 'open',
        department: 'Skunkworks',
        hiringManager: STAFF.grace.leverId,
      },
      {
        id: 'lr-y',
        requisitionCode: 'LVR-Y',
        name: 'Mystery 2',
        headcountTotal: 1,
        status: 'open',
        department: 'Skunkworks',
        employmentStatus: 'Exempt Full-Time',
      },
    ];
    world = await startWorld({ charthop: charthopSeed([]), lever: leverSeed(reqs), profile: INBOUND });
    const plan = await world.engine.plan(world.profileId, 'sync');
    expect(plan.counts).toMatchObject({ skip: 2, create: 0 });
    expect(plan.rows[0]).toMatchObject({ reason: 'unmapped_value', reasonText: expect.stringContaining('department "Skunkworks"') });
    expect(plan.unmapped).toEqual([
      { kind: 'department', value: 'Skunkworks', records: 2, from: 'lever' },
      { kind: 'employment', value: 'Exempt Full-Time', records: 1, from: 'lever' },
    ]);
    expect(plan.rows.find((row) => row.requisitionCode === 'LVR-Y')?.unmapped).toEqual([
      { kind: 'employment', value: 'Exempt Full-Time', from: 'lever' },
      { kind: 'department', value: 'Skunkworks', from: 'lever' },
    ]);
    await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(world.charthopWrites()).toEqual([]);
  });
});
