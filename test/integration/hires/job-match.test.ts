// "Job missing" on an outbound profile: which ChartHop jobs ReqBridge offers to link a hire's Lever
// requisition to, and what it tells the consultant. Only an open, unlinked job with the same title
// (trimmed, any letter case) and the same hiring manager is offered; a wrong offer would put the
// hire into somebody else's job. A job list whose identities cannot be read links nothing, and Link
// now links only the job that is, read again, the one candidate.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { valueOf } from '../../support/test-core.ts';
import { charthopJobs, hireWithoutJob, patchJob, unlinkedJob } from './charthop-jobs.ts';
import type { HiresWorld } from './support.ts';
import { charthopCounts, editOpportunity, PROFILE, startHiresWorld } from './support.ts';

let world: HiresWorld;
beforeEach(async () => {
  world = await startHiresWorld();
});
afterEach(async () => {
  await world.close();
});

/** The demo's "without job" hire, decided job_missing, its Lever requisition named `name` and managed by `managerId`. */
async function jobMissingHire(name: string, managerId?: string) {
  const { row, opportunityId, requisitionId, code } = await hireWithoutJob(world, name, managerId);
  expect(row).toMatchObject({ decision: 'job_missing' });
  return { hireId: row!.id, opportunityId, requisitionId, code };
}

const jobMatch = (hireId: string) => world.main.api.invoke('hires:job-match', { profileId: PROFILE, hireId });

describe('the one job that matches', () => {
  it('is found whatever the spaces and letter case of the title, and the advice names it and the requisition', async () => {
    const job = await unlinkedJob(world.sandbox);
    const { hireId, code } = await jobMissingHire(`  ${job.title.toUpperCase()} `);
    const match = valueOf(await jobMatch(hireId));
    const name = job.title.toUpperCase();
    expect(match).toMatchObject({ verdict: 'one', candidates: [{ id: job.id, title: job.title }] });
    expect(match.requisition?.name).toBe(name);
    expect(match.advice).toBe(
      `The open ChartHop job “${job.title}” has the title and hiring manager of Lever requisition ${code} “${name}” and is not linked to any ` +
        'requisition. Link now writes the requisition on the job (its Lever Req ID and requisition code) and processes the hire again.',
    );
  });

  it('is still found while ChartHop answers people searches in a shape nobody can read (matching reads jobs only)', async () => {
    const job = await unlinkedJob(world.sandbox);
    const { hireId } = await jobMissingHire(job.title);
    world.sandbox.control.charthop.setPeopleAnswer('bare');
    expect(valueOf(await jobMatch(hireId))).toMatchObject({ verdict: 'one', candidates: [{ id: job.id }] });
  });

  it('with a hiring manager Lever no longer has, is the job with that title and no hiring manager', async () => {
    const job = await unlinkedJob(world.sandbox);
    await patchJob(world.sandbox, job.id, { hireMgr: null });
    const { hireId } = await jobMissingHire(job.title, 'user-who-left');
    expect(valueOf(await jobMatch(hireId))).toMatchObject({ verdict: 'one', candidates: [{ id: job.id }] });
  });

  it('is not guessed when Lever refuses to show the hiring manager: the match fails instead', async () => {
    const job = await unlinkedJob(world.sandbox);
    const { hireId } = await jobMissingHire(job.title);
    world.sandbox.control.lever.setFault({ method: 'GET', path: '/v1/users/:id', times: 1, action: { kind: 'status', status: 403 } });
    expect(await jobMatch(hireId)).toMatchObject({ ok: false });
  });

  it('Link now links only the job that is the one candidate: another job id links nothing', async () => {
    const job = await unlinkedJob(world.sandbox);
    const other = (await charthopJobs(world.sandbox)).find((j) => j.open === 'open' && !j.req && !j.leverReqId && j.id !== job.id)!;
    const { hireId, code } = await jobMissingHire(job.title);
    const before = charthopCounts(world.sandbox);
    const refused = await world.main.api.invoke('hires:link-job', { profileId: PROFILE, hireId, jobId: other.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'hires.link_ambiguous' } });
    expect((refused as { error: { message: string } }).error.message).toBe(
      `Nothing was linked: The open ChartHop job “${job.title}” has the title and hiring manager of Lever requisition ${code} “${job.title}” ` +
        'and is not linked to any requisition. Link now writes the requisition on the job (its Lever Req ID and requisition code) and processes the hire again.',
    );
    const jobs = await charthopJobs(world.sandbox);
    expect(jobs.filter((j) => j.id === job.id || j.id === other.id).map((j) => [j.req, j.leverReqId])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(charthopCounts(world.sandbox)).toEqual(before);
  });
});

