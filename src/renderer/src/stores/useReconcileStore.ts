/**
 * The Reconcile sheet: plan with ChartHop as truth (`sync:plan` mode
 * `reconcile`), the consultant's selection and filters, then `sync:apply`
 * of the selected rows, with the safety question when it closes or deletes a lot; after an
 * apply it plans again and keeps what was just applied to show above the new plan.
 * The same sheet shows the undo of a run (`runs:undo-plan`), with the same selection.
 */
import { create } from 'zustand';
import type { PlanView, RunItemView, RunSummary, UnmappedValue } from '../../../shared/api/sync-views.ts';
import { call } from '../bridge/bridge.ts';
import type { UiError } from '../bridge/ui-error.ts';
import { toUiError } from '../bridge/ui-error.ts';
import type { PlanFilter } from '../lib/plan-selection.ts';
import { defaultSelection } from '../lib/plan-selection.ts';

/** Where the sheet is: reading both sides, showing the plan, writing, or done. */
export type ReconcilePhase = 'closed' | 'planning' | 'ready' | 'applying' | 'done';

/** What the sheet plans: Reconcile (ChartHop as truth) or the Preview of a sync in the profile's direction. */
export type SheetMode = 'reconcile' | 'preview';

/** What the last Apply in the sheet wrote: its run, the run's records, and the plan rows that were sent. */
export interface JustApplied {
  run: RunSummary;
  items: RunItemView[];
  rowIds: ReadonlySet<string>;
}

interface ReconcileState {
  phase: ReconcilePhase;
  profileId: string | null;
  /** Reconcile, or the Preview of Sync now (the undo of a run sets `undoRunId` instead). */
  mode: SheetMode;
  /** True when the Preview opened because Sync now is the profile's first sync in its direction. */
  firstSync: boolean;
  /** Set while the sheet shows the undo of this run instead of Reconcile. */
  undoRunId: number | null;
  plan: PlanView | null;
  selected: Set<string>;
  filter: PlanFilter;
  /** Row ids whose diff is expanded. */
  expanded: Set<string>;
  error: UiError | null;
  result: RunSummary | null;
  /** Set after an Apply of Reconcile or the Preview, until the sheet closes: shown above the plan computed again. */
  applied: JustApplied | null;
  /** True when Apply all was pressed: every row of the plan goes to the run, so skipped and attention rows are recorded as Sync now records them. */
  allRows: boolean;
  /** True while the safety question is asked before applying. */
  confirming: boolean;
  /** The unmapped values of each profile's last plan this session (kept after the sheet closes, for Home). */
  unmappedByProfile: Record<string, { at: string; values: UnmappedValue[] }>;
  /** Open the sheet for a profile and compute a fresh plan. */
  openFor: (profileId: string) => Promise<void>;
  /** Open the sheet with the plan Sync now would apply in the profile's direction (nothing is written until Apply). */
  openPreview: (profileId: string, options?: { firstSync?: boolean }) => Promise<void>;
  /** Open the sheet with the plan that undoes run `runId` of the profile. */
  openUndo: (profileId: string, runId: number) => Promise<void>;
  /** Compute the plan again (after fixing mappings, or after an apply). */
  replan: () => Promise<void>;
  close: () => void;
  setSelected: (selected: Set<string>) => void;
  setFilter: (patch: Partial<PlanFilter>) => void;
  toggleExpanded: (rowId: string) => void;
  /** Apply the selected rows; `confirmLargeChange` answers the safety question. */
  apply: (confirmLargeChange?: boolean) => Promise<void>;
  /** Select every row that can be applied, then apply them. */
  applyAll: () => Promise<void>;
  cancelConfirm: () => void;
}

const NO_FILTER: PlanFilter = { action: 'all', text: '' };

/** A sheet just opened: planning, nothing selected, filtered, expanded or applied yet. */
function freshSheet(): Pick<ReconcileState, 'phase' | 'plan' | 'selected' | 'filter' | 'expanded' | 'error' | 'result' | 'applied'> {
  return {
    phase: 'planning',
    plan: null,
    selected: new Set(),
    filter: NO_FILTER,
    expanded: new Set(),
    error: null,
    result: null,
    applied: null,
  };
}

