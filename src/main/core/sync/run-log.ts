/**
 * The run log: one `runs` row per run (trigger, direction, status, times,
 * counts, error and, when a vendor call failed it, that call's safe details)
 * and one `run_items` row per record with its action,
 * outcome, reason and diff. Counts are derived from the items, so a run that
 * was interrupted still shows what it did. A run that failed before it could
 * start (the daily run's steps that threw first) is recorded whole by
 * `recordFailure`, so no failure of the schedule goes unseen.
 */
import type { ApiErrorDetails } from '../../../shared/api/envelope.ts';
import type {
  FieldDiff,
  PlanAction,
  RunCounts,
  RunDetail,
  RunItemView,
  RunStatus,
  RunSummary,
  RunTrigger,
  SyncDirection,
} from '../../../shared/api/sync-views.ts';
import type { RunListFilter } from '../../../shared/api/run-filter.ts';
import type { StateDb } from '../state/state-db.ts';
import { runFilterCondition } from './run-filter-sql.ts';

/** One record's outcome, as recorded. */
export interface NewRunItem {
  recordKey: string;
  title: string;
  action: PlanAction;
  outcome: RunItemView['outcome'];
  reason: string;
  reasonText: string;
  diff: FieldDiff[];
  error: string | null;
  jobId: string | null;
  requisitionId: string | null;
  requisitionCode: string | null;
  /** Odd data the record was written despite; omitted or empty when none. */
  warnings?: readonly string[];
}

/** A run item with the record ids (what the exports carry). */
export interface RunItemRecord extends RunItemView {
  jobId: string | null;
  requisitionId: string | null;
  requisitionCode: string | null;
}

/** The run log of one profile. */
export interface RunLog {
  /** Records a run as started; `undoes` names the run an undo run reverses. */
  start(trigger: RunTrigger, direction: SyncDirection, at: Date, undoes?: number): number;
  addItem(runId: number, item: NewRunItem): void;
  /** Ends a run. `errorDetails` are stored as given: build them with `errorDetailsOf` (redacted, safe facts only). */
  finish(
    runId: number,
    end: { status: RunStatus; at: Date; error: string | null; errorDetails?: ApiErrorDetails | null; safety?: RunSummary['safety'] },
  ): RunSummary;
  /**
   * Records, in one go, a run that failed before it could start: no items, started and finished
   * at `at`, status `failed`. `error` is stored as given: redact it first.
   */
  recordFailure(trigger: RunTrigger, direction: SyncDirection, at: Date, error: string, errorDetails?: ApiErrorDetails | null): RunSummary;
  /** Marks runs left `running` by a process that is gone; returns how many. */
  markInterrupted(exceptRunId: number | null, at: Date): number;
  /** The newest `limit` runs matching `filter` (all runs without one), newest first. */
  list(limit: number, filter?: RunListFilter): RunSummary[];
  /** The newest run's id, or 0 when there is none: a marker for {@link RunLog.after}. */
  lastId(): number;
  /** The runs recorded after the run `runId`, oldest first. */
  after(runId: number): RunSummary[];
  get(runId: number): RunSummary | null;
  items(runId: number): RunItemRecord[];
  detail(runId: number): RunDetail | null;
}

interface RunRow {
  id: number;
  trigger: RunTrigger;
  direction: SyncDirection;
  status: RunStatus;
  started_at: string;
  finished_at: string | null;
  error: string | null;
  error_details: string | null;
  safety: string | null;
  kind: string | null;
  undoes: number | null;
  undone_by: number | null;
}

interface ItemRow {
  id: number;
  record_key: string;
  title: string | null;
  action: PlanAction;
  outcome: RunItemView['outcome'];
  reason: string;
  reason_text: string | null;
  diff: string | null;
  error: string | null;
  job_id: string | null;
  requisition_id: string | null;
  requisition_code: string | null;
  warnings: string | null;
}

/** Zero for every count. */
export function emptyRunCounts(): RunCounts {
  return { created: 0, updated: 0, closed: 0, deleted: 0, linked: 0, skipped: 0, attention: 0, failed: 0, cancelled: 0 };
}

/** A stored details column back to its object; a value that is not an object with `at` reads as none. */
function parseDetails(text: string | null): ApiErrorDetails | null {
  if (!text) return null;
  try {
    // JSON gives no primitive or array with a string `at`, so that test alone tells details apart.
    const value = JSON.parse(text) as { at?: unknown } | null;
    // Stryker disable next-line OptionalChaining: a null value would throw into the catch below, which reads as none too
    return typeof value?.at === 'string' ? (value as ApiErrorDetails) : null;
  } catch {
    return null;
  }
}

/** The runs columns a summary reads; an undo run that applied something (or is running) marks the run it reverses as undone. */
const RUN_COLUMNS = `id, trigger, direction, status, started_at, finished_at, error, error_details, safety, kind, undoes,
  (SELECT MIN(u.id) FROM runs u WHERE u.undoes = runs.id
    AND (u.status = 'running' OR EXISTS (SELECT 1 FROM run_items i WHERE i.run_id = u.id AND i.outcome = 'applied'))) AS undone_by`;

const APPLIED: Partial<Record<PlanAction, keyof RunCounts>> = {
  create: 'created',
  update: 'updated',
  close: 'closed',
  delete: 'deleted',
  link: 'linked',
};

/**
 * The run log over a profile's state DB. Every text written (item titles, reasons, diffs, errors)
 * passes through `redact` (the core's redactor) first, so the run log, its views and its exports
 * never hold a secret.
 */
