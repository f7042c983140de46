// Applying what an undo planned for ChartHop jobs, over real HTTP against the fake: a job the run
// created is deleted or set Inactive with its Lever Req ID cleared, one already gone counts as taken
// back; a link's job is reset, a restore writes the old values back and fails with a sentence when the
// job is gone. Before any write the job is read again, that job only: one edited since, or one whose
// requisition fields ChartHop does not show, is left alone with a sentence.
import { afterEach, describe, expect, it } from 'vitest';
import { JOB_FIELDS } from '../../../src/main/core/sync/readers.ts';
import type { UndoOp } from '../../../src/main/core/sync/plan-types.ts';
import { jobUnchanged } from '../../../src/main/core/sync/undo/undo-guard.ts';
import { executeUndoOp } from '../../../src/main/core/sync/undo/undo-ops.ts';
import type { UndoScene } from './undo-core-support.ts';
import { undoScene } from './undo-core-support.ts';
import type { JobSpec } from './seeds.ts';
import { ORG, jobId } from './seeds.ts';

let scene: UndoScene | undefined;
afterEach(async () => {
  await scene?.close();
  scene = undefined;
});

const CREATED = jobId(900);
const LINKED = jobId(901);
/** Job 900 as the run created it for requisition lr-1; job 901 as the run linked it to lr-d (and made it Active). */
const JOBS: JobSpec[] = [
  { id: CREATED, title: 'Role LVR-1', recruit: 'Active', req: 'LVR-1', leverReqId: 'lr-1' },
  { id: LINKED, title: 'Designer', recruit: 'Active', req: 'LVR-D', leverReqId: 'lr-d' },
];

async function start(jobs: JobSpec[] = JOBS, charthopPageSize?: number): Promise<UndoScene> {
  scene = await undoScene({ jobs, ...(charthopPageSize ? { charthopPageSize } : {}) });
  return scene;
}

const remove = (mode: 'delete' | 'inactive'): UndoOp => ({
  kind: 'charthop.remove',
  mode,
  jobId: CREATED,
  requisitionId: 'lr-1',
  expected: { leverReqId: 'lr-1', title: 'Role LVR-1' },
});

/** The code and message of the error `promise` rejects with. */
async function rejection(promise: Promise<unknown>): Promise<{ code: unknown; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as Error & { code?: unknown },
  );
  if (!error) throw new Error('it did not fail');
  return { code: error.code, message: error.message };
}

describe('taking back a ChartHop job the run created', () => {
  it('sets it Inactive and clears its Lever Req ID, when the profile keeps jobs', async () => {
    const s = await start();
    expect(await executeUndoOp(remove('inactive'), s.ctx)).toEqual({
      unlinkRequisition: 'lr-1',
      result: { jobId: CREATED, inactive: true },
    });
    expect(s.job(CREATED)).toMatchObject({ recruit: 'Inactive', title: 'Role LVR-1' });
    expect(s.job(CREATED)?.['leverReqId'] ?? null).toBeNull();
    expect(s.afterWrites()).toBe(1);
  });

  it('deletes it when the plan says delete', async () => {
    const s = await start();
    expect(await executeUndoOp(remove('delete'), s.ctx)).toEqual({ unlinkRequisition: 'lr-1', result: { jobId: CREATED, deleted: true } });
    expect(s.job(CREATED)).toBeUndefined();
    expect(s.job(LINKED)).toBeDefined();
  });

  it('counts a job already gone as taken back, writing nothing', async () => {
    const s = await start(JOBS.slice(1));
    expect(await executeUndoOp(remove('delete'), s.ctx)).toEqual({ unlinkRequisition: 'lr-1', result: { jobId: CREATED, found: false } });
    expect(s.charthopWrites()).toEqual([]);
    expect(s.afterWrites()).toBe(0);
  });

  it('leaves alone a job renamed since the undo was planned, failing the row with the sentence', async () => {
    const s = await start([{ ...JOBS[0], title: 'Analyst, renamed' } as JobSpec]);
    expect(await rejection(executeUndoOp(remove('delete'), s.ctx))).toEqual({
      code: 'undo.changed_since',
      message:
        'The ChartHop job "Analyst, renamed" changed since the undo was planned (title), so nothing was written to it. Plan the undo again to see the values now.',
    });
    expect(s.charthopWrites()).toEqual([]);
  });
});