/** State of the full-screen Reconcile sheet. */
export const useReconcileStore = create<ReconcileState>((set, get) => {
  /** After Reconcile's or the Preview's apply: keep the run and its records, then show the plan as it is now. */
  const showAppliedAndReplan = async (run: RunSummary, rowIds: readonly string[]) => {
    const items = await call('runs:get', { profileId: run.profileId, runId: run.id }).then(
      (detail) => detail.items,
      () => [],
    );
    if (get().phase === 'closed' || get().profileId !== run.profileId) return;
    // The old plan is spent: nothing to select or apply until the new one arrives.
    set({ applied: { run, items, rowIds: new Set(rowIds) }, plan: null, selected: new Set() });
    await get().replan();
  };
  return {
    phase: 'closed',
    profileId: null,
    mode: 'reconcile',
    firstSync: false,
    undoRunId: null,
    plan: null,
    selected: new Set(),
    filter: NO_FILTER,
    expanded: new Set(),
    error: null,
    result: null,
    applied: null,
    confirming: false,
    allRows: false,
    unmappedByProfile: {},
    openFor: async (profileId) => {
      // An apply under way keeps the sheet as it is (it is modal; the tray's Reconcile… just brings it back).
      if (get().phase === 'applying') return;
      set({ profileId, mode: 'reconcile', firstSync: false, undoRunId: null, ...freshSheet() });
      await get().replan();
    },
    openPreview: async (profileId, options = {}) => {
      if (get().phase === 'applying') return;
      set({ profileId, mode: 'preview', firstSync: options.firstSync === true, undoRunId: null, ...freshSheet() });
      await get().replan();
    },
    openUndo: async (profileId, runId) => {
      if (get().phase === 'applying') return;
      set({ profileId, mode: 'reconcile', firstSync: false, undoRunId: runId, ...freshSheet() });
      await get().replan();
    },
    replan: async () => {
      const { profileId, undoRunId, mode } = get();
      if (!profileId) return;
      set({ phase: 'planning', error: null, result: null, allRows: false });
      try {
        const plan =
          undoRunId === null
            ? await call('sync:plan', { profileId, mode: mode === 'preview' ? 'sync' : 'reconcile' })
            : await call('runs:undo-plan', { profileId, runId: undoRunId });
        if (get().profileId !== profileId || get().undoRunId !== undoRunId || get().mode !== mode || get().phase === 'closed') return;
        set({
          plan,
          selected: defaultSelection(plan),
          expanded: new Set(),
          phase: 'ready',
          ...(undoRunId === null
            ? { unmappedByProfile: { ...get().unmappedByProfile, [profileId]: { at: plan.createdAt, values: plan.unmapped } } }
            : {}),
        });
      } catch (error) {
        if (get().profileId === profileId && get().phase !== 'closed') set({ error: toUiError(error), phase: 'ready' });
      }
    },
    close: () => {
      if (get().phase === 'applying') return;
      set({ ...freshSheet(), phase: 'closed', undoRunId: null, confirming: false });
    },
    setSelected: (selected) => set({ selected, allRows: false }),
    setFilter: (patch) => set({ filter: { ...get().filter, ...patch } }),
    toggleExpanded: (rowId) => {
      const expanded = new Set(get().expanded);
      if (expanded.has(rowId)) expanded.delete(rowId);
      else expanded.add(rowId);
      set({ expanded });
    },
    apply: async (confirmLargeChange = false) => {
      const { profileId, plan, selected, allRows } = get();
      if (!profileId || !plan || selected.size === 0) return;
      set({ phase: 'applying', confirming: false, error: null });
      try {
        const rowIds = plan.rows.filter((row) => allRows || selected.has(row.id)).map((row) => row.id);
        const result = await call('sync:apply', { profileId, planId: plan.planId, rowIds, confirmLargeChange });
        if (result.status === 'needs_confirmation') set({ phase: 'ready', confirming: true });
        else if (get().undoRunId !== null) set({ phase: 'done', result });
        else await showAppliedAndReplan(result, rowIds);
      } catch (error) {
        set({ phase: 'ready', error: toUiError(error), allRows: false });
      }
    },
    applyAll: async () => {
      const { plan } = get();
      if (!plan) return;
      set({ selected: defaultSelection(plan), allRows: true });
      await get().apply();
    },
    cancelConfirm: () => set({ confirming: false, allRows: false }),
  };
});
