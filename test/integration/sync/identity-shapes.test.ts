// The sync's "exists or create" decisions fail closed: inbound pairing reads the people listing in
// every shape the fake ChartHop can answer it (and stops, saying why, on one it cannot read), and a
// job listing that ignores `fields=` and leaves out the requisition fields creates nothing in
// either direction: those rows need attention instead.
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanView } from '../../../src/shared/api/sync-views.ts';
import type { PeopleAnswerShape } from '../../../src/main/sandbox/charthop/index.ts';
import type { LeverRequisition, SeedOf } from '../../../src/main/sandbox/lever/index.ts';
import type { SyncWorld } from './harness.ts';
import { startWorld } from './harness.ts';
import { charthopSeed, inboundProfile, jobId, leverSeed, ORG, STAFF } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const INBOUND = inboundProfile();
const REQS: SeedOf<LeverRequisition, 'requisitionCode' | 'name' | 'headcountTotal'>[] = [
  {
    id: 'lr-new',
    requisitionCode: 'LVR-NEW',
    name: 'Analyst',
    headcountTotal: 1,
    status: 'open',
    hiringManager: STAFF.grace.leverId,
    owner: STAFF.rick.leverId,
    department: 'Engineering',
    team: 'Platform',
    location: 'New York',
    employmentStatus: 'full-time',
  },
  {
    id: 'lr-match',
    requisitionCode: 'LVR-MATCH',
    name: 'Data Engineer',
    headcountTotal: 1,
    status: 'open',
    hiringManager: STAFF.hedy.leverId,
    department: 'Engineering',
    team: 'Platform',
    location: 'New York',
    employmentStatus: 'full-time',
  },
  {
    id: 'lr-coded',
    requisitionCode: 'LVR-CODED',
    name: 'Designer',
    headcountTotal: 1,
    status: 'open',
    hiringManager: STAFF.grace.leverId,
    department: 'Engineering',
    team: 'Platform',
    location: 'New York',
    employmentStatus: 'full-time',
  },
];
const JOBS = [
  { id: jobId(1), title: 'Data Engineer', recruit: 'Passive', hireMgr: 'hedy' as const },
  { id: jobId(2), title: 'Product Designer', recruit: 'Active', req: 'LVR-CODED' },
];

const shapeOf = (plan: PlanView) =>
  plan.rows
    .map((r) => ({ code: r.requisitionCode, action: r.action, reason: r.reason, jobId: r.jobId }))
    .sort((a, b) => String(a.code).localeCompare(String(b.code)));

describe('inbound pairing under every people answer shape', () => {
  it('plans the same creates, title + manager links and code links from flat, whole and nested answers', async () => {
    world = await startWorld({ charthop: charthopSeed(JOBS), lever: leverSeed(REQS), profile: INBOUND });
    const plans = new Map<PeopleAnswerShape, ReturnType<typeof shapeOf>>();
    for (const shape of ['flat', 'whole', 'nested'] as const) {
      world.charthop.control.setPeopleAnswer(shape);
      plans.set(shape, shapeOf(await world.engine.plan(world.profileId, 'sync')));
    }
    expect(plans.get('flat')).toEqual([
      // Matched jobs whose fields differ from Lever are updates that also link.
      { code: 'LVR-CODED', action: 'update', reason: 'code_matched_drifted', jobId: jobId(2) },
      { code: 'LVR-MATCH', action: 'update', reason: 'title_manager_match_drifted', jobId: jobId(1) },
      { code: 'LVR-NEW', action: 'create', reason: 'requisition_open_unlinked', jobId: null },
    ]);
    expect(plans.get('whole')).toEqual(plans.get('flat'));
    expect(plans.get('nested')).toEqual(plans.get('flat'));
  });

  it('stops before planning, saying why, when no person of the people listing can be read', async () => {
    world = await startWorld({ charthop: charthopSeed(JOBS), lever: leverSeed(REQS), profile: INBOUND });
    world.charthop.control.setPeopleAnswer('bare');
    const error = await world.engine.plan(world.profileId, 'sync').then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/ChartHop answered the people listing in a shape ReqBridge cannot read/);
    expect(world.charthopWrites()).toEqual([]);
  });
});

/** Answers the job listing as whole objects, ignoring `fields=` (built-in codes appear only when set). */
function answerJobsWhole(w: SyncWorld): void {
  w.charthop.control.setFault({
    method: 'GET',
    path: '/v2/org/:org/job',
    action: { kind: 'status', status: 200, body: { data: w.charthop.control.jobs(ORG) } },
  });
}

describe('a job listing without the requisition fields', () => {
  it('outbound: the jobs it cannot place need attention; nothing is created in Lever', async () => {
    world = await startWorld({
      charthop: charthopSeed([
        { id: jobId(3), title: 'Backend Engineer', recruit: 'Active' },
        { id: jobId(4), title: 'SRE', recruit: 'Active', req: 'ENG-4' },
      ]),
      lever: leverSeed([]),
    });
    answerJobsWhole(world);
    const plan = await world.engine.plan(world.profileId, 'sync');
    expect(plan.counts.create).toBe(0);
    const rows = plan.rows.filter((r) => r.jobId === jobId(3) || r.jobId === jobId(4));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ action: 'needs_attention', reason: 'identity_unreadable' });
      expect(row.reasonText).toMatch(/cannot tell whether the job already has a Lever requisition/);
    }
    await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(world.leverWrites()).toEqual([]);
  });

  it('inbound: a requisition that would have created or matched a job needs attention instead; nothing is created in ChartHop', async () => {
    world = await startWorld({ charthop: charthopSeed(JOBS), lever: leverSeed(REQS), profile: INBOUND });
    answerJobsWhole(world);
    const plan = await world.engine.plan(world.profileId, 'sync');
    expect(plan.counts.create).toBe(0);
    for (const code of ['LVR-NEW', 'LVR-MATCH']) {
      expect(plan.rows.find((r) => r.requisitionCode === code)).toMatchObject({ action: 'needs_attention', reason: 'identity_unreadable' });
    }
    // The job that does show its code top-level is still linked by it (and updated, its fields differ from Lever).
    expect(plan.rows.find((r) => r.requisitionCode === 'LVR-CODED')).toMatchObject({
      action: 'update',
      reason: 'code_matched_drifted',
      jobId: jobId(2),
    });
    await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(world.charthopWrites().filter((w) => w.method === 'POST')).toEqual([]);
  });
});
