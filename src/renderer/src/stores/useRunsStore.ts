/** The run log of the selected profile: the list, refreshed when a run finishes, and the run opened in detail. */
import { create } from 'zustand';
import type { RunSummary } from '../../../shared/api/sync-views.ts';
import { call } from '../bridge/bridge.ts';
import type { UiError } from '../bridge/ui-error.ts';
import { toUiError } from '../bridge/ui-error.ts';

/** How many runs the Runs page lists (the chart uses the last 14 of them). */
export const RUNS_LIMIT = 100;

interface RunsState {
  profileId: string | null;
  /** Newest first; null until loaded. */
  runs: RunSummary[] | null;
  loadError: UiError | null;
  /** The run shown in detail on the Runs page, or null for the list. */
  openRunId: number | null;
  load: (profileId: string) => Promise<void>;
  /** Re-read the list (after `run:finished`). */
  refresh: () => Promise<void>;
  /** Put a finished or progressing run into the list at once, before the refresh answers. */
  upsert: (run: RunSummary) => void;
  open: (runId: number | null) => void;
}

/** The selected profile's runs. */
export const useRunsStore = create<RunsState>((set, get) => ({
  profileId: null,
  runs: null,
  loadError: null,
  openRunId: null,
  load: async (profileId) => {
    if (get().profileId !== profileId) set({ profileId, runs: null, loadError: null, openRunId: null });
    await get().refresh();
  },
  refresh: async () => {
    const { profileId } = get();
    if (!profileId) return;
    try {
      const runs = await call('runs:list', { profileId, limit: RUNS_LIMIT });
      if (get().profileId === profileId) set({ runs, loadError: null });
    } catch (error) {
      if (get().profileId === profileId) set({ loadError: toUiError(error) });
    }
  },
  upsert: (run) => {
    const { profileId, runs } = get();
    if (run.profileId !== profileId || !runs) return;
    const rest = runs.filter((existing) => existing.id !== run.id);
    set({ runs: [run, ...rest].sort((a, b) => b.id - a.id) });
  },
  open: (openRunId) => set({ openRunId }),
}));
