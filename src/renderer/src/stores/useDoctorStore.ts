/** The connection doctor: the last report per profile (the stored one until a newer check), whether a check is running, its progress, and Cancel. */
import { create } from 'zustand';
import type { DoctorProgress, DoctorReport } from '../../../shared/api/doctor-views.ts';
import { call } from '../bridge/bridge.ts';
import type { UiError } from '../bridge/ui-error.ts';
import { toUiError } from '../bridge/ui-error.ts';

interface DoctorState {
  /** The last report per profile id: the stored one after a reload or restart, until a newer check replaces it. */
  reports: Record<string, DoctorReport>;
  /** Profile ids whose stored report was asked for. */
  loaded: Record<string, boolean>;
  /** Read the profile's stored last report (`doctor:last`) once; a newer one already here is kept. */
  loadLast: (profileId: string) => Promise<void>;
  /** Profile ids with a check under way. */
  running: Record<string, boolean>;
  /** The last `doctor:progress` of each profile's check under way. */
  progress: Record<string, DoctorProgress>;
  /** Profile ids whose check was asked to stop. */
  cancelling: Record<string, boolean>;
  errors: Record<string, UiError | null>;
  /** Run `doctor:run` for a profile; the report lands in `reports` (and arrives as `doctor:finished` too). */
  run: (profileId: string) => Promise<void>;
  /** Stop the profile's check: the checks not run yet come back "Not checked — cancelled". */
  cancel: (profileId: string) => Promise<void>;
  /** Keep a report pushed by `doctor:finished` (a check started elsewhere, e.g. the CLI on the same data). */
  receive: (report: DoctorReport) => void;
  onProgress: (progress: DoctorProgress) => void;
}

/** Reports of the connection doctor, shared by Setup step 3, the rail's dot and Home's attention items. */
export const useDoctorStore = create<DoctorState>((set, get) => ({
  reports: {},
  loaded: {},
  running: {},
  progress: {},
  cancelling: {},
  errors: {},
  run: async (profileId) => {
    if (get().running[profileId]) return;
    const { [profileId]: _stale, ...progress } = get().progress;
    set({ running: { ...get().running, [profileId]: true }, progress, errors: { ...get().errors, [profileId]: null } });
    try {
      get().receive(await call('doctor:run', { profileId }));
    } catch (error) {
      set({ errors: { ...get().errors, [profileId]: toUiError(error) } });
    } finally {
      const { [profileId]: _done, ...rest } = get().progress;
      set({ running: { ...get().running, [profileId]: false }, progress: rest, cancelling: { ...get().cancelling, [profileId]: false } });
    }
  },
  loadLast: async (profileId) => {
    if (get().loaded[profileId]) return;
    set({ loaded: { ...get().loaded, [profileId]: true } });
    try {
      const report = await call('doctor:last', { profileId });
      if (report) get().receive(report);
    } catch {
      // Without the stored report the step reads "Check connection", as before any check.
      set({ loaded: { ...get().loaded, [profileId]: false } });
    }
  },
  cancel: async (profileId) => {
    set({ cancelling: { ...get().cancelling, [profileId]: true } });
    try {
      const { cancelled } = await call('doctor:cancel', { profileId });
      if (!cancelled) set({ cancelling: { ...get().cancelling, [profileId]: false } });
    } catch (error) {
      set({ cancelling: { ...get().cancelling, [profileId]: false }, errors: { ...get().errors, [profileId]: toUiError(error) } });
    }
  },
  receive: (report) => {
    const current = get().reports[report.profileId];
    if (current && current.finishedAt > report.finishedAt) return;
    set({ reports: { ...get().reports, [report.profileId]: report } });
  },
  onProgress: (progress) => {
    // Only the check this window started shows a bar; a late event after its answer is dropped.
    if (!get().running[progress.profileId]) return;
    set({ progress: { ...get().progress, [progress.profileId]: progress } });
  },
}));
