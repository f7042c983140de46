/** The undo rows of what a run wrote to Lever: a created requisition, an update, a close. */
import type { FieldKey, FieldValues } from '../fields.ts';
import { FIELD_LABELS } from '../fields.ts';
import type { LeverChanges } from '../outbound-map.ts';
import { currentRequisition } from '../outbound-map.ts';
import type { PlannedRow, RowOp } from '../plan-types.ts';
import { postingFollowFor } from '../posting-follow.ts';
import type { AppliedRecord } from './undo-source.ts';
import { restoreWrites } from './undo-values.ts';
import { plural } from '../../../../shared/text/wording.ts';
import type { Head, UndoWorld } from './undo-row-parts.ts';
import { LINKING_REASONS, attention, changedSince, jobResetOf, planned, reverse, shown } from './undo-row-parts.ts';

/** What a create wrote, as the fields the undo checks again just before it deletes. */
function createdValues(input: Extract<RowOp, { kind: 'lever.create' }>['input']): LeverChanges {
  const { name, status, employmentStatus, department, team, location, hiringManager, owner } = input;
  return { name, status, employmentStatus, department, team, location, hiringManager, owner } as LeverChanges;
}

/** The undo row of a requisition the run created. */
export function undoCreate(record: AppliedRecord, op: Extract<RowOp, { kind: 'lever.create' }>, world: UndoWorld, head: Head): PlannedRow {
  const requisitionId = typeof record.result['requisitionId'] === 'string' ? record.result['requisitionId'] : null;
  const h = { ...head, requisitionId, requisitionCode: op.code };
  if (!requisitionId)
    return attention(
      h,
      'undo_unreadable',
      'The journal does not hold the id of the requisition this run created, so ReqBridge cannot tell which one to take back. Delete it in Lever by hand.',
    );
  const req = world.lever.requisitions.find((r) => r.id === requisitionId);
  const job = world.jobs.get(op.jobId);
  const { reset, conflict } = jobResetOf(job, { ...op.writeBack, leverReqId: requisitionId });
  if (conflict)
    return attention(h, 'undo_changed_since', `Changed since the run: ${conflict}. Nothing is taken back; check the job in ChartHop.`);
  if (!req) {
    if (!world.lever.confidentialVisible)
      return attention(
        h,
        'undo_unreadable',
        'The Lever key cannot see confidential requisitions, so ReqBridge cannot tell whether this one still exists. Allow confidential access on the key, then plan the undo again.',
      );
    return planned(
      h,
      {
        action: 'delete',
        reason: 'undo_created_gone',
        reasonText: `ReqBridge created this requisition in run #${world.runId}; it is already gone from Lever, so only the link and the Lever Req ID on the job are cleared.`,
      },
      { kind: 'lever.remove', mode: 'delete', jobId: op.jobId, requisitionId, code: op.code, expected: {}, jobReset: reset },
    );
  }
  const usersById = new Map(world.lever.users.map((u) => [u.id, u]));
  const changed = changedSince(record.item.diff, currentRequisition(req, usersById));
  if (changed.length > 0) {
    return attention(
      h,
      'undo_changed_since',
      `Changed in Lever since ReqBridge created it in run #${world.runId} (${changed.join('; ')}), so it is not deleted. Close or delete it in Lever by hand if it should go.`,
    );
  }
  const hires = world.jobsWithHires.has(op.jobId);
  if (req.postings.length > 0 || hires) {
    const why = hires ? 'its job holds a hire' : `it has ${plural(req.postings.length, 'posting')} (candidates may have applied)`;
    return planned(
      h,
      {
        action: 'close',
        reason: 'undo_created_in_use',
        diff: [{ field: 'status', label: FIELD_LABELS.status, before: req.status, after: 'closed' }],
        reasonText: `ReqBridge created this requisition in run #${world.runId}, but ${why}, so it is closed rather than deleted and stays linked. Set the job Inactive in ChartHop, or the next Sync opens it again.`,
      },
      {
        kind: 'lever.remove',
        mode: 'close',
        jobId: op.jobId,
        requisitionId,
        code: op.code,
        expected: createdValues(op.input),
        jobReset: null,
      },
    );
  }
  const cleared = reset
    ? ` and ${Object.keys(reset)
        .map((k) => (k === 'req' ? 'the code ReqBridge generated' : 'the Lever Req ID'))
        .join(' and ')} cleared on the job`
    : '';
  return planned(
    h,
    {
      action: 'delete',
      reason: 'undo_created',
      diff: [{ field: 'status', label: FIELD_LABELS.status, before: req.status, after: 'deleted' }],
      reasonText: `ReqBridge created this requisition in run #${world.runId} and nothing hangs on it (no postings, candidates or hires): it will be deleted in Lever${cleared}.`,
    },
    {
      kind: 'lever.remove',
      mode: 'delete',
      jobId: op.jobId,
      requisitionId,
      code: op.code,
      expected: createdValues(op.input),
      jobReset: reset,
    },
  );
}

