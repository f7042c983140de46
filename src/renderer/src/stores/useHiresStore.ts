/**
 * New hires of the selected profile: every delivery and catch-up find, live, with Replay and Catch up
 * now; and every profile's catch-up under way (`catch-up:progress` until `catch-up:finished`, whoever
 * started it), with Cancel.
 */
import { create } from 'zustand';
import type { CatchUpFinished, CatchUpProgress, CatchUpResult, HireView, JobMatchView } from '../../../shared/api/hires-views.ts';
import { call } from '../bridge/bridge.ts';
import type { UiError } from '../bridge/ui-error.ts';
import { toUiError } from '../bridge/ui-error.ts';

interface HiresState {
  profileId: string | null;
  /** Newest first; null until loaded. */
  hires: HireView[] | null;
  loadError: UiError | null;
  catchingUp: boolean;
  catchUpResult: CatchUpResult | null;
  /** The last `catch-up:progress` of each profile's catch-up under way. */
  progress: Record<string, CatchUpProgress>;
  /** Profile ids whose catch-up was asked to stop. */
  cancelling: Record<string, boolean>;
  load: (profileId: string) => Promise<void>;
  /** Insert or replace one hire (from `hire:received` or a replay's answer). */
  upsert: (hire: HireView, profileId: string) => void;
  /** Process a recorded delivery again; throws UiError. */
  replay: (hireId: string) => Promise<HireView>;
  /** The ChartHop jobs a "Job missing" hire could go into; throws UiError. */
  jobMatch: (hireId: string) => Promise<JobMatchView>;
  /** Link the hire's requisition to its one matching job and process the hire again; throws UiError. */
  linkJob: (hireId: string, jobId: string) => Promise<HireView>;
  /** Poll Lever for hires since the last checkpoint; throws UiError. */
  catchUp: () => Promise<void>;
  /** Ask the profile's catch-up to stop after the hire in progress; throws UiError. */
  cancelCatchUp: (profileId: string) => Promise<void>;
  onProgress: (progress: CatchUpProgress) => void;
  onFinished: (finished: CatchUpFinished) => void;
}

function newestFirst(a: HireView, b: HireView): number {
  return b.receivedAt.localeCompare(a.receivedAt);
}

/** The selected profile's hires log. */
export const useHiresStore = create<HiresState>((set, get) => ({
  profileId: null,
  hires: null,
  loadError: null,
  catchingUp: false,
  catchUpResult: null,
  progress: {},
  cancelling: {},
  load: async (profileId) => {
    if (get().profileId !== profileId) set({ profileId, hires: null, loadError: null, catchUpResult: null });
    try {
      const hires = await call('hires:list', { profileId, limit: 500 });
      if (get().profileId === profileId) set({ hires: [...hires].sort(newestFirst), loadError: null });
    } catch (error) {
      if (get().profileId === profileId) set({ loadError: toUiError(error) });
    }
  },
  upsert: (hire, profileId) => {
    const { hires } = get();
    if (profileId !== get().profileId || !hires) return;
    set({ hires: [hire, ...hires.filter((existing) => existing.id !== hire.id)].sort(newestFirst) });
  },
  replay: async (hireId) => {
    const profileId = get().profileId;
    if (!profileId) throw toUiError(null);
    const hire = await call('hires:replay', { profileId, hireId });
    get().upsert(hire, profileId);
    return hire;
  },
  jobMatch: async (hireId) => {
    const profileId = get().profileId;
    if (!profileId) throw toUiError(null);
    return call('hires:job-match', { profileId, hireId });
  },
  linkJob: async (hireId, jobId) => {
    const profileId = get().profileId;
    if (!profileId) throw toUiError(null);
    const hire = await call('hires:link-job', { profileId, hireId, jobId });
    get().upsert(hire, profileId);
    return hire;
  },
  catchUp: async () => {
    const profileId = get().profileId;
    if (!profileId || get().catchingUp) return;
    set({ catchingUp: true, catchUpResult: null });
    try {
      const result = await call('hires:catch-up', { profileId });
      if (get().profileId === profileId) set({ catchUpResult: result });
      await get().load(profileId);
    } finally {
      set({ catchingUp: false, cancelling: { ...get().cancelling, [profileId]: false } });
    }
  },
  cancelCatchUp: async (profileId) => {
    set({ cancelling: { ...get().cancelling, [profileId]: true } });
    try {
      // Nothing was running (it just ended): the button comes back.
      const { cancelled } = await call('hires:cancel-catch-up', { profileId });
      if (!cancelled) set({ cancelling: { ...get().cancelling, [profileId]: false } });
    } catch (error) {
      set({ cancelling: { ...get().cancelling, [profileId]: false } });
      throw toUiError(error);
    }
  },
  onProgress: (progress) => set({ progress: { ...get().progress, [progress.profileId]: progress } }),
  onFinished: ({ profileId }) => {
    const { [profileId]: _finished, ...rest } = get().progress;
    set({ progress: rest, cancelling: { ...get().cancelling, [profileId]: false } });
  },
}));