describe('no job matches', () => {
  it('a job with the title but another hiring manager is not offered; the advice says how to link by hand', async () => {
    const job = await unlinkedJob(world.sandbox);
    const someoneElse = (await charthopJobs(world.sandbox)).find((j) => j.hireMgr && j.hireMgr !== job.hireMgr)!;
    await patchJob(world.sandbox, job.id, { hireMgr: someoneElse.hireMgr });
    const { hireId, code } = await jobMissingHire(job.title);
    const match = valueOf(await jobMatch(hireId));
    expect(match).toMatchObject({ verdict: 'none', candidates: [] });
    expect(match.advice).toBe(
      `No open, unlinked ChartHop job has the title and hiring manager of Lever requisition ${code} “${job.title}”. With ChartHop as the ` +
        `source of truth a sync never creates ChartHop jobs from Lever: put ${code} in the job’s Requisition ID field in ChartHop (add the job ` +
        'first if it is not there), then press Replay.',
    );
  });

  it('a title spelled differently is another title (“Straße” is not “STRASSE”)', async () => {
    const job = await unlinkedJob(world.sandbox);
    await patchJob(world.sandbox, job.id, { title: 'Straße Lead' });
    const { hireId } = await jobMissingHire('STRASSE LEAD');
    expect(valueOf(await jobMatch(hireId))).toMatchObject({ verdict: 'none', candidates: [] });
  });

  it('a hire Lever made without a requisition has nothing to link, and says so', async () => {
    const { hireId, opportunityId } = await jobMissingHire('Anything');
    editOpportunity(world.sandbox, opportunityId, (o) => {
      o.application = { ...o.application!, requisitionForHire: null };
    });
    expect(valueOf(await jobMatch(hireId))).toEqual({
      hireId,
      requisition: null,
      candidates: [],
      verdict: 'none',
      advice:
        'Lever hired the candidate without a requisition (the posting has none), so there is no ChartHop job to link. ' +
        'Nothing can be written for this hire.',
    });
  });

  it('a job list whose requisition codes cannot be read links nothing and says what to check', async () => {
    const job = await unlinkedJob(world.sandbox);
    const { hireId } = await jobMissingHire(job.title);
    // The lookups of the requisition's linked job come first; the job listing then shows one row without its identity.
    world.sandbox.control.charthop.setFault({
      method: 'GET',
      path: '/v2/org/:org/job',
      nth: 3,
      action: {
        kind: 'status',
        status: 200,
        body: {
          data: [
            { id: 'readable-job', title: 'Readable', open: 'open', req: 'REQ-1', leverReqId: 'lever-req-1' },
            { id: job.id, title: job.title },
          ],
        },
      },
    });
    expect(await jobMatch(hireId)).toMatchObject({
      ok: false,
      error: {
        code: 'hires.match_unreadable',
        message:
          "ChartHop's answer does not show every job's requisition code and Lever Req ID, so ReqBridge cannot tell which jobs are unlinked " +
          'and links none. Run Check connection: its identity check shows what ChartHop answers.',
      },
    });
  });
});

describe('a requisition linked since the decision', () => {
  it('is reported linked to its job by title, with Replay to process the hire', async () => {
    const job = await unlinkedJob(world.sandbox);
    const { hireId, requisitionId, code } = await jobMissingHire(job.title);
    await patchJob(world.sandbox, job.id, { leverReqId: requisitionId });
    const match = valueOf(await jobMatch(hireId));
    expect(match).toMatchObject({ verdict: 'linked', candidates: [] });
    expect(match.advice).toBe(
      `Lever requisition ${code} “${job.title}” is now linked to the ChartHop job “${job.title}”. Press Replay to process the hire.`,
    );
  });
});
