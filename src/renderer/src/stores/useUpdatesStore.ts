/** "Check for updates" in Profiles → This computer: where the app's updates stand, a check, and "Restart to update". */
import { create } from 'zustand';
import type { UpdateStatus } from '../../../shared/api/domains/updates.ts';
import { call } from '../bridge/bridge.ts';
import type { UiError } from '../bridge/ui-error.ts';
import { toUiError } from '../bridge/ui-error.ts';

interface UpdatesState {
  /** Null until the first answer; `unsupported` where this copy does not update itself. */
  status: UpdateStatus | null;
  /** A call that failed (the status, a check, a refused restart); a failed check or download is in `status` itself. */
  error: UiError | null;
  /** True while a check or the restart is asked for. */
  busy: boolean;
  load: () => Promise<void>;
  /** Check now; the download it starts arrives as `updates:changed`. */
  check: () => Promise<void>;
  /** Quit and install the downloaded update. */
  restart: () => Promise<void>;
  /** Take a pushed status (`updates:changed`). */
  apply: (status: UpdateStatus) => void;
}

/** The state of the app's updates, shared by the panel and the push events. */
export const useUpdatesStore = create<UpdatesState>((set, get) => {
  async function ask(channel: 'updates:check' | 'updates:restart'): Promise<void> {
    if (get().busy) return;
    set({ busy: true, error: null });
    try {
      set({ status: await call(channel, {}), busy: false });
    } catch (error) {
      set({ busy: false, error: toUiError(error) });
    }
  }
  return {
    status: null,
    error: null,
    busy: false,
    load: async () => {
      try {
        set({ status: await call('updates:status', {}), error: null });
      } catch (error) {
        set({ error: toUiError(error) });
      }
    },
    check: () => ask('updates:check'),
    restart: () => ask('updates:restart'),
    apply: (status) => set({ status }),
  };
});
