/** Pure helpers of the Reconcile sheet: which rows can be applied, filtering, grouping, selection, and what the last Apply sent. */
import type { PlanAction, PlanRowView, PlanView, RunItemView } from '../../../shared/api/sync-views.ts';
import { PLAN_ACTIONS } from '../../../shared/api/sync-views.ts';

/** Actions that write something; `skip` and `needs_attention` rows are shown, never applied. */
export const APPLICABLE_ACTIONS: ReadonlySet<PlanAction> = new Set<PlanAction>(['create', 'update', 'close', 'delete', 'link']);

/** Actions that take something away in Lever or ChartHop (shown in red, counted by the safety rule). */
export const DESTRUCTIVE_ACTIONS: ReadonlySet<PlanAction> = new Set<PlanAction>(['close', 'delete']);

/** The Reconcile sheet's filters. */
export interface PlanFilter {
  action: PlanAction | 'all';
  text: string;
}

/** True when a row can be selected for Apply. */
export function isApplicable(row: PlanRowView): boolean {
  return APPLICABLE_ACTIONS.has(row.action);
}

/** Rows matching the action filter and the text (title or requisition code, case-insensitive). */
export function filterRows(rows: readonly PlanRowView[], filter: PlanFilter): PlanRowView[] {
  const text = filter.text.trim().toLowerCase();
  return rows.filter((row) => {
    if (filter.action !== 'all' && row.action !== filter.action) return false;
    if (!text) return true;
    return row.title.toLowerCase().includes(text) || (row.requisitionCode ?? '').toLowerCase().includes(text);
  });
}

/** Rows grouped by action in the sheet's order; empty groups left out. */
export function groupRows(rows: readonly PlanRowView[]): Array<{ action: PlanAction; rows: PlanRowView[] }> {
  return PLAN_ACTIONS.map((action) => ({ action, rows: rows.filter((row) => row.action === action) })).filter(
    (group) => group.rows.length > 0,
  );
}

/** What is selected when a plan arrives: every row that can be applied. */
export function defaultSelection(plan: PlanView): Set<string> {
  return new Set(plan.rows.filter(isApplicable).map((row) => row.id));
}

/** A copy of `selected` with the applicable ones of `rows` added (on) or removed (off). */
export function setRows(selected: ReadonlySet<string>, rows: readonly PlanRowView[], on: boolean): Set<string> {
  const next = new Set(selected);
  for (const row of rows) {
    if (!isApplicable(row)) continue;
    if (on) next.add(row.id);
    else next.delete(row.id);
  }
  return next;
}

/** How many of the applicable `rows` are selected, out of how many. */
export function selectionOf(selected: ReadonlySet<string>, rows: readonly PlanRowView[]): { selected: number; total: number } {
  const applicable = rows.filter(isApplicable);
  return { selected: applicable.filter((row) => selected.has(row.id)).length, total: applicable.length };
}

/** Selected rows that close or delete (the safety rule counts them). */
export function selectedDestructive(plan: PlanView, selected: ReadonlySet<string>): number {
  return plan.rows.filter((row) => selected.has(row.id) && DESTRUCTIVE_ACTIONS.has(row.action)).length;
}

/** What the last Apply wrote, as far as a row of the new plan is concerned: the run and its records, and the rows sent. */
export interface AppliedRecords {
  run: { id: number };
  items: ReadonlyArray<Pick<RunItemView, 'recordKey' | 'outcome'>>;
  rowIds: ReadonlySet<string>;
}

/**
 * The badge of a row of the new plan that the last Apply sent ("Applied in run 7", "Failed in run 7"), or null.
 * A run item names its record by requisition code, else by the row's id.
 */
export function appliedBadge(row: PlanRowView, applied: AppliedRecords | null): string | null {
  if (!applied || !applied.rowIds.has(row.id)) return null;
  const item = applied.items.find((candidate) => candidate.recordKey === (row.requisitionCode ?? row.id));
  const how = item?.outcome === 'failed' ? 'Failed' : item?.outcome === 'cancelled' ? 'Cancelled' : 'Applied';
  return `${how} in run ${applied.run.id}`;
}
