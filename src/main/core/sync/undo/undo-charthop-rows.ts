/** The undo rows of what a run wrote to ChartHop: a created job, a job update. */
import type { FieldKey, FieldValues } from '../fields.ts';
import { sameValue } from '../fields.ts';
import { currentJob } from '../inbound-map.ts';
import type { PlannedRow, RowOp } from '../plan-types.ts';
import type { AppliedRecord } from './undo-source.ts';
import type { JobExpectation } from './undo-guard.ts';
import type { Head, UndoWorld } from './undo-row-parts.ts';
import { LINKING_REASONS, attention, changedSince, jobResetOf, planned, reverse, shown } from './undo-row-parts.ts';

/** The undo row of a ChartHop job the run created: deleted when nothing hangs on it, else Inactive. */
export function undoJobCreate(
  record: AppliedRecord,
  op: Extract<RowOp, { kind: 'charthop.create' }>,
  world: UndoWorld,
  head: Head,
): PlannedRow {
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
export function undoJobUpdate(
  record: AppliedRecord,
  op: Extract<RowOp, { kind: 'charthop.update' }>,
  world: UndoWorld,
  head: Head,
): PlannedRow {
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
  // What the job holds now of what the run wrote (checked again just before the undo writes): the restored
  // fields and the Lever Req ID, or no Lever Req ID when someone cleared it since the run (jobResetOf refuses any other).
  const wrote: JobExpectation = { leverReqId: job.leverReqId ? op.requisitionId : null };
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
    const idCleared = reset !== null && 'leverReqId' in reset;
    return planned(
      head,
      {
        action: 'update',
        reason: 'undo_link',
        diff: reverse(item.diff),
        reasonText: `Linked in run #${world.runId}: the link is removed${idCleared ? ' and the Lever Req ID cleared on the job' : ''}.${restored}`,
      },
      {
        kind: 'charthop.unlink',
        jobId: op.jobId,
        requisitionId: op.requisitionId,
        // A field the run changed goes back to its value before the run; the reset only clears what the run added.
        jobReset: { ...(reset ?? {}), ...body },
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
