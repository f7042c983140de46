/**
 * One undo row per record a run applied, reading each record as it is now.
 * Fail closed: a record that changed since the run, or that ReqBridge cannot
 * read or cannot tell about, becomes a needs-attention row that shows the
 * value before the run, the value the run wrote and the value now; nothing is
 * overwritten. Rows that cannot be undone at all say why (skip).
 */
import type { PlannedRow } from '../plan-types.ts';
import { undoJobCreate, undoJobUpdate } from './undo-charthop-rows.ts';
import { undoClose, undoCreate, undoUpdate } from './undo-lever-rows.ts';
import type { UndoWorld } from './undo-row-parts.ts';
import { headOf, planned } from './undo-row-parts.ts';
import type { AppliedRecord } from './undo-source.ts';

export type { UndoWorld } from './undo-row-parts.ts';

/** The undo row of one applied record. */
export function undoRow(record: AppliedRecord, world: UndoWorld): PlannedRow {
  const head = headOf(record);
  const { op } = record;
  if (!op)
    return planned(
      head,
      {
        action: 'skip',
        reason: 'not_undoable',
        reasonText: 'Not undone: this write was finished for an interrupted earlier run; undo that run instead.',
      },
      null,
    );
  switch (op.kind) {
    case 'lever.create':
      return undoCreate(record, op, world, head);
    case 'lever.update':
      return undoUpdate(record, op, world, head);
    case 'lever.close':
      return undoClose(record, op, world, head);
    case 'charthop.create':
      return undoJobCreate(record, op, world, head);
    case 'lever.delete':
      return planned(
        head,
        {
          action: 'skip',
          reason: 'not_undoable',
          reasonText:
            'Not undone: the requisition was deleted in Lever, and a deleted requisition cannot be brought back (a new one would have a new id and none of its history).',
        },
        null,
      );
    case 'charthop.update':
      return undoJobUpdate(record, op, world, head);
    case 'charthop.close':
      return planned(
        head,
        {
          action: 'skip',
          reason: 'not_undoable',
          reasonText:
            'Not undone: the job was set Inactive because its requisition was deleted in Lever; there is no requisition to link it to again.',
        },
        null,
      );
    default:
      return planned(head, { action: 'skip', reason: 'not_undoable', reasonText: 'Not undone: this record was written by an undo.' }, null);
  }
}
