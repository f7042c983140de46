// Undoing a requisition the run created in Lever: it is deleted only when it still holds what the run
// wrote and nothing hangs on it; with postings or a hire it is closed instead; an edit since the run,
// a job now pointing elsewhere or a requisition ReqBridge cannot see makes the row ask a person; and
// only what the run wrote on the ChartHop job (its Lever Req ID, a generated code) is cleared.
import { describe, expect, it } from 'vitest';
import type { RowOp } from '../../../../src/main/core/sync/plan-types.ts';
import { undoRow } from '../../../../src/main/core/sync/undo/undo-rows.ts';
import type { JobRecord, RequisitionRecord } from '../../../../src/main/core/sync/model.ts';
import { job, requisition } from '../builders.ts';
import { appliedLeverWrite, change, leverRequisitionInput, leverUndoWorld } from './undo-support.ts';

type CreateOp = Extract<RowOp, { kind: 'lever.create' }>;

/** The create of requisition ENG-1 for job 1, as the run journalled it (`writeBack`: what it wrote on the job). */
const createOp = (writeBack: Record<string, unknown> = {}): CreateOp => ({
  kind: 'lever.create',
  jobId: '1',
  code: 'ENG-1',
  input: leverRequisitionInput('1'),
  writeBack,
  synced: { code: 'ENG-1', title: 'Engineer 1', status: 'open', department: 'Engineering' },
});

/** What the create wrote, as checked again on the requisition just before the undo writes. */
const WROTE = {
  name: 'Engineer 1',
  status: 'open',
  employmentStatus: 'full-time',
  department: 'Engineering',
  team: 'Platform',
  location: 'New York',
  hiringManager: 'u-grace',
  owner: 'u-rick',
};

const created = (op: CreateOp = createOp(), result: Record<string, unknown> = { requisitionId: 'r-1' }) =>
  appliedLeverWrite(op, {
    title: 'Engineer 1',
    action: 'create',
    reason: 'job_active_unlinked',
    diff: [
      change('code', null, 'ENG-1'),
      change('title', null, 'Engineer 1'),
      change('status', null, 'open'),
      change('department', null, 'Engineering'),
    ],
    jobId: '1',
    requisitionId: null,
    requisitionCode: 'ENG-1',
    result,
  });

const HEAD = { id: 'undo:41', title: 'Engineer 1', jobId: '1', requisitionId: 'r-1', requisitionCode: 'ENG-1' };

/** Job 1 as the run left it: it holds the new requisition's id. */
const jobAfterRun = (extra: Partial<JobRecord> = {}) => job('1', { leverReqId: 'r-1', ...extra });

/** The undo's removal of requisition r-1 (ENG-1) of job 1. */
const removeOp = (mode: 'delete' | 'close', expected: Record<string, unknown>, jobReset: Record<string, null> | null) => ({
  kind: 'lever.remove',
  mode,
  jobId: '1',
  requisitionId: 'r-1',
  code: 'ENG-1',
  expected,
  jobReset,
});

const plan = (
  init: { requisitions?: RequisitionRecord[]; jobs?: JobRecord[]; confidentialVisible?: boolean; hires?: string[] },
  record = created(),
) => undoRow(record, leverUndoWorld(init));

