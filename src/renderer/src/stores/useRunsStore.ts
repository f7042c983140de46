/**
 * The run log of the selected profile: the list, refreshed when a run finishes; the list narrowed by the
 * Runs page's filters (asked of the main process, so it reaches past the newest runs); and the run opened
 * in detail, kept in the address's hash so Back and a reload work.
 */
import { create } from 'zustand';
import type { RunListFilter } from '../../../shared/api/run-filter.ts';
import type { RunSummary } from '../../../shared/api/sync-views.ts';
import { call } from '../bridge/bridge.ts';
import type { UiError } from '../bridge/ui-error.ts';
import { toUiError } from '../bridge/ui-error.ts';
import { parseTarget } from '../lib/routes.ts';
import { showRunInHash } from './useRouteStore.ts';

/** How many runs the Runs page lists (the chart uses the last 14 of them). */
export const RUNS_LIMIT = 100;

/** True when a filter narrows the list. */
export function isFiltering(filter: RunListFilter): boolean {
  return Boolean(filter.kind || filter.trigger || filter.status || filter.search?.trim());
}

interface RunsState {
  profileId: string | null;
  /** Newest first, unfiltered (Home, the top bar and the chart read it); null until loaded. */
  runs: RunSummary[] | null;
  loadError: UiError | null;
  /** The Runs page's filters. */
  filter: RunListFilter;
  /** The runs matching `filter`, newest first; null while they load or when nothing filters. */
  filtered: RunSummary[] | null;
  /** The run shown in detail on the Runs page, or null for the list. */
  openRunId: number | null;
  load: (profileId: string) => Promise<void>;
  /** Re-read the list, and the filtered list when a filter is set (after `run:finished`). */
  refresh: () => Promise<void>;
  /** Change some filters and load the runs that match. */
  setFilter: (patch: Partial<RunListFilter>) => Promise<void>;
  /** Put a finished or progressing run into the list at once, before the refresh answers. */
  upsert: (run: RunSummary) => void;
  /** Show a run in detail (null: the list), and put it in the address. */
  open: (runId: number | null) => void;
}

let filterAsked = 0;

/** The selected profile's runs. */
export const useRunsStore = create<RunsState>((set, get) => {
  const loadFiltered = async () => {
    const { profileId, filter } = get();
    const asked = ++filterAsked;
    if (!profileId || !isFiltering(filter)) return set({ filtered: null });
    try {
      const filtered = await call('runs:list', { profileId, limit: RUNS_LIMIT, filter });
      if (asked === filterAsked && get().profileId === profileId) set({ filtered, loadError: null });
    } catch (error) {
      if (asked === filterAsked && get().profileId === profileId) set({ loadError: toUiError(error) });
    }
  };
  return {
    profileId: null,
    runs: null,
    loadError: null,
    filter: {},
    filtered: null,
    openRunId: null,
    load: async (profileId) => {
      if (get().profileId !== profileId) {
        set({ profileId, runs: null, loadError: null, openRunId: null, filter: {}, filtered: null });
        // Another profile's run in the address would switch back to it on a reload.
        const shown = parseTarget(window.location.hash).run;
        if (shown && shown.profileId !== profileId) showRunInHash(null, null);
      }
      await get().refresh();
    },
    refresh: async () => {
      const { profileId } = get();
      if (!profileId) return;
      const filtered = loadFiltered();
      try {
        const runs = await call('runs:list', { profileId, limit: RUNS_LIMIT });
        if (get().profileId === profileId) set({ runs, loadError: null });
      } catch (error) {
        if (get().profileId === profileId) set({ loadError: toUiError(error) });
      }
      await filtered;
    },
    setFilter: async (patch) => {
      set({ filter: { ...get().filter, ...patch }, filtered: null });
      await loadFiltered();
    },
    upsert: (run) => {
      const { profileId, runs } = get();
      if (run.profileId !== profileId || !runs) return;
      const rest = runs.filter((existing) => existing.id !== run.id);
      set({ runs: [run, ...rest].sort((a, b) => b.id - a.id) });
    },
    open: (openRunId) => {
      set({ openRunId });
      showRunInHash(get().profileId, openRunId);
    },
  };
});
