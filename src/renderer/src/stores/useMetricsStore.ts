/** "Pull candidate metrics now": `metrics:run` per profile, whether it is under way, and why it could not start. */
import { create } from 'zustand';
import type { RunSummary } from '../../../shared/api/sync-views.ts';
import { call } from '../bridge/bridge.ts';
import type { UiError } from '../bridge/ui-error.ts';
import { toUiError } from '../bridge/ui-error.ts';

interface MetricsState {
  /** Profile ids with a pull under way. */
  pulling: Record<string, boolean>;
  errors: Record<string, UiError | null>;
  /** Pull the profile's candidate metrics; the recorded run, or null when it could not start (see `errors`). */
  pull: (profileId: string) => Promise<RunSummary | null>;
  dismiss: (profileId: string) => void;
}

/** Candidate-metrics pulls started from Home or Runs. */
export const useMetricsStore = create<MetricsState>((set, get) => ({
  pulling: {},
  errors: {},
  pull: async (profileId) => {
    if (get().pulling[profileId]) return null;
    set({ pulling: { ...get().pulling, [profileId]: true }, errors: { ...get().errors, [profileId]: null } });
    try {
      return await call('metrics:run', { profileId });
    } catch (error) {
      set({ errors: { ...get().errors, [profileId]: toUiError(error) } });
      return null;
    } finally {
      set({ pulling: { ...get().pulling, [profileId]: false } });
    }
  },
  dismiss: (profileId) => set({ errors: { ...get().errors, [profileId]: null } }),
}));