describe('undo of a requisition the run created', () => {
  it('without the new requisition id in the journal, asks for a delete by hand and writes nothing', () => {
    expect(plan({ requisitions: [requisition('1')], jobs: [jobAfterRun()] }, created(createOp(), {}))).toEqual({
      view: {
        ...HEAD,
        requisitionId: null,
        action: 'needs_attention',
        reason: 'undo_unreadable',
        reasonText:
          'The journal does not hold the id of the requisition this run created, so ReqBridge cannot tell which one to take back. Delete it in Lever by hand.',
        diff: [],
      },
      op: null,
    });
  });

  it('when the job now points at another requisition, takes nothing back and says which id the job holds', () => {
    expect(plan({ requisitions: [requisition('1')], jobs: [jobAfterRun({ leverReqId: 'r-9' })] })).toEqual({
      view: {
        ...HEAD,
        action: 'needs_attention',
        reason: 'undo_changed_since',
        reasonText:
          "Changed since the run: the job's Lever Req ID is now r-9, not the r-1 the run set. Nothing is taken back; check the job in ChartHop.",
        diff: [],
      },
      op: null,
    });
  });

  it('when the requisition is not found and the key cannot see confidential ones, asks instead of clearing the link', () => {
    expect(plan({ requisitions: [], jobs: [jobAfterRun()], confidentialVisible: false })).toEqual({
      view: {
        ...HEAD,
        action: 'needs_attention',
        reason: 'undo_unreadable',
        reasonText:
          'The Lever key cannot see confidential requisitions, so ReqBridge cannot tell whether this one still exists. Allow confidential access on the key, then plan the undo again.',
        diff: [],
      },
      op: null,
    });
  });

  it('when the requisition is already gone from Lever, clears only the link and the Lever Req ID on the job', () => {
    expect(plan({ requisitions: [], jobs: [jobAfterRun()] })).toEqual({
      view: {
        ...HEAD,
        action: 'delete',
        reason: 'undo_created_gone',
        reasonText: `ReqBridge created this requisition in run #7; it is already gone from Lever, so only the link and the Lever Req ID on the job are cleared.`,
        diff: [],
      },
      op: removeOp('delete', {}, { leverReqId: null }),
    });
  });

  it('when a consultant edited it in Lever since, does not delete it and shows every edited field', () => {
    const edited = requisition('1', { name: 'Staff Engineer 1', department: 'Sales' });
    expect(plan({ requisitions: [edited], jobs: [jobAfterRun()] })).toEqual({
      view: {
        ...HEAD,
        action: 'needs_attention',
        reason: 'undo_changed_since',
        reasonText:
          'Changed in Lever since ReqBridge created it in run #7 (Title: before the run (empty), the run wrote "Engineer 1", now "Staff Engineer 1"; Department: before the run (empty), the run wrote "Engineering", now "Sales"), so it is not deleted. Close or delete it in Lever by hand if it should go.',
        diff: [],
      },
      op: null,
    });
  });

  it('with postings, closes it rather than deleting it, keeps the link and leaves the job alone', () => {
    const withPostings = requisition('1', { postings: ['p-1', 'p-2'] });
    expect(plan({ requisitions: [withPostings], jobs: [jobAfterRun()] }, created())).toEqual({
      view: {
        ...HEAD,
        action: 'close',
        reason: 'undo_created_in_use',
        diff: [{ field: 'status', label: 'Status', before: 'open', after: 'closed' }],
        reasonText:
          'ReqBridge created this requisition in run #7, but it has 2 postings (candidates may have applied), so it is closed rather than deleted and stays linked. Set the job Inactive in ChartHop, or the next Sync opens it again.',
      },
      op: removeOp('close', WROTE, null),
    });
  });

  it('when its job holds a hire ReqBridge created, closes it and names the hire as the reason, postings or not', () => {
    const reasonText =
      'ReqBridge created this requisition in run #7, but its job holds a hire, so it is closed rather than deleted and stays linked. Set the job Inactive in ChartHop, or the next Sync opens it again.';
    for (const postings of [[], ['p-1']]) {
      const row = plan({ requisitions: [requisition('1', { postings })], jobs: [jobAfterRun()], hires: ['1'] });
      expect(row.view).toEqual({
        ...HEAD,
        action: 'close',
        reason: 'undo_created_in_use',
        diff: [{ field: 'status', label: 'Status', before: 'open', after: 'closed' }],
        reasonText,
      });
      expect(row.op).toEqual(removeOp('close', WROTE, null));
    }
  });

  it('with nothing hanging on it, deletes it and clears the Lever Req ID and the generated code the run wrote on the job', () => {
    const record = created(createOp({ req: 'ENG-1' }));
    expect(plan({ requisitions: [requisition('1')], jobs: [jobAfterRun({ req: 'ENG-1' })] }, record)).toEqual({
      view: {
        ...HEAD,
        action: 'delete',
        reason: 'undo_created',
        diff: [{ field: 'status', label: 'Status', before: 'open', after: 'deleted' }],
        reasonText:
          'ReqBridge created this requisition in run #7 and nothing hangs on it (no postings, candidates or hires): it will be deleted in Lever and the Lever Req ID and the code ReqBridge generated cleared on the job.',
      },
      op: removeOp('delete', WROTE, { leverReqId: null, req: null }),
    });
  });

  it('with the job gone from ChartHop, deletes the requisition and promises nothing on the job', () => {
    const row = plan({ requisitions: [requisition('1')], jobs: [] });
    expect(row.view.reasonText).toBe(
      'ReqBridge created this requisition in run #7 and nothing hangs on it (no postings, candidates or hires): it will be deleted in Lever.',
    );
    expect(row.op).toEqual(removeOp('delete', WROTE, null));
  });
});