describe('removing a link the run made on a ChartHop job', () => {
  const unlink: UndoOp = {
    kind: 'charthop.unlink',
    jobId: LINKED,
    requisitionId: 'lr-d',
    jobReset: { recruit: 'Passive', req: null, leverReqId: null },
    expected: { recruit: 'Active', req: 'LVR-D', leverReqId: 'lr-d' },
  };

  it('puts the job’s fields back and clears its code and Lever Req ID', async () => {
    const s = await start();
    expect(await executeUndoOp(unlink, s.ctx)).toEqual({ unlinkRequisition: 'lr-d', result: { jobId: LINKED } });
    expect(s.job(LINKED)).toMatchObject({ recruit: 'Passive', title: 'Designer' });
    expect(s.job(LINKED)?.['req'] ?? null).toBeNull();
    expect(s.job(LINKED)?.['leverReqId'] ?? null).toBeNull();
  });

  it('removes the link of a job that is gone, writing nothing', async () => {
    const s = await start(JOBS.slice(0, 1));
    expect(await executeUndoOp(unlink, s.ctx)).toEqual({ unlinkRequisition: 'lr-d', result: { jobId: LINKED } });
    expect(s.charthopWrites()).toEqual([]);
  });
});

describe('restoring the fields a run wrote on a ChartHop job', () => {
  const restore: UndoOp = {
    kind: 'charthop.restore',
    jobId: LINKED,
    requisitionId: 'lr-d',
    code: 'LVR-D',
    body: { recruit: 'Passive' },
    expected: { recruit: 'Active' },
    synced: { code: 'LVR-D', title: 'Designer', status: 'Passive' },
  };

  it('writes the old values back and keeps the link with them', async () => {
    const s = await start();
    expect(await executeUndoOp(restore, s.ctx)).toEqual({
      link: {
        jobId: LINKED,
        requisitionId: 'lr-d',
        code: 'LVR-D',
        synced: { code: 'LVR-D', title: 'Designer', status: 'Passive' },
        direction: 'inbound',
      },
      result: { jobId: LINKED },
    });
    expect(s.job(LINKED)).toMatchObject({ recruit: 'Passive', leverReqId: 'lr-d' });
    expect(s.afterWrites()).toBe(1);
  });

  it('fails the row with a sentence when the job is gone', async () => {
    const s = await start(JOBS.slice(0, 1));
    expect(await rejection(executeUndoOp(restore, s.ctx))).toEqual({
      code: 'undo.gone',
      message: 'The ChartHop job is no longer there, so nothing was restored. Check it in ChartHop.',
    });
    expect(s.charthopWrites()).toEqual([]);
  });
});

describe('reading a ChartHop job again before an undo writes it', () => {
  it('reads that one job only, not the whole org’s listing', async () => {
    const s = await start(JOBS, 1);
    expect(await jobUnchanged(s.ctx.charthop, LINKED, { title: 'designer ', leverReqId: 'lr-d' })).toBe(true);
    expect(s.charthop.control.requestLog().filter((e) => e.method === 'GET' && e.path === `/v2/org/${ORG}/job`)).toHaveLength(1);
  });

  it('checks the asked job even when ChartHop answers with other jobs too', async () => {
    const s = await start();
    const rows = [];
    for await (const row of s.ctx.charthop.jobs.rows({ fields: JOB_FIELDS })) rows.push(row);
    // The asked job first, the others after it: as a server that ignores the id filter would answer.
    const answer = [...rows.filter((r) => r.id === LINKED), ...rows.filter((r) => r.id !== LINKED)];
    expect(answer.length).toBeGreaterThan(1);
    s.charthop.control.setFault({
      method: 'GET',
      path: '/v2/org/:org/job',
      action: { kind: 'status', status: 200, body: { data: answer } },
    });
    expect(await jobUnchanged(s.ctx.charthop, LINKED, { title: 'Designer', req: 'LVR-D', recruit: 'Active', leverReqId: 'lr-d' })).toBe(
      true,
    );
    expect(await rejection(jobUnchanged(s.ctx.charthop, LINKED, { title: 'Designer', req: 'LVR-X', recruit: 'Passive' }))).toEqual({
      code: 'undo.changed_since',
      message:
        'The ChartHop job "Designer" changed since the undo was planned (req, recruit), so nothing was written to it. Plan the undo again to see the values now.',
    });
  });

  it('writes nothing to a job whose requisition code and Lever Req ID ChartHop does not show', async () => {
    const s = await start([{ id: LINKED, title: 'Designer', recruit: 'Active', leverReqId: 'lr-d' }]);
    // Whole job objects, `fields=` ignored: the job has no code, so its `req` is simply missing.
    s.charthop.control.setFault({
      method: 'GET',
      path: '/v2/org/:org/job',
      action: { kind: 'status', status: 200, body: { data: s.charthop.control.jobs(ORG) } },
    });
    expect(await rejection(jobUnchanged(s.ctx.charthop, LINKED, { leverReqId: 'lr-d' }))).toEqual({
      code: 'undo.unreadable',
      message:
        'ChartHop\'s answer does not show the job "Designer"\'s requisition code and Lever Req ID in a shape ReqBridge can read, so nothing was written to it. Run Check connection.',
    });
  });
});
