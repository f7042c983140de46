// Applying what an undo planned for Lever requisitions, over real HTTP against the fakes: a requisition
// the run created is deleted and its job's Lever Req ID cleared, or closed (keeping the link) when a
// posting now hangs on it; one already gone counts as taken back, a failed read stops the row; a close
// of a closed requisition writes nothing; a link with no field to restore touches no requisition; a
// restore never overwrites a requisition edited after the undo was planned.
import { afterEach, describe, expect, it } from 'vitest';
import type { UndoOp } from '../../../src/main/core/sync/plan-types.ts';
import { executeUndoOp } from '../../../src/main/core/sync/undo/undo-ops.ts';
import type { UndoScene } from './undo-core-support.ts';
import { addPosting, undoScene } from './undo-core-support.ts';
import { jobId, seededRequisition } from './seeds.ts';

let scene: UndoScene | undefined;
afterEach(async () => {
  await scene?.close();
  scene = undefined;
});

const JOB = jobId(1);
/** Job 1 as a run that created requisition lr-1 left it: coded ENG-1 and pointing at lr-1. */
const linkedJob = { id: JOB, title: 'Engineer 1', recruit: 'Active', req: 'ENG-1', leverReqId: 'lr-1' };

const remove = (mode: 'delete' | 'close'): UndoOp => ({
  kind: 'lever.remove',
  mode,
  jobId: JOB,
  requisitionId: 'lr-1',
  code: 'ENG-1',
  expected: { name: 'Role ENG-1', department: 'Engineering' },
  jobReset: { leverReqId: null },
});

async function start(requisition: Parameters<typeof seededRequisition>[2] | null = {}): Promise<UndoScene> {
  scene = await undoScene({
    jobs: [linkedJob],
    requisitions: requisition === null ? [] : [seededRequisition('lr-1', 'ENG-1', requisition)],
  });
  return scene;
}

describe('taking back a requisition the run created', () => {
  it('deletes it and clears the Lever Req ID on its job', async () => {
    const s = await start();
    expect(await executeUndoOp(remove('delete'), s.ctx)).toEqual({
      unlinkRequisition: 'lr-1',
      result: { requisitionId: 'lr-1', deleted: true },
    });
    expect(s.requisition('lr-1')).toBeUndefined();
    expect(s.job(JOB)?.['leverReqId'] ?? null).toBeNull();
    expect(s.afterWrites()).toBe(1);
  });

  it('counts a requisition already gone as taken back (a repeat after a crash) and still clears the job', async () => {
    const s = await start(null);
    expect(await executeUndoOp(remove('delete'), s.ctx)).toEqual({
      unlinkRequisition: 'lr-1',
      result: { requisitionId: 'lr-1', deleted: false },
    });
    expect(s.leverWrites()).toEqual([]);
    expect(s.job(JOB)?.['leverReqId'] ?? null).toBeNull();
  });

  it('fails the row when Lever refuses to show the requisition: nothing is deleted and the job keeps its link', async () => {
    const s = await start();
    s.lever.control.setFault({ method: 'GET', path: '/v1/requisitions/:id', action: { kind: 'status', status: 403 } });
    await expect(executeUndoOp(remove('delete'), s.ctx)).rejects.toMatchObject({ kind: 'forbidden' });
    expect(s.leverWrites()).toEqual([]);
    expect(s.charthopWrites()).toEqual([]);
    expect(s.job(JOB)).toMatchObject({ leverReqId: 'lr-1' });
  });

  it('closes instead of deleting one that gained a posting, says so, and keeps the link and the job’s Lever Req ID', async () => {
    const s = await start();
    addPosting(s.lever, 'ENG-1');
    expect(await executeUndoOp(remove('delete'), s.ctx)).toEqual({
      result: { requisitionId: 'lr-1', closed: true },
      note: 'Closed instead of deleted: the requisition now has 1 posting(s).',
    });
    expect(s.requisition('lr-1')).toMatchObject({ status: 'closed' });
    expect(s.job(JOB)).toMatchObject({ leverReqId: 'lr-1' });
    expect(s.charthopWrites()).toEqual([]);
  });

  it('closes one planned for closing without a note, and a second close writes nothing', async () => {
    const s = await start();
    expect(await executeUndoOp(remove('close'), s.ctx)).toEqual({ result: { requisitionId: 'lr-1', closed: true } });
    expect(s.requisition('lr-1')).toMatchObject({ status: 'closed' });
    expect(s.leverWrites()).toHaveLength(1);
    expect(await executeUndoOp(remove('close'), s.ctx)).toEqual({ result: { requisitionId: 'lr-1', closed: true } });
    expect(s.leverWrites()).toHaveLength(1);
    expect(s.afterWrites()).toBe(1);
  });

  it('writes nothing to a requisition already closed by hand', async () => {
    const s = await start({ status: 'closed' });
    expect(await executeUndoOp(remove('close'), s.ctx)).toEqual({ result: { requisitionId: 'lr-1', closed: true } });
    expect(s.leverWrites()).toEqual([]);
    expect(s.afterWrites()).toBe(0);
  });

  it('leaves alone one edited since the undo was planned, failing the row with the sentence', async () => {
    const s = await start({ department: 'Marketing' });
    await expect(executeUndoOp(remove('delete'), s.ctx)).rejects.toThrow(
      'The requisition ENG-1 changed since the undo was planned (department), so nothing was written to it. Plan the undo again to see the values now.',
    );
    expect(s.requisition('lr-1')).toMatchObject({ department: 'Marketing', status: 'open' });
    expect(s.job(JOB)).toMatchObject({ leverReqId: 'lr-1' });
  });
});

