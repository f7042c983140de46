/**
 * A plan as the engine keeps it: each row's view (what the UI shows) plus the
 * operation that applies it, self-contained so it can be journalled and
 * replayed after a crash without re-reading the plan. Counts and the safety
 * figures are derived here.
 */
import type { ActionCounts, PlanAction, PlanRowView, PlanView, SyncDirection, UnmappedValue } from '../../../shared/api/sync-views.ts';
import { PLAN_ACTIONS } from '../../../shared/api/sync-views.ts';
import type { LeverRequisitionInput } from '../lever/requisitions.ts';
import type { FieldValues } from './fields.ts';
import type { LeverChanges } from './outbound-map.ts';
import type { PostingFollow } from './posting-follow.ts';
import type { JobExpectation } from './undo/undo-guard.ts';

/** The link a successful operation records (values as synced, in the direction's vocabulary). */
export interface LinkPlan {
  jobId: string;
  requisitionId: string;
  code: string;
  synced: FieldValues;
}

/** An executable operation; `null` on rows that only report (skip, needs attention). */
export type RowOp =
  | {
      kind: 'lever.create';
      jobId: string;
      code: string;
      input: LeverRequisitionInput;
      writeBack: Record<string, unknown>;
      synced: FieldValues;
    }
  | {
      kind: 'lever.update';
      jobId: string;
      requisitionId: string;
      code: string;
      changes: LeverChanges;
      writeBack: Record<string, unknown> | null;
      synced: FieldValues;
      /** Categories the requisition's linked postings take after it (absent: postings are left alone). */
      postings?: PostingFollow;
    }
  | { kind: 'lever.close'; jobId: string; jobExists: boolean; requisitionId: string; code: string; synced: FieldValues }
  | { kind: 'lever.delete'; jobId: string; requisitionId: string; code: string }
  | { kind: 'charthop.create'; requisitionId: string; code: string; body: Record<string, unknown>; synced: FieldValues }
  | { kind: 'charthop.update'; jobId: string; requisitionId: string; code: string; body: Record<string, unknown>; synced: FieldValues }
  | { kind: 'charthop.close'; jobId: string; requisitionId: string }
  | UndoOp;

/**
 * The operations only an undo plans (undo/undo-ops.ts): take back a requisition ReqBridge created
 * (delete, or close when something hangs on it), remove a link the run made (restoring its
 * fields), restore fields or reopen a close, take back a ChartHop job ReqBridge created (delete, or
 * Inactive). `expected` holds what the run wrote: a requisition that no longer holds it is left alone
 * (the row fails, saying so). `jobReset` clears what the run wrote on the ChartHop job (its Lever
 * Req ID, a generated code) and nothing else.
 */
export type UndoOp =
  | {
      kind: 'lever.remove';
      mode: 'delete' | 'close';
      jobId: string | null;
      requisitionId: string;
      code: string;
      expected: LeverChanges;
      jobReset: Record<string, unknown> | null;
    }
  | {
      kind: 'lever.unlink';
      jobId: string;
      requisitionId: string;
      code: string;
      changes: LeverChanges;
      expected: LeverChanges;
      jobReset: Record<string, unknown> | null;
    }
  | {
      kind: 'lever.restore';
      jobId: string;
      requisitionId: string;
      code: string;
      changes: LeverChanges;
      expected: LeverChanges;
      jobReset: Record<string, unknown> | null;
      synced: FieldValues;
      postings?: PostingFollow;
    }
  | { kind: 'charthop.remove'; mode: 'delete' | 'inactive'; jobId: string; requisitionId: string; expected: JobExpectation }
  | { kind: 'charthop.unlink'; jobId: string; requisitionId: string; jobReset: Record<string, unknown> | null; expected: JobExpectation }
  | {
      kind: 'charthop.restore';
      jobId: string;
      requisitionId: string;
      code: string;
      body: Record<string, unknown>;
      expected: JobExpectation;
      synced: FieldValues;
    };

/** One row of a plan. */
export interface PlannedRow {
  view: PlanRowView;
  op: RowOp | null;
}

/** How many linked records a plan would close or delete, against the limit. */
export type SafetyFigures = PlanView['safety'];

/** A computed plan, kept in memory until applied or expired. */
export interface EnginePlan {
  id: string;
  profileId: string;
  direction: SyncDirection;
  createdAt: string;
  rows: PlannedRow[];
  unmapped: UnmappedValue[];
  /** Linked pairs the plan saw (the denominator of the safety share). */
  linked: number;
  limit: number;
  /** Set on an undo plan: the run it reverses. */
  undoes?: number;
  /** What to know before applying it (shown above the rows). */
  notice?: string;
}

/** Zero for every action. */
export function emptyCounts(): ActionCounts {
  return Object.fromEntries(PLAN_ACTIONS.map((a) => [a, 0])) as ActionCounts;
}

/** Rows per action. */
export function countActions(rows: readonly PlannedRow[]): ActionCounts {
  const counts = emptyCounts();
  for (const row of rows) counts[row.view.action] += 1;
  return counts;
}

/** True for actions that take a record away (the safety rule's concern). */
export function isDestructive(action: PlanAction): boolean {
  return action === 'close' || action === 'delete';
}

/**
 * The safety figures of `rows`: closes and deletes as a share of the linked records. Above
 * `limit` the run stops and asks (a first run with nothing linked yet counts its own closes).
 */
export function safetyOf(rows: readonly PlannedRow[], linked: number, limit: number): SafetyFigures {
  const closesOrDeletes = rows.filter((r) => isDestructive(r.view.action)).length;
  const base = Math.max(linked, closesOrDeletes);
  const share = base === 0 ? 0 : closesOrDeletes / base;
  return { closesOrDeletes, linked, share, limit, needsConfirmation: closesOrDeletes > 0 && share > limit };
}

/** The UI's view of a plan. */
export function planView(plan: EnginePlan): PlanView {
  return {
    planId: plan.id,
    profileId: plan.profileId,
    direction: plan.direction,
    createdAt: plan.createdAt,
    rows: plan.rows.map((r) => r.view),
    counts: countActions(plan.rows),
    unmapped: plan.unmapped,
    safety: safetyOf(plan.rows, plan.linked, plan.limit),
    ...(plan.undoes !== undefined ? { undoes: plan.undoes } : {}),
    ...(plan.notice ? { notice: plan.notice } : {}),
  };
}

/** Builds a row view. */
export function rowView(init: Omit<PlanRowView, 'diff'> & { diff?: PlanRowView['diff'] }): PlanRowView {
  return { ...init, diff: init.diff ?? [] };
}

/** The row with the odd data it is written despite, when there is any (a row that writes nothing carries none). */
export function withWarnings<R extends PlannedRow | null>(planned: R, warnings: readonly string[]): R {
  if (!planned || warnings.length === 0) return planned;
  return { ...planned, view: { ...planned.view, warnings: [...warnings] } };
}
