/** The schedules (Run Daily, Sync On Change): whether they run here, are paused, and each profile's next run. */
import { create } from 'zustand';
import type { ScheduleStatus } from '../../../shared/api/domains/schedule.ts';
import { call } from '../bridge/bridge.ts';
import type { UiError } from '../bridge/ui-error.ts';
import { toUiError } from '../bridge/ui-error.ts';

interface ScheduleState {
  /** Null until loaded, or when the host could not say. */
  status: ScheduleStatus | null;
  /** True while a pause or resume is being saved. */
  saving: boolean;
  saveError: UiError | null;
  load: () => Promise<void>;
  /** Replace the status (from `schedule:changed`). */
  apply: (status: ScheduleStatus) => void;
  /** Pause or resume every schedule on this computer (kept across restarts). */
  setPaused: (paused: boolean) => Promise<void>;
}

/** The schedule status the top bar, Home and Profiles show. */
export const useScheduleStore = create<ScheduleState>((set, get) => ({
  status: null,
  saving: false,
  saveError: null,
  load: async () => {
    try {
      set({ status: await call('schedule:status', {}) });
    } catch {
      // The next run is a hint: without it the top bar falls back to the profile's daily time.
      set({ status: null });
    }
  },
  apply: (status) => set({ status }),
  setPaused: async (paused) => {
    if (get().saving) return;
    set({ saving: true, saveError: null });
    try {
      set({ status: await call('schedule:set-paused', { paused }), saving: false });
    } catch (error) {
      set({ saving: false, saveError: toUiError(error) });
    }
  },
}));
