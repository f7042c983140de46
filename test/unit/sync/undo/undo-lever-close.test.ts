// Undoing a close the run made in Lever: the requisition is reopened to the status it had before the
// run and the link takes that status back; it is left alone when its job was deleted in ChartHop, when
// it was reopened or changed since, or when ReqBridge cannot read the status to go back to.
import { describe, expect, it } from 'vitest';
import type { FieldDiff } from '../../../../src/shared/api/sync-views.ts';
import type { LinkRecord, RequisitionRecord } from '../../../../src/main/core/sync/model.ts';
import type { RowOp } from '../../../../src/main/core/sync/plan-types.ts';
import { undoRow } from '../../../../src/main/core/sync/undo/undo-rows.ts';
import { link, requisition } from '../builders.ts';
import { appliedLeverWrite, change, leverUndoWorld } from './undo-support.ts';

/** The values the run synced when it closed requisition ENG-4. */
const SYNCED = { ...link('4').synced, status: 'closed' };

const closeOp = (jobExists = true): Extract<RowOp, { kind: 'lever.close' }> => ({
  kind: 'lever.close',
  jobId: '4',
  jobExists,
  requisitionId: 'r-4',
  code: 'ENG-4',
  synced: SYNCED,
});

const closed = (diff: FieldDiff[] = [change('status', 'onHold', 'closed')], jobExists = true) =>
  appliedLeverWrite(closeOp(jobExists), {
    title: 'Engineer 4',
    action: 'close',
    reason: 'job_filled',
    diff,
    jobId: '4',
    requisitionId: 'r-4',
    requisitionCode: 'ENG-4',
  });

const HEAD = { id: 'undo:41', title: 'Engineer 4', jobId: '4', requisitionId: 'r-4', requisitionCode: 'ENG-4' };
const CLOSED_NOW = requisition('4', { status: 'closed' });

const plan = (record: ReturnType<typeof closed>, init: { requisitions?: RequisitionRecord[]; links?: LinkRecord[] }) =>
  undoRow(record, leverUndoWorld(init));

/** The reopen row of ENG-4 back to `before`, with the link's values `synced`. */
const reopen = (before: string, synced: Record<string, string | null>) => ({
  view: {
    ...HEAD,
    action: 'update',
    reason: 'undo_reopen',
    diff: [{ field: 'status', label: 'Status', before: 'closed', after: before }],
    reasonText: `Closed in run #7: it is reopened to ${before}.`,
  },
  op: {
    kind: 'lever.restore',
    jobId: '4',
    requisitionId: 'r-4',
    code: 'ENG-4',
    changes: { status: before },
    expected: { status: 'closed' },
    jobReset: null,
    synced,
  },
});

describe('undo of a close', () => {
  it('reopens the requisition to its status before the run, and the link takes that status from the link it has now', () => {
    const now = { ...SYNCED, title: 'Engineer 4 (renamed in a later run)' };
    const row = plan(closed(), { requisitions: [CLOSED_NOW], links: [link('3'), link('4', { synced: now })] });
    expect(row).toEqual(reopen('onHold', { ...now, status: 'onHold' }));
  });

  it("without a link any more, the reopened requisition's link starts from the values the run synced", () => {
    expect(plan(closed(), { requisitions: [CLOSED_NOW] })).toEqual(reopen('onHold', { ...SYNCED, status: 'onHold' }));
  });

  it("reopens to the status before the run even when the run's record lists other fields first", () => {
    const record = closed([change('title', 'Engineer 4', 'Engineer IV'), change('status', 'open', 'closed')]);
    expect(plan(record, { requisitions: [CLOSED_NOW] })).toEqual(reopen('open', { ...SYNCED, status: 'open' }));
  });

  it('when the job was deleted in ChartHop, reopens nothing: the requisition would have no job', () => {
    expect(plan(closed([change('status', 'onHold', 'closed')], false), { requisitions: [CLOSED_NOW] })).toEqual({
      view: {
        ...HEAD,
        action: 'skip',
        reason: 'not_undoable',
        reasonText:
          'Not undone: the job was deleted in ChartHop, so a reopened requisition would have no job. Reopen it in Lever by hand if it should recruit.',
        diff: [],
      },
      op: null,
    });
  });

  it('without the status before the run, or without the requisition now, reopens nothing and asks', () => {
    const attention = {
      view: {
        ...HEAD,
        action: 'needs_attention',
        reason: 'undo_unreadable',
        reasonText:
          'ReqBridge cannot read the status before the run or the requisition now, so it reopens nothing. Reopen it in Lever by hand if it should recruit.',
        diff: [],
      },
      op: null,
    };
    expect(plan(closed([]), { requisitions: [CLOSED_NOW] })).toEqual(attention);
    expect(plan(closed(), { requisitions: [] })).toEqual(attention);
  });

  it('when someone reopened or changed it since, overwrites nothing and shows the three statuses', () => {
    expect(plan(closed(), { requisitions: [requisition('4', { status: 'open' })] })).toEqual({
      view: {
        ...HEAD,
        action: 'needs_attention',
        reason: 'undo_changed_since',
        reasonText: 'Changed since run #7: Status before the run "onHold", the run wrote "closed", now "open". Nothing is overwritten.',
        diff: [],
      },
      op: null,
    });
  });
});
