/**
 * The write-ahead journal (reliability.md §2.2, §2.5): every write is an
 * intent that reaches disk as PLANNED before anything is sent, becomes SENT
 * just before the remote call, and ends CONFIRMED (with the links, in one
 * transaction) or FAILED. After a crash, SENT intents are looked up in the
 * remote system by their natural key before anything is sent again.
 */
import type { StateDb } from '../state/state-db.ts';
import type { RowOp } from './plan-types.ts';

/** The states of an intent. */
export type IntentState = 'PLANNED' | 'SENT' | 'CONFIRMED' | 'FAILED';

/** An intent as stored. */
export interface Intent {
  id: number;
  runId: number | null;
  recordKey: string;
  action: string;
  naturalKey: string;
  op: RowOp;
  state: IntentState;
  /** The id a SENT create's answer carried, recorded before anything else was read or written (null when none was). */
  createdId: string | null;
}

/** The id a create's answer carried: a Lever requisition's or a ChartHop job's. */
export interface CreatedRecord {
  requisitionId?: string;
  jobId?: string;
}

/** Where a test (or the crash harness) may step in: after each durable journal step. */
export type JournalPoint = 'after_planned' | 'after_sent' | 'after_write' | 'before_confirmed';

/** Hooks called at journal points (the crash tests kill the process there). */
export interface JournalHooks {
  at?(point: JournalPoint, info: { recordKey: string; action: string; index: number }): void | Promise<void>;
}

/** The natural key an operation is looked up by after a crash. */
export function naturalKeyOf(op: RowOp): string {
  switch (op.kind) {
    case 'lever.create':
      return `lever:requisitionCode:${op.code.trim().toLowerCase()}`;
    case 'charthop.create':
      return `charthop:leverReqId:${op.requisitionId}`;
    case 'lever.update':
    case 'lever.close':
    case 'lever.delete':
    case 'lever.remove':
    case 'lever.unlink':
    case 'lever.restore':
      return `lever:requisition:${op.requisitionId}`;
    case 'charthop.update':
    case 'charthop.close':
    case 'charthop.remove':
    case 'charthop.unlink':
    case 'charthop.restore':
      return `charthop:job:${op.jobId}`;
  }
}

/** The intents of a profile's state DB. */
export interface Journal {
  /** Writes a PLANNED intent; returns its id. */
  planned(runId: number | null, recordKey: string, action: string, op: RowOp, at: Date): number;
  sent(id: number, at: Date): void;
  /** Records the id a SENT create's answer carried (the intent stays SENT until confirmed). */
  created(id: number, record: CreatedRecord, at: Date): void;
  /** Marks CONFIRMED (call inside the transaction that records the outcome). */
  confirmed(id: number, result: unknown, at: Date): void;
  failed(id: number, error: string, at: Date): void;
  /** Intents a previous process left PLANNED or SENT, oldest first. */
  unfinished(): Intent[];
  /** How many intents are in each state (diagnostics and tests). */
  countByState(): Record<IntentState, number>;
}

interface IntentRow {
  id: number;
  run_id: number | null;
  record_key: string;
  action: string;
  natural_key: string;
  payload: string;
  state: IntentState;
  result: string | null;
}

function createdIdOf(result: string | null): string | null {
  if (!result) return null;
  try {
    const parsed = JSON.parse(result) as CreatedRecord | null;
    const id = parsed?.requisitionId ?? parsed?.jobId;
    return typeof id === 'string' && id !== '' ? id : null;
  } catch {
    return null;
  }
}

/** The journal over a profile's state DB. */
export function createJournal(state: StateDb): Journal {
  const { db } = state;
  const setState = (id: number, next: IntentState, result: string | null, at: Date): void => {
    db.prepare('UPDATE intents SET state = ?, result = COALESCE(?, result), updated_at = ? WHERE id = ?').run(
      next,
      result,
      at.toISOString(),
      id,
    );
  };
  return {
    planned(runId, recordKey, action, op, at) {
      const info = db
        .prepare('INSERT INTO intents (run_id, record_key, action, natural_key, payload, state, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(runId, recordKey, action, naturalKeyOf(op), JSON.stringify(op), 'PLANNED', at.toISOString());
      return Number(info.lastInsertRowid);
    },
    sent: (id, at) => setState(id, 'SENT', null, at),
    created: (id, record, at) => setState(id, 'SENT', JSON.stringify(record), at),
    confirmed: (id, result, at) => setState(id, 'CONFIRMED', JSON.stringify(result ?? null), at),
    failed: (id, error, at) => setState(id, 'FAILED', JSON.stringify({ error }), at),
    unfinished() {
      const rows = db
        .prepare(
          "SELECT id, run_id, record_key, action, natural_key, payload, state, result FROM intents WHERE state IN ('PLANNED', 'SENT') ORDER BY id",
        )
        .all() as unknown as IntentRow[];
      return rows.map((r) => ({
        id: r.id,
        runId: r.run_id,
        recordKey: r.record_key,
        action: r.action,
        naturalKey: r.natural_key,
        op: JSON.parse(r.payload) as RowOp,
        state: r.state,
        // Stryker disable next-line ConditionalExpression: a PLANNED intent never carries a result (only created() sets one, with SENT)
        createdId: r.state === 'SENT' ? createdIdOf(r.result) : null,
      }));
    },
    countByState() {
      const counts: Record<IntentState, number> = { PLANNED: 0, SENT: 0, CONFIRMED: 0, FAILED: 0 };
      for (const r of db.prepare('SELECT state, COUNT(*) AS n FROM intents GROUP BY state').all() as { state: IntentState; n: number }[])
        counts[r.state] = r.n;
      return counts;
    },
  };
}
