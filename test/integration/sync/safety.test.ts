// Safety: a run that would close or delete more than the profile's share of linked records stops
// and asks; an incomplete listing (a fault on the last page) plans nothing and writes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncWorld } from './harness.ts';
import { charthopCall, fillJob, startWorld } from './harness.ts';
import { STAFF, activeJobs, charthopSeed, jobId, leverSeed } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('safety limit on closes and deletes', () => {
  it('stops a run above 10% with needs_confirmation and writes nothing; confirming applies it', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(20)), lever: leverSeed() });
    await world.engine.run(world.profileId, { trigger: 'manual' });
    for (const i of [1, 2, 3]) await fillJob(world, jobId(i));

    const plan = await world.engine.plan(world.profileId, 'sync');
    expect(plan.safety).toEqual({ closesOrDeletes: 3, linked: 20, share: 0.15, limit: 0.1, needsConfirmation: true });
    world.lever.control.clearRequestLog();
    const stopped = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(stopped.status).toBe('needs_confirmation');
    expect(stopped.error).toContain('close or delete 3 of 20 linked records (15%), more than the 10%');
    expect(stopped.safety).toEqual({ closesOrDeletes: 3, linked: 20, share: 0.15, limit: 0.1, needsConfirmation: true });
    expect(world.engine.runs.get(world.profileId, stopped.id).safety).toEqual(stopped.safety);
    expect(world.leverWrites()).toEqual([]);

    // The stored plan is kept when applying stops for confirmation, and applies once confirmed.
    const unconfirmed = await world.engine.apply(world.profileId, plan.planId, { rowIds: plan.rows.map((r) => r.id) });
    expect(unconfirmed.status).toBe('needs_confirmation');
    const confirmed = await world.engine.apply(world.profileId, plan.planId, {
      rowIds: plan.rows.map((r) => r.id),
      confirmLargeChange: true,
    });
    expect(confirmed).toMatchObject({ status: 'succeeded', safety: null, counts: expect.objectContaining({ closed: 3 }) });
    expect(world.lever.control.state().requisitions.filter((r) => r.status === 'closed')).toHaveLength(3);
  });

  it('stays under the limit when the profile allows more', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(20)), lever: leverSeed(), profile: { safety: { maxCloseShare: 0.2 } } });
    await world.engine.run(world.profileId, { trigger: 'manual' });
    for (const i of [1, 2, 3]) await fillJob(world, jobId(i));
    expect(await world.engine.run(world.profileId, { trigger: 'manual' })).toMatchObject({
      status: 'succeeded',
      counts: expect.objectContaining({ closed: 3 }),
    });
  });
});

describe('incomplete listings', () => {
  it('outbound: a fault on the last page of Lever requisitions or ChartHop jobs plans nothing and writes nothing', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(120)), lever: leverSeed() });
    expect((await world.engine.run(world.profileId, { trigger: 'manual' })).counts.created).toBe(120);
    await charthopCall(world, 'DELETE', `/v2/org/acme/job/${jobId(1)}`);
    await charthopCall(world, 'DELETE', `/v2/org/acme/job/${jobId(2)}`);
    world.lever.control.clearRequestLog();
    world.charthop.control.clearRequestLog();

    // Page 2 of 2 fails on every attempt.
    const fault = world.lever.control.setFault({
      method: 'GET',
      path: '/v1/requisitions',
      nth: [2, 3, 4, 5, 6],
      action: { kind: 'status', status: 503 },
    });
    await expect(world.engine.plan(world.profileId, 'sync')).rejects.toMatchObject({
      code: 'sync.listing_failed',
      message: expect.stringContaining('Reading requisitions from Lever failed'),
    });
    world.lever.control.clearFault(fault.id);
    world.lever.control.setFault({
      method: 'GET',
      path: '/v1/requisitions',
      nth: [2, 3, 4, 5, 6],
      action: { kind: 'status', status: 503 },
    });
    const run = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(run).toMatchObject({ status: 'failed', error: expect.stringContaining('nothing was planned or written') });
    expect(world.engine.runs.get(world.profileId, run.id).items).toEqual([]);
    world.lever.control.clearFaults();

    world.charthop.control.setFault({
      method: 'GET',
      path: '/v2/org/acme/job',
      nth: [1, 2, 3, 4, 5],
      action: { kind: 'status', status: 500 },
    });
    const failed = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringContaining('Reading jobs from ChartHop failed') });
    expect(world.leverWrites()).toEqual([]);
    expect(world.charthopWrites()).toEqual([]);
    world.charthop.control.clearFaults();

    // With complete listings the two deleted jobs are seen.
    const plan = await world.engine.plan(world.profileId, 'sync');
    expect(plan.counts).toMatchObject({ delete: 2, close: 0 });
  });

  it('inbound: a fault on the last page of requisitions does not set the jobs of unseen requisitions Inactive', async () => {
    const reqs = Array.from({ length: 120 }, (_, i) => ({
      id: `lr-${String(i + 1).padStart(4, '0')}`,
      requisitionCode: `LVR-${String(i + 1).padStart(4, '0')}`,
      name: `Role ${i + 1}`,
      headcountTotal: 1 as const,
      status: 'open' as const,
      hiringManager: STAFF.grace.leverId,
    }));
    world = await startWorld({
      charthop: charthopSeed([]),
      lever: leverSeed(reqs),
      profile: {
        sourceOfTruth: 'lever',
        options: { reverseSync: true, runDaily: false, syncOnChange: false, reconciliation: false, remoteLocationAsDefault: false },
      },
    });
    expect((await world.engine.run(world.profileId, { trigger: 'manual' })).counts.created).toBe(120);
    world.charthop.control.clearRequestLog();
    world.lever.control.setFault({
      method: 'GET',
      path: '/v1/requisitions',
      nth: [2, 3, 4, 5, 6],
      action: { kind: 'status', status: 502 },
    });
    const run = await world.engine.run(world.profileId, { trigger: 'manual', confirmLargeChange: true });
    expect(run.status).toBe('failed');
    expect(world.charthopWrites()).toEqual([]);
    expect(world.charthop.control.jobs('acme').filter((j) => j['recruit'] === 'Inactive')).toEqual([]);
  });
});
