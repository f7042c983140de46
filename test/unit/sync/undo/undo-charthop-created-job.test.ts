// Undoing a ChartHop job a run created: deleted when nothing hangs on it, set Inactive when it holds a
// hire or its seat is filled, and left alone (with a sentence saying why) when it was renamed or
// re-pointed in ChartHop since, or cannot be found.
import { describe, expect, it } from 'vitest';
import { job } from '../builders.ts';
import { undoRow } from '../../../../src/main/core/sync/undo/undo-rows.ts';
import { RUN_ID, appliedChartHopWrite, change, jobCreateOp, chartHopUndoWorld } from './undo-support.ts';

const CREATED = 'j-new';
const createdJob = (extra: Parameters<typeof job>[1] = {}) =>
  job(CREATED, { title: 'Analyst', req: 'LVR-1', leverReqId: 'lr-1', ...extra });
const record = (diff = [change('code', null, 'LVR-1'), change('title', null, 'Analyst'), change('status', null, 'Active')]) =>
  appliedChartHopWrite(jobCreateOp(), {
    action: 'create',
    reason: 'requisition_open_unlinked',
    diff,
    result: { jobId: CREATED },
    jobId: null,
  });
/** The undo's removal of the created job, checked against the title it should still carry. */
const removeOp = (mode: 'delete' | 'inactive', title = 'Analyst') => ({
  kind: 'charthop.remove',
  mode,
  jobId: CREATED,
  requisitionId: 'lr-1',
  expected: { leverReqId: 'lr-1', title },
});
const head = { id: 'undo:11', title: 'Analyst', jobId: CREATED, requisitionId: 'lr-1', requisitionCode: 'LVR-1' };

describe('undo of a ChartHop job the run created', () => {
  it('deletes the job when nothing hangs on it, checking again that it still carries its title and Lever Req ID', () => {
    expect(undoRow(record(), chartHopUndoWorld([createdJob()]))).toEqual({
      view: {
        ...head,
        action: 'delete',
        reason: 'undo_created',
        reasonText: `ReqBridge created this job in run #${RUN_ID} and nothing hangs on it (no hire): it will be deleted in ChartHop.`,
        diff: [],
      },
      op: removeOp('delete'),
    });
  });

  it('sets a job holding a hire ReqBridge created Inactive instead of deleting the hire’s seat', () => {
    expect(undoRow(record(), chartHopUndoWorld([createdJob()], { jobsWithHires: new Set([CREATED]) }))).toEqual({
      view: {
        ...head,
        action: 'close',
        reason: 'undo_created_in_use',
        reasonText: `ReqBridge created this job in run #${RUN_ID}, but it holds a hire, so it is set Inactive and unlinked rather than deleted.`,
        diff: [],
      },
      op: removeOp('inactive'),
    });
  });

  it('sets a job whose seat was filled since the run Inactive, never deleting it', () => {
    const row = undoRow(record(), chartHopUndoWorld([createdJob({ open: false })]));
    expect(row.view).toMatchObject({ action: 'close', reason: 'undo_created_in_use' });
    expect(row.op).toEqual(removeOp('inactive'));
  });

  it('leaves a job renamed in ChartHop since the run alone and says what it is called now', () => {
    expect(undoRow(record(), chartHopUndoWorld([createdJob({ title: 'Senior Analyst' })]))).toEqual({
      view: {
        ...head,
        action: 'needs_attention',
        reason: 'undo_changed_since',
        reasonText: `Changed in ChartHop since run #${RUN_ID} created it (title now "Senior Analyst", Lever Req ID "lr-1"), so it is not removed. Remove it by hand if it should go.`,
        diff: [],
      },
      op: null,
    });
  });

  it('leaves a job alone whose Lever Req ID was blanked in ChartHop since the run, quoting the blank as (empty)', () => {
    const row = undoRow(record(), chartHopUndoWorld([createdJob({ leverReqId: '  ' })]));
    expect(row.op).toBeNull();
    expect(row.view).toMatchObject({ action: 'needs_attention', reason: 'undo_changed_since' });
    expect(row.view.reasonText).toBe(
      `Changed in ChartHop since run #${RUN_ID} created it (title now "Analyst", Lever Req ID (empty)), so it is not removed. Remove it by hand if it should go.`,
    );
  });

  it('leaves a job alone that now points at another requisition, though its title is unchanged', () => {
    const row = undoRow(record(), chartHopUndoWorld([createdJob({ leverReqId: 'lr-9' })]));
    expect(row.op).toBeNull();
    expect(row.view.reasonText).toBe(
      `Changed in ChartHop since run #${RUN_ID} created it (title now "Analyst", Lever Req ID "lr-9"), so it is not removed. Remove it by hand if it should go.`,
    );
  });

  it('judges a job by its Lever Req ID alone when the run recorded no title for it', () => {
    const row = undoRow(record([change('code', null, 'LVR-1')]), chartHopUndoWorld([createdJob({ title: 'Senior Analyst' })]));
    expect(row.view).toMatchObject({ action: 'delete', reason: 'undo_created' });
    expect(row.op).toEqual(removeOp('delete', 'Senior Analyst'));
  });

  it('takes nothing back when the created job is gone from ChartHop or the run kept no id for it', () => {
    const unreadable = {
      action: 'needs_attention',
      reason: 'undo_unreadable',
      reasonText: 'ReqBridge cannot find the ChartHop job this run created, so it takes nothing back. Check the job in ChartHop.',
      diff: [],
    };
    expect(undoRow(record(), chartHopUndoWorld([]))).toEqual({ view: { ...head, ...unreadable }, op: null });
    const noId = appliedChartHopWrite(jobCreateOp(), {
      action: 'create',
      diff: [change('title', null, 'Analyst')],
      result: {},
      jobId: null,
    });
    expect(undoRow(noId, chartHopUndoWorld([createdJob()]))).toEqual({ view: { ...head, jobId: null, ...unreadable }, op: null });
  });
});
