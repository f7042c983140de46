/**
 * One undo row per record a run applied, reading each record as it is now.
 * Fail closed: a record that changed since the run, or that ReqBridge cannot
 * read or cannot tell about, becomes a needs-attention row that shows the
 * value before the run, the value the run wrote and the value now; nothing is
 * overwritten. Rows that cannot be undone at all say why (skip).
 */
import type { FieldDiff } from '../../../../shared/api/sync-views.ts';
import type { FieldKey, FieldValues } from '../fields.ts';
import { FIELD_LABELS, sameValue } from '../fields.ts';
import type { JobRecord, LeverSnapshot, LinkRecord } from '../model.ts';
import type { LeverChanges } from '../outbound-map.ts';
import { currentRequisition } from '../outbound-map.ts';
import { currentJob } from '../inbound-map.ts';
import type { PlannedRow, RowOp } from '../plan-types.ts';
import { rowView } from '../plan-types.ts';
import { postingFollowFor } from '../posting-follow.ts';
import type { AppliedRecord } from './undo-source.ts';
import type { JobExpectation } from './undo-guard.ts';
import { restoreWrites } from './undo-values.ts';
import { plural } from '../../../../shared/text/wording.ts';

/** What the rows are planned against: both systems and the links as they are now. */
export interface UndoWorld {
  runId: number;
  lever: LeverSnapshot;
  jobs: ReadonlyMap<string, JobRecord>;
  links: readonly LinkRecord[];
  /** ChartHop jobs holding a hire ReqBridge created. */
  jobsWithHires: ReadonlySet<string>;
}

/** Reasons of the rows that linked a requisition that was not linked before the run (outbound and inbound). */
const LINKING_REASONS: ReadonlySet<string> = new Set([
  'id_on_job',
  'code_matched',
  'id_on_job_drifted',
  'code_matched_drifted',
  'title_manager_match',
  'title_manager_match_drifted',
]);

const shown = (v: string | null | undefined): string => (v === null || v === undefined || v.trim() === '' ? '(empty)' : `"${v}"`);

type Head = Pick<Parameters<typeof rowView>[0], 'id' | 'title' | 'jobId' | 'requisitionId' | 'requisitionCode'>;

function headOf(record: AppliedRecord): Head {
  const { item } = record;
  const requisitionId = item.requisitionId ?? (typeof record.result['requisitionId'] === 'string' ? record.result['requisitionId'] : null);
  const jobId = item.jobId ?? (typeof record.result['jobId'] === 'string' ? record.result['jobId'] : null);
  return { id: `undo:${item.id}`, title: item.title, jobId, requisitionId, requisitionCode: item.requisitionCode };
}

function planned(
  head: Head,
  init: { action: PlannedRow['view']['action']; reason: string; reasonText: string; diff?: FieldDiff[] },
  op: RowOp | null,
): PlannedRow {
  return { view: rowView({ ...head, ...init }), op };
}

function attention(head: Head, reason: string, reasonText: string, diff: FieldDiff[] = []): PlannedRow {
  return planned(head, { action: 'needs_attention', reason, reasonText, diff }, null);
}

/** Fields the run wrote that hold another value now: label, before the run, the run's value, now. */
function changedSince(diff: readonly FieldDiff[], now: FieldValues): string[] {
  return diff
    .filter((d) => !sameValue(d.field as FieldKey, now[d.field as FieldKey], d.after))
    .map((d) => `${d.label}: before the run ${shown(d.before)}, the run wrote ${shown(d.after)}, now ${shown(now[d.field as FieldKey])}`);
}

/** What to clear on the job: what the run wrote back there, if the job still holds it. */
function jobResetOf(
  job: JobRecord | undefined,
  wrote: Record<string, unknown>,
): { reset: Record<string, unknown> | null; conflict: string | null } {
  if (!job) return { reset: null, conflict: null };
  const reset: Record<string, unknown> = {};
  const id = wrote['leverReqId'];
  if (typeof id === 'string') {
    if (job.leverReqId === id) reset['leverReqId'] = null;
    else if (job.leverReqId) return { reset: null, conflict: `the job's Lever Req ID is now ${job.leverReqId}, not the ${id} the run set` };
  }
  const code = wrote['req'];
  if (typeof code === 'string' && job.req?.trim() === code) reset['req'] = null;
  return { reset: Object.keys(reset).length > 0 ? reset : null, conflict: null };
}

const reverse = (diff: readonly FieldDiff[]): FieldDiff[] => diff.map((d) => ({ ...d, before: d.after, after: d.before }));

/** What a create wrote, as the fields the undo checks again just before it deletes. */
function createdValues(input: Extract<RowOp, { kind: 'lever.create' }>['input']): LeverChanges {
  const { name, status, employmentStatus, department, team, location, hiringManager, owner } = input;
  return { name, status, employmentStatus, department, team, location, hiringManager, owner } as LeverChanges;
}

