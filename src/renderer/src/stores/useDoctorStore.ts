/** The connection doctor: the last report of this session per profile, and whether a check is running. */
import { create } from 'zustand';
import type { DoctorReport } from '../../../shared/api/doctor-views.ts';
import { call } from '../bridge/bridge.ts';
import type { UiError } from '../bridge/ui-error.ts';
import { toUiError } from '../bridge/ui-error.ts';

interface DoctorState {
  /** The last report per profile id (this session only; a restart starts unchecked). */
  reports: Record<string, DoctorReport>;
  /** Profile ids with a check under way. */
  running: Record<string, boolean>;
  errors: Record<string, UiError | null>;
  /** Run `doctor:run` for a profile; the report lands in `reports` (and arrives as `doctor:finished` too). */
  run: (profileId: string) => Promise<void>;
  /** Keep a report pushed by `doctor:finished` (a check started elsewhere, e.g. the CLI on the same data). */
  receive: (report: DoctorReport) => void;
}

/** Reports of the connection doctor, shared by Setup step 3, the rail's dot and Home's attention items. */
export const useDoctorStore = create<DoctorState>((set, get) => ({
  reports: {},
  running: {},
  errors: {},
  run: async (profileId) => {
    if (get().running[profileId]) return;
    set({ running: { ...get().running, [profileId]: true }, errors: { ...get().errors, [profileId]: null } });
    try {
      get().receive(await call('doctor:run', { profileId }));
    } catch (error) {
      set({ errors: { ...get().errors, [profileId]: toUiError(error) } });
    } finally {
      set({ running: { ...get().running, [profileId]: false } });
    }
  },
  receive: (report) => {
    const current = get().reports[report.profileId];
    if (current && current.finishedAt > report.finishedAt) return;
    set({ reports: { ...get().reports, [report.profileId]: report } });
  },
}));