/** The undo row of an update or a link: the fields back to their values before the run, the link removed when the run made it. */
export function undoUpdate(record: AppliedRecord, op: Extract<RowOp, { kind: 'lever.update' }>, world: UndoWorld, head: Head): PlannedRow {
  const { item } = record;
  const req = world.lever.requisitions.find((r) => r.id === op.requisitionId);
  if (!req)
    return attention(
      head,
      'undo_unreadable',
      `The requisition ${op.code} is no longer in Lever${world.lever.confidentialVisible ? '' : ' (or the key cannot see it)'}, so nothing is restored. Check it in Lever.`,
    );
  const usersById = new Map(world.lever.users.map((u) => [u.id, u]));
  const changed = changedSince(item.diff, currentRequisition(req, usersById));
  if (changed.length > 0) {
    return attention(
      head,
      'undo_changed_since',
      `Changed since run #${world.runId}, so nothing is overwritten: ${changed.join('; ')}. Decide in Lever which value is right.`,
      reverse(item.diff),
    );
  }
  const usersByEmail = new Map(world.lever.users.map((u) => [u.email, u]));
  const writes = restoreWrites(new Map(item.diff.map((d) => [d.field as FieldKey, d.before])), usersByEmail);
  if (!writes.ok) {
    const labels = writes.fields.map((k) => FIELD_LABELS[k]).join(', ');
    return attention(
      head,
      'undo_unreadable',
      `ReqBridge cannot turn the value before the run back into a Lever value for ${labels}, so nothing is restored. Set ${labels} by hand in Lever.`,
      reverse(item.diff),
    );
  }
  const { reset, conflict } = jobResetOf(world.jobs.get(op.jobId), op.writeBack ?? {});
  if (conflict)
    return attention(head, 'undo_changed_since', `Changed since the run: ${conflict}. Nothing is taken back; check the job in ChartHop.`);
  const restored =
    item.diff.length > 0
      ? ` ${item.diff.length} field${item.diff.length === 1 ? '' : 's'} restored (${item.diff.map((d) => d.label).join(', ')}).`
      : '';
  if (LINKING_REASONS.has(item.reason)) {
    return planned(
      head,
      {
        action: 'update',
        reason: 'undo_link',
        diff: reverse(item.diff),
        reasonText: `Linked in run #${world.runId}: the link is removed${reset?.['leverReqId'] === null ? ' and the Lever Req ID cleared on the job' : ''}.${restored}`,
      },
      {
        kind: 'lever.unlink',
        jobId: op.jobId,
        requisitionId: op.requisitionId,
        code: op.code,
        changes: writes.changes,
        expected: op.changes,
        jobReset: reset,
      },
    );
  }
  if (item.diff.length === 0 && !reset) {
    return planned(
      head,
      {
        action: 'skip',
        reason: 'undo_nothing',
        reasonText: `Run #${world.runId} changed no field of this requisition (it brought postings in line), so there is nothing to restore.`,
      },
      null,
    );
  }
  const link = world.links.find((l) => l.requisitionId === op.requisitionId);
  const synced: FieldValues = { ...(link?.synced ?? op.synced) };
  for (const d of item.diff) synced[d.field as FieldKey] = d.before;
  const postings =
    req.postings.length > 0
      ? postingFollowFor(
          item.diff.map((d) => d.field as FieldKey),
          writes.changes,
        )
      : null;
  return planned(
    head,
    {
      action: 'update',
      reason: 'undo_restore',
      diff: reverse(item.diff),
      reasonText: `Restores what run #${world.runId} changed.${restored}`,
    },
    {
      kind: 'lever.restore',
      jobId: op.jobId,
      requisitionId: op.requisitionId,
      code: op.code,
      changes: writes.changes,
      expected: op.changes,
      jobReset: reset,
      synced,
      ...(postings ? { postings } : {}),
    },
  );
}

/** The undo row of a close: reopened to the status before the run, unless it changed since. */
export function undoClose(record: AppliedRecord, op: Extract<RowOp, { kind: 'lever.close' }>, world: UndoWorld, head: Head): PlannedRow {
  if (!op.jobExists) {
    return planned(
      head,
      {
        action: 'skip',
        reason: 'not_undoable',
        reasonText:
          'Not undone: the job was deleted in ChartHop, so a reopened requisition would have no job. Reopen it in Lever by hand if it should recruit.',
      },
      null,
    );
  }
  const before = record.item.diff.find((d) => d.field === 'status')?.before ?? null;
  const req = world.lever.requisitions.find((r) => r.id === op.requisitionId);
  if (!before || !req)
    return attention(
      head,
      'undo_unreadable',
      'ReqBridge cannot read the status before the run or the requisition now, so it reopens nothing. Reopen it in Lever by hand if it should recruit.',
    );
  if (req.status !== 'closed') {
    return attention(
      head,
      'undo_changed_since',
      `Changed since run #${world.runId}: Status before the run ${shown(before)}, the run wrote "closed", now ${shown(req.status)}. Nothing is overwritten.`,
    );
  }
  const link = world.links.find((l) => l.requisitionId === op.requisitionId);
  return planned(
    head,
    {
      action: 'update',
      reason: 'undo_reopen',
      diff: [{ field: 'status', label: FIELD_LABELS.status, before: 'closed', after: before }],
      reasonText: `Closed in run #${world.runId}: it is reopened to ${before}.`,
    },
    {
      kind: 'lever.restore',
      jobId: op.jobId,
      requisitionId: op.requisitionId,
      code: op.code,
      changes: { status: before },
      expected: { status: 'closed' },
      jobReset: null,
      synced: { ...(link?.synced ?? op.synced), status: before },
    },
  );
}
