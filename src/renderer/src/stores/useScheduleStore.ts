/** The schedules (Run Daily): whether they run here, are paused, and each profile's next run. */
import { create } from 'zustand';
import type { ScheduleStatus } from '../../../shared/api/domains/schedule.ts';
import { call } from '../bridge/bridge.ts';

interface ScheduleState {
  /** Null until loaded, or when the host could not say. */
  status: ScheduleStatus | null;
  load: () => Promise<void>;
  /** Replace the status (from `schedule:changed`). */
  apply: (status: ScheduleStatus) => void;
}

/** The schedule status the top bar and Home show as "Next run". */
export const useScheduleStore = create<ScheduleState>((set) => ({
  status: null,
  load: async () => {
    try {
      set({ status: await call('schedule:status', {}) });
    } catch {
      // The next run is a hint: without it the top bar falls back to the profile's daily time.
      set({ status: null });
    }
  },
  apply: (status) => set({ status }),
}));
