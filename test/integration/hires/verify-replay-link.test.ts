// The new-hire flow's first-day edges over real HTTP and real SQLite: "Send a test delivery" verifies
// the webhook through the profile's own listener and never creates a person; Replay decides the same
// row again; a "Job missing" hire on an outbound profile finds its unlinked ChartHop job and links it
// only when exactly one job matches (several are reported, never guessed).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { valueOf } from '../../support/test-core.ts';
import type { JobRow } from './charthop-jobs.ts';
import { charthopJobs, hireWithoutJob, patchJob, unlinkedJob } from './charthop-jobs.ts';
import type { HiresWorld } from './support.ts';
import { charthopCounts, hiresOf, PROFILE, startHiresWorld } from './support.ts';

let world: HiresWorld;
beforeEach(async () => {
  world = await startHiresWorld();
});
afterEach(async () => {
  await world.close();
});

/** The "without job" demo hire, decided job_missing; its requisition renamed and re-managed to look like `job` in Lever. */
async function jobMissingHireLike(job: JobRow): Promise<{ hireId: string; opportunityId: string; requisitionId: string }> {
  const { row, opportunityId, requisitionId } = await hireWithoutJob(world, job.title);
  expect(row).toMatchObject({ decision: 'job_missing' });
  expect(row!.reason).toContain('a sync never creates ChartHop jobs from Lever');
  return { hireId: row!.id, opportunityId, requisitionId };
}

describe('Send a test delivery', () => {
  it('posts a signed ping to the listener: the connection is verified (kept across a restart) and no person or hire is created', async () => {
    const before = charthopCounts(world.sandbox);
    expect(valueOf(await world.main.api.invoke('webhook:status', { profileId: PROFILE })).lastVerificationAt).toBeNull();

    const status = valueOf(await world.main.api.invoke('webhook:test-delivery', { profileId: PROFILE }));
    expect(status.lastVerificationAt).not.toBeNull();
    expect(status.lastDeliveryAt).toBeNull();
    await world.main.core.hires.drain(PROFILE);
    expect(valueOf(await world.main.api.invoke('hires:list', { profileId: PROFILE, limit: 100 }))).toEqual([]);
    expect(charthopCounts(world.sandbox)).toEqual(before);
    const token = valueOf(await world.main.api.invoke('secrets:status', { profileId: PROFILE })).find(
      (s) => s.name === 'leverWebhookSignatureToken',
    );
    expect(token?.verifiedAt).not.toBeNull();

    await world.main.close();
    const again = await world.startCore();
    expect(valueOf(await again.api.invoke('webhook:status', { profileId: PROFILE })).lastVerificationAt).toBe(status.lastVerificationAt);
  });

  it('says what to do when there is no listener or no signature token, and sends nothing', async () => {
    const other = valueOf(await world.main.api.invoke('profiles:create', { name: 'Initech' }));
    const closed = await world.main.api.invoke('webhook:test-delivery', { profileId: other.id });
    expect(closed).toMatchObject({
      ok: false,
      error: { code: 'webhook.not_listening', message: expect.stringContaining('Choose how Lever reaches this computer') },
    });

    valueOf(await world.main.api.invoke('secrets:clear', { profileId: PROFILE, name: 'leverWebhookSignatureToken' }));
    const unsigned = await world.main.api.invoke('webhook:test-delivery', { profileId: PROFILE });
    expect(unsigned).toMatchObject({ ok: false, error: { code: 'webhook.no_signature_token' } });
    expect(valueOf(await world.main.api.invoke('webhook:status', { profileId: PROFILE })).lastVerificationAt).toBeNull();
  });
});

describe('Replay', () => {
  it('decides the same row again instead of adding one', async () => {
    const id = world.sandbox.facts.hires.withoutJob[0]!;
    await world.sandbox.control.lever.hireOpportunity(id, { startDate: Date.UTC(2026, 11, 14) });
    await world.main.core.hires.drain(PROFILE);
    const [first] = await hiresOf(world.main.api, id);
    expect(first?.decision).toBe('job_missing');

    const replayed = valueOf(await world.main.api.invoke('hires:replay', { profileId: PROFILE, hireId: first!.id }));
    expect(replayed).toMatchObject({ id: first!.id, decision: 'job_missing', source: 'replay' });
    expect(replayed.decidedAt! >= first!.decidedAt!).toBe(true);
    valueOf(await world.main.api.invoke('hires:replay', { profileId: PROFILE, hireId: first!.id }));
    expect(await hiresOf(world.main.api, id)).toHaveLength(1);
  });
});

describe('Link now (outbound profile, Job missing)', () => {
  it("finds the one unlinked job with the requisition's title and hiring manager, links it and creates the hire on the same row", async () => {
    const job = await unlinkedJob(world.sandbox);
    const { hireId, opportunityId, requisitionId } = await jobMissingHireLike(job);
    const match = valueOf(await world.main.api.invoke('hires:job-match', { profileId: PROFILE, hireId }));
    expect(match).toMatchObject({ verdict: 'one', candidates: [{ id: job.id, title: job.title }] });
    expect(match.advice).toContain(`“${job.title}”`);

    const linked = valueOf(await world.main.api.invoke('hires:link-job', { profileId: PROFILE, hireId, jobId: job.id }));
    expect(linked).toMatchObject({ id: hireId, decision: 'created', jobId: job.id });
    const after = (await charthopJobs(world.sandbox)).find((j) => j.id === job.id)!;
    expect(after.leverReqId).toBe(requisitionId);
    expect(after.req).toBe(match.requisition!.code);
    expect(await hiresOf(world.main.api, opportunityId)).toHaveLength(1);
    // The log says which hire linked which requisition to which job, for the support report.
    expect(world.main.logs.filter((r) => r.message.endsWith('(Link now)')).map((r) => [r.level, r.message])).toEqual([
      ['info', `Hire ${hireId}: Lever requisition of opportunity ${opportunityId} linked to ChartHop job ${job.id} (Link now)`],
    ]);
  });

  it('fails closed when two jobs match: says so, links nothing, creates no one', async () => {
    const job = await unlinkedJob(world.sandbox);
    const twin = (await charthopJobs(world.sandbox)).find((j) => j.open === 'open' && !j.req && !j.leverReqId && j.id !== job.id);
    if (!twin) throw new Error('the demo has only one unlinked open job');
    await patchJob(world.sandbox, twin.id, { title: job.title, hireMgr: job.hireMgr });
    const { hireId } = await jobMissingHireLike(job);
    const before = charthopCounts(world.sandbox);

    const match = valueOf(await world.main.api.invoke('hires:job-match', { profileId: PROFILE, hireId }));
    expect(match.verdict).toBe('several');
    expect(match.candidates.map((c) => c.id).sort()).toEqual([job.id, twin.id].sort());
    expect(match.advice).toMatch(/2 open, unlinked ChartHop jobs .* will not guess/);

    const refused = await world.main.api.invoke('hires:link-job', { profileId: PROFILE, hireId, jobId: job.id });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'hires.link_ambiguous', message: expect.stringContaining('Nothing was linked') },
    });
    const jobs = await charthopJobs(world.sandbox);
    expect(jobs.filter((j) => j.id === job.id || j.id === twin.id).map((j) => [j.req, j.leverReqId])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(charthopCounts(world.sandbox)).toEqual(before);
  });
});
