// Records an undo never takes back, each skipped with the sentence saying why: a write finished for an
// interrupted earlier run, a requisition deleted in Lever, a job set Inactive because its requisition was
// deleted, and a record an undo wrote itself.
import { describe, expect, it } from 'vitest';
import type { RowOp } from '../../../../src/main/core/sync/plan-types.ts';
import { undoRow } from '../../../../src/main/core/sync/undo/undo-rows.ts';
import { appliedChartHopWrite, chartHopUndoWorld } from './undo-support.ts';

const skipped = (op: RowOp | null, reasonText: string) =>
  expect(undoRow(appliedChartHopWrite(op), chartHopUndoWorld([]))).toEqual({
    view: {
      id: 'undo:11',
      title: 'Analyst',
      jobId: 'j-1',
      requisitionId: 'lr-1',
      requisitionCode: 'LVR-1',
      action: 'skip',
      reason: 'not_undoable',
      reasonText,
      diff: [],
    },
    op: null,
  });

describe('records an undo skips', () => {
  it('a write finished for an interrupted earlier run: that run is the one to undo', () => {
    skipped(null, 'Not undone: this write was finished for an interrupted earlier run; undo that run instead.');
  });

  it('a requisition deleted in Lever, which cannot be brought back', () => {
    skipped(
      { kind: 'lever.delete', jobId: 'j-1', requisitionId: 'lr-1', code: 'LVR-1' },
      'Not undone: the requisition was deleted in Lever, and a deleted requisition cannot be brought back (a new one would have a new id and none of its history).',
    );
  });

  it('a job set Inactive because its requisition was deleted in Lever: there is nothing to link it to again', () => {
    skipped(
      { kind: 'charthop.close', jobId: 'j-1', requisitionId: 'lr-1' },
      'Not undone: the job was set Inactive because its requisition was deleted in Lever; there is no requisition to link it to again.',
    );
  });

  it('a record an undo wrote', () => {
    skipped(
      { kind: 'charthop.remove', mode: 'delete', jobId: 'j-1', requisitionId: 'lr-1', expected: { leverReqId: 'lr-1' } },
      'Not undone: this record was written by an undo.',
    );
  });
});
