/** What the undo rows of every kind of record share: the world they are planned against, a row's head and its sentences. */
import type { FieldDiff } from '../../../../shared/api/sync-views.ts';
import type { FieldKey, FieldValues } from '../fields.ts';
import { sameValue } from '../fields.ts';
import type { JobRecord, LeverSnapshot, LinkRecord } from '../model.ts';
import type { PlannedRow, RowOp } from '../plan-types.ts';
import { rowView } from '../plan-types.ts';
import type { AppliedRecord } from './undo-source.ts';

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
export const LINKING_REASONS: ReadonlySet<string> = new Set([
  'id_on_job',
  'code_matched',
  'id_on_job_drifted',
  'code_matched_drifted',
  'title_manager_match',
  'title_manager_match_drifted',
]);

/** A value as the undo's sentences quote it, or "(empty)". */
export const shown = (v: string | null | undefined): string => (v === null || v === undefined || v.trim() === '' ? '(empty)' : `"${v}"`);

/** What every undo row of one record shares: its id, title and the records it names. */
export type Head = Pick<Parameters<typeof rowView>[0], 'id' | 'title' | 'jobId' | 'requisitionId' | 'requisitionCode'>;

/** The head of the undo row of `record`. */
export function headOf(record: AppliedRecord): Head {
  const { item } = record;
  const requisitionId = item.requisitionId ?? (typeof record.result['requisitionId'] === 'string' ? record.result['requisitionId'] : null);
  const jobId = item.jobId ?? (typeof record.result['jobId'] === 'string' ? record.result['jobId'] : null);
  return { id: `undo:${item.id}`, title: item.title, jobId, requisitionId, requisitionCode: item.requisitionCode };
}

/** An undo row with its view and its operation (null: nothing to write). */
export function planned(
  head: Head,
  init: { action: PlannedRow['view']['action']; reason: string; reasonText: string; diff?: FieldDiff[] },
  op: RowOp | null,
): PlannedRow {
  return { view: rowView({ ...head, ...init }), op };
}

/** A needs-attention undo row: nothing is written. */
export function attention(head: Head, reason: string, reasonText: string, diff: FieldDiff[] = []): PlannedRow {
  return planned(head, { action: 'needs_attention', reason, reasonText, diff }, null);
}

/** Fields the run wrote that hold another value now: label, before the run, the run's value, now. */
export function changedSince(diff: readonly FieldDiff[], now: FieldValues): string[] {
  return diff
    .filter((d) => !sameValue(d.field as FieldKey, now[d.field as FieldKey], d.after))
    .map((d) => `${d.label}: before the run ${shown(d.before)}, the run wrote ${shown(d.after)}, now ${shown(now[d.field as FieldKey])}`);
}

/** What to clear on the job: what the run wrote back there, if the job still holds it. */
export function jobResetOf(
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

/** A diff read the other way round: what the undo writes back. */
export const reverse = (diff: readonly FieldDiff[]): FieldDiff[] => diff.map((d) => ({ ...d, before: d.after, after: d.before }));