/** The undo row of a requisition the run created. */
function undoCreate(record: AppliedRecord, op: Extract<RowOp, { kind: 'lever.create' }>, world: UndoWorld, head: Head): PlannedRow {
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
function undoUpdate(record: AppliedRecord, op: Extract<RowOp, { kind: 'lever.update' }>, world: UndoWorld, head: Head): PlannedRow {
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
function undoClose(record: AppliedRecord, op: Extract<RowOp, { kind: 'lever.close' }>, world: UndoWorld, head: Head): PlannedRow {
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

/** The undo row of a ChartHop job the run created: deleted when nothing hangs on it, else Inactive. */
function undoJobCreate(record: AppliedRecord, op: Extract<RowOp, { kind: 'charthop.create' }>, world: UndoWorld, head: Head): PlannedRow {
  const jobId = typeof record.result['jobId'] === 'string' ? record.result['jobId'] : null;
  const h = { ...head, jobId, requisitionId: op.requisitionId, requisitionCode: op.code };
  const job = jobId ? world.jobs.get(jobId) : undefined;
  if (!jobId || !job)
    return attention(
      h,
      'undo_unreadable',
      'ReqBridge cannot find the ChartHop job this run created, so it takes nothing back. Check the job in ChartHop.',
    );
  const title = record.item.diff.find((d) => d.field === 'title')?.after ?? null;
  if (job.leverReqId !== op.requisitionId || (title !== null && !sameValue('title', job.title, title))) {
    return attention(
      h,
      'undo_changed_since',
      `Changed in ChartHop since run #${world.runId} created it (title now ${shown(job.title)}, Lever Req ID ${shown(job.leverReqId)}), so it is not removed. Remove it by hand if it should go.`,
    );
  }
  const inUse = world.jobsWithHires.has(jobId) || !job.open;
  return planned(
    h,
    {
      action: inUse ? 'close' : 'delete',
      reason: inUse ? 'undo_created_in_use' : 'undo_created',
      reasonText: inUse
        ? `ReqBridge created this job in run #${world.runId}, but it holds a hire, so it is set Inactive and unlinked rather than deleted.`
        : `ReqBridge created this job in run #${world.runId} and nothing hangs on it (no hire): it will be deleted in ChartHop.`,
    },
    {
      kind: 'charthop.remove',
      mode: inUse ? 'inactive' : 'delete',
      jobId,
      requisitionId: op.requisitionId,
      expected: { leverReqId: op.requisitionId, title: job.title },
    },
  );
}

/** ChartHop job fields an undo can put back by itself, and the body key each is written to. */
const JOB_RESTORABLE: Partial<Record<FieldKey, string>> = { code: 'req', title: 'title', status: 'recruit' };

/**
 * The undo row of an inbound update or link: the job's requisition code, title and recruiting status
 * back to their values before the run (other ChartHop fields need a person), and the link removed
 * with the job's Lever Req ID when the run made it.
 */
function undoJobUpdate(record: AppliedRecord, op: Extract<RowOp, { kind: 'charthop.update' }>, world: UndoWorld, head: Head): PlannedRow {
  const { item } = record;
  const job = world.jobs.get(op.jobId);
  if (!job)
    return attention(
      head,
      'undo_unreadable',
      'ReqBridge cannot find this ChartHop job any more, so it restores nothing. Check the job in ChartHop.',
    );
  const changed = changedSince(item.diff, currentJob(job));
  if (changed.length > 0) {
    return attention(
      head,
      'undo_changed_since',
      `Changed in ChartHop since run #${world.runId}, so nothing is overwritten: ${changed.join('; ')}. Decide in ChartHop which value is right.`,
      reverse(item.diff),
    );
  }
  const manual = item.diff.filter((d) => JOB_RESTORABLE[d.field as FieldKey] === undefined || (d.before === null && d.field !== 'code'));
  if (manual.length > 0) {
    return attention(
      head,
      'not_undoable',
      `ReqBridge does not restore these ChartHop job fields automatically. Set them back by hand in ChartHop: ${manual.map((d) => `${d.label} to ${shown(d.before)} (the run wrote ${shown(d.after)})`).join('; ')}.`,
      reverse(item.diff),
    );
  }
  const body: Record<string, unknown> = {};
  // What the run wrote (checked again just before the undo writes): the restored fields and the Lever Req ID.
  const wrote: JobExpectation = { leverReqId: op.requisitionId };
  for (const d of item.diff) {
    const key = JOB_RESTORABLE[d.field as FieldKey] as keyof JobExpectation;
    body[key] = d.before;
    wrote[key] = d.after;
  }
  const { reset, conflict } = jobResetOf(job, op.body);
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
        reasonText: `Linked in run #${world.runId}: the link is removed${reset ? ' and the Lever Req ID cleared on the job' : ''}.${restored}`,
      },
      {
        kind: 'charthop.unlink',
        jobId: op.jobId,
        requisitionId: op.requisitionId,
        jobReset: { ...body, ...(reset ?? {}) },
        expected: wrote,
      },
    );
  }
  if (item.diff.length === 0) {
    return planned(
      head,
      {
        action: 'skip',
        reason: 'undo_nothing',
        reasonText: `Run #${world.runId} changed no field of this job (it wrote back the Lever Req ID of a link that already existed), so there is nothing to restore.`,
      },
      null,
    );
  }
  const link = world.links.find((l) => l.requisitionId === op.requisitionId);
  const synced: FieldValues = { ...(link?.synced ?? op.synced) };
  for (const d of item.diff) synced[d.field as FieldKey] = d.before;
  return planned(
    head,
    {
      action: 'update',
      reason: 'undo_restore',
      diff: reverse(item.diff),
      reasonText: `Restores what run #${world.runId} changed.${restored}`,
    },
    { kind: 'charthop.restore', jobId: op.jobId, requisitionId: op.requisitionId, code: op.code, body, expected: wrote, synced },
  );
}

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
