/** App-wide preferences of this computer ("Start ReqBridge at login"), and which host this window runs in. */
import { create } from 'zustand';
import type { Preferences } from '../../../shared/api/domains/schedule.ts';
import type { AppInfo } from '../../../shared/api/views.ts';
import { call } from '../bridge/bridge.ts';
import type { UiError } from '../bridge/ui-error.ts';
import { toUiError } from '../bridge/ui-error.ts';

interface PreferencesState {
  preferences: Preferences | null;
  /** Where this window runs: the desktop app, or a browser on the host. Null until known. */
  host: AppInfo['host'] | null;
  loadError: UiError | null;
  saving: boolean;
  saveError: UiError | null;
  load: () => Promise<void>;
  /** Replace the preferences (from `preferences:changed`). */
  apply: (preferences: Preferences) => void;
  setStartAtLogin: (on: boolean) => Promise<void>;
}

/** The preferences the Profiles page's "This computer" section edits. */
export const usePreferencesStore = create<PreferencesState>((set, get) => ({
  preferences: null,
  host: null,
  loadError: null,
  saving: false,
  saveError: null,
  load: async () => {
    try {
      const [preferences, info] = await Promise.all([call('app:preferences', {}), call('app:info', {})]);
      set({ preferences, host: info.host, loadError: null });
    } catch (error) {
      set({ loadError: toUiError(error) });
    }
  },
  apply: (preferences) => set({ preferences }),
  setStartAtLogin: async (on) => {
    if (get().saving) return;
    set({ saving: true, saveError: null });
    try {
      set({ preferences: await call('app:set-preferences', { startAtLogin: on }), saving: false });
    } catch (error) {
      set({ saving: false, saveError: toUiError(error) });
    }
  },
}));
