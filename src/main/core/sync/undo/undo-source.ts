/**
 * What an undo reads from the state database: the records a run applied,
 * each with the journal's confirmed operation that wrote it (the operation
 * holds what the run wrote back to ChartHop and the ids it created), and the
 * people the new-hire flow created while the run went.
 */
import type { RunSummary } from '../../../../shared/api/sync-views.ts';
import { AppError } from '../../errors.ts';
import type { StateDb } from '../../state/state-db.ts';
import type { RowOp } from '../plan-types.ts';
import type { RunItemRecord } from '../run-log.ts';

/** One applied record of a run with the operation that applied it (null when the journal has none: a write settled from an earlier run). */
export interface AppliedRecord {
  item: RunItemRecord;
  op: RowOp | null;
  result: Record<string, unknown>;
}

/** A person the new-hire flow created into a ChartHop job. */
export interface CreatedPerson {
  personId: string;
  jobId: string | null;
  opportunityId: string;
}

interface IntentRow {
  action: string;
  payload: string;
  result: string | null;
}

function parseObject(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Pairs a run's applied items with its confirmed intents. Both are written in one transaction
 * per record, in apply order, so they pair one to one; if they do not, the undo refuses rather
 * than guess which write an item was.
 */
export function appliedRecords(state: StateDb, runId: number, items: readonly RunItemRecord[]): AppliedRecord[] {
  const intents = state.db
    .prepare("SELECT action, payload, result FROM intents WHERE run_id = ? AND state = 'CONFIRMED' ORDER BY id")
    .all(runId) as unknown as IntentRow[];
  const applied = items.filter((i) => i.outcome === 'applied');
  const settled = applied.filter((i) => i.reason === 'recovered_after_interruption');
  const own = applied.filter((i) => i.reason !== 'recovered_after_interruption');
  if (own.length !== intents.length || own.some((item, n) => intents[n]?.action !== item.action)) {
    throw new AppError(
      'undo.journal_mismatch',
      `Run #${runId}'s journal does not match its run log, so ReqBridge cannot tell what each write was and undoes nothing. Reverse its changes by hand from the run's items.`,
    );
  }
  return [
    ...own.map((item, n) => ({
      item,
      op: JSON.parse((intents[n] as IntentRow).payload) as RowOp,
      result: parseObject((intents[n] as IntentRow).result),
    })),
    ...settled.map((item) => ({ item, op: null, result: {} })),
  ];
}

/** People the new-hire flow created between the run's start and end. */
export function peopleCreatedDuring(state: StateDb, run: RunSummary): CreatedPerson[] {
  const end = run.finishedAt ?? new Date(8.64e15).toISOString();
  const rows = state.db
    .prepare(
      "SELECT opportunity_id, charthop_job_id, person_id FROM hires WHERE decision = 'created' AND person_id IS NOT NULL AND decided_at >= ? AND decided_at <= ? ORDER BY decided_at",
    )
    .all(run.startedAt, end) as { opportunity_id: string; charthop_job_id: string | null; person_id: string }[];
  return rows.map((r) => ({ personId: r.person_id, jobId: r.charthop_job_id, opportunityId: r.opportunity_id }));
}

/** The ChartHop jobs that hold a hire ReqBridge created (something hangs on them). */
export function jobsWithHires(state: StateDb): Set<string> {
  const rows = state.db
    .prepare("SELECT DISTINCT charthop_job_id AS id FROM hires WHERE decision = 'created' AND charthop_job_id IS NOT NULL")
    .all() as { id: string }[];
  return new Set(rows.map((r) => r.id));
}