export function createRunLog(state: StateDb, profileId: string, redact: (text: string) => string): RunLog {
  const { db } = state;
  const clean = (text: string | null): string | null => (text === null ? null : redact(text));
  const countsOf = (runId: number): RunCounts => {
    const counts = emptyRunCounts();
    const rows = db
      .prepare('SELECT action, outcome, COUNT(*) AS n FROM run_items WHERE run_id = ? GROUP BY action, outcome')
      .all(runId) as { action: PlanAction; outcome: string; n: number }[];
    for (const r of rows) {
      const key =
        r.outcome === 'applied'
          ? APPLIED[r.action]
          : r.outcome === 'skipped'
            ? 'skipped'
            : r.outcome === 'attention'
              ? 'attention'
              : r.outcome === 'failed'
                ? 'failed'
                : r.outcome === 'cancelled'
                  ? 'cancelled'
                  : undefined;
      if (key) counts[key] += r.n;
    }
    return counts;
  };
  const summary = (r: RunRow): RunSummary => ({
    id: r.id,
    profileId,
    trigger: r.trigger,
    direction: r.direction,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    counts: countsOf(r.id),
    error: r.error,
    errorDetails: parseDetails(r.error_details),
    safety: r.safety ? (JSON.parse(r.safety) as RunSummary['safety']) : null,
    kind: r.kind === 'undo' ? 'undo' : 'sync',
    undoes: r.undoes ?? null,
    undoneBy: r.undone_by ?? null,
  });
  const get = (runId: number): RunSummary | null => {
    const r = db.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`).get(runId) as RunRow | undefined;
    return r ? summary(r) : null;
  };
  const items = (runId: number): RunItemRecord[] => {
    const rows = db
      .prepare(
        'SELECT id, record_key, title, action, outcome, reason, reason_text, diff, error, job_id, requisition_id, requisition_code, warnings FROM run_items WHERE run_id = ? ORDER BY id',
      )
      .all(runId) as unknown as ItemRow[];
    return rows.map((r) => ({
      id: r.id,
      recordKey: r.record_key,
      title: r.title ?? '',
      action: r.action,
      outcome: r.outcome,
      reason: r.reason,
      reasonText: r.reason_text ?? '',
      diff: r.diff ? (JSON.parse(r.diff) as FieldDiff[]) : [],
      error: r.error,
      jobId: r.job_id,
      requisitionId: r.requisition_id,
      requisitionCode: r.requisition_code,
      ...(r.warnings ? { warnings: JSON.parse(r.warnings) as string[] } : {}),
    }));
  };
  return {
    start(trigger, direction, at, undoes) {
      const info = db
        .prepare('INSERT INTO runs (trigger, direction, status, started_at, kind, undoes) VALUES (?, ?, ?, ?, ?, ?)')
        .run(trigger, direction, 'running', at.toISOString(), undoes === undefined ? 'sync' : 'undo', undoes ?? null);
      return Number(info.lastInsertRowid);
    },
    addItem(runId, item) {
      db.prepare(
        `INSERT INTO run_items (run_id, record_key, title, action, outcome, reason, reason_text, diff, error, job_id, requisition_id, requisition_code, warnings)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        runId,
        item.recordKey,
        clean(item.title),
        item.action,
        item.outcome,
        item.reason,
        clean(item.reasonText),
        clean(JSON.stringify(item.diff)),
        clean(item.error),
        item.jobId,
        item.requisitionId,
        item.requisitionCode,
        item.warnings && item.warnings.length > 0 ? clean(JSON.stringify(item.warnings)) : null,
      );
    },
    finish(runId, end) {
      db.prepare('UPDATE runs SET status = ?, finished_at = ?, error = ?, error_details = ?, counts = ?, safety = ? WHERE id = ?').run(
        end.status,
        end.at.toISOString(),
        clean(end.error),
        end.errorDetails ? JSON.stringify(end.errorDetails) : null,
        JSON.stringify(countsOf(runId)),
        end.safety ? JSON.stringify(end.safety) : null,
        runId,
      );
      return get(runId) as RunSummary;
    },
    recordFailure(trigger, direction, at, error, errorDetails) {
      const info = db
        .prepare(
          'INSERT INTO runs (trigger, direction, status, started_at, finished_at, error, error_details, counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          trigger,
          direction,
          'failed',
          at.toISOString(),
          at.toISOString(),
          clean(error),
          errorDetails ? JSON.stringify(errorDetails) : null,
          JSON.stringify(emptyRunCounts()),
        );
      return get(Number(info.lastInsertRowid)) as RunSummary;
    },
    markInterrupted(exceptRunId, at) {
      const info = db
        .prepare("UPDATE runs SET status = 'failed', finished_at = ?, error = ? WHERE status = 'running' AND id IS NOT ?")
        .run(
          at.toISOString(),
          'Interrupted: ReqBridge stopped during this run (closed or crashed). The next run settled its unfinished writes.',
          exceptRunId,
        );
      return Number(info.changes);
    },
    list(limit, filter) {
      const { where, params } = runFilterCondition(filter);
      const rows = db
        .prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE ${where} ORDER BY id DESC LIMIT ?`)
        .all(...params, limit) as unknown as RunRow[];
      return rows.map(summary);
    },
    lastId() {
      const row = db.prepare('SELECT MAX(id) AS id FROM runs').get() as { id: number | null } | undefined;
      return row?.id ?? 0;
    },
    after(runId) {
      const rows = db.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE id > ? ORDER BY id`).all(runId) as unknown as RunRow[];
      return rows.map(summary);
    },
    get,
    items,
    detail(runId) {
      const run = get(runId);
      if (!run) return null;
      return { ...run, items: items(runId).map(({ jobId: _j, requisitionId: _r, requisitionCode: _c, ...view }) => view) };
    },
  };
}