describe('removing a link the run made', () => {
  it('with no field to restore, touches no requisition (even one edited since) and clears the job’s Lever Req ID', async () => {
    const s = await start({ name: 'Renamed since' });
    const op: UndoOp = {
      kind: 'lever.unlink',
      jobId: JOB,
      requisitionId: 'lr-1',
      code: 'ENG-1',
      changes: {},
      expected: { name: 'Role ENG-1' },
      jobReset: { leverReqId: null },
    };
    expect(await executeUndoOp(op, s.ctx)).toEqual({ unlinkRequisition: 'lr-1', result: { requisitionId: 'lr-1' } });
    expect(s.leverCalls()).toEqual([]);
    expect(s.job(JOB)?.['leverReqId'] ?? null).toBeNull();
    expect(s.requisition('lr-1')).toMatchObject({ name: 'Renamed since' });
  });
});

describe('restoring the fields a run wrote on a requisition', () => {
  const restore: UndoOp = {
    kind: 'lever.restore',
    jobId: JOB,
    requisitionId: 'lr-1',
    code: 'ENG-1',
    changes: { department: 'Sales', location: 'Remote' },
    expected: { department: 'Engineering', location: 'New York' },
    jobReset: null,
    synced: { code: 'ENG-1', department: 'Sales', location: 'Remote' },
  };

  it('writes the values from before the run back and keeps the link with the restored values', async () => {
    const s = await start();
    expect(await executeUndoOp(restore, s.ctx)).toEqual({
      link: {
        jobId: JOB,
        requisitionId: 'lr-1',
        code: 'ENG-1',
        synced: { code: 'ENG-1', department: 'Sales', location: 'Remote' },
        direction: 'outbound',
      },
      result: { requisitionId: 'lr-1' },
    });
    expect(s.requisition('lr-1')).toMatchObject({ department: 'Sales', location: 'Remote', name: 'Role ENG-1' });
  });

  it('never overwrites a requisition edited after the undo was planned', async () => {
    const s = await start({ location: 'Austin' });
    await expect(executeUndoOp(restore, s.ctx)).rejects.toThrow(
      'The requisition ENG-1 changed since the undo was planned (location), so nothing was written to it. Plan the undo again to see the values now.',
    );
    expect(s.leverWrites()).toEqual([]);
    expect(s.requisition('lr-1')).toMatchObject({ department: 'Engineering', location: 'Austin' });
  });
});
