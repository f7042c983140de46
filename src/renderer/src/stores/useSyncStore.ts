/**
 * Sync now and every run's live progress: `sync:run` for a profile, the
 * `run:progress` / `run:finished` events of any run (Sync now, Reconcile's
 * apply, the daily run), Cancel, and the safety question of a large change.
 */
import { create } from 'zustand';
import type { RunProgress, RunSummary } from '../../../shared/api/sync-views.ts';
import { call } from '../bridge/bridge.ts';
import type { UiError } from '../bridge/ui-error.ts';
import { toUiError } from '../bridge/ui-error.ts';

/** How the last Sync now of a profile ended: its run, or an error sentence. */
export type SyncOutcome = { kind: 'run'; run: RunSummary } | { kind: 'error'; error: UiError };

/** A large change waiting for the consultant's answer. */
export interface LargeChange {
  profileId: string;
  closesOrDeletes: number;
  linked: number;
}

interface SyncState {
  /** The running run's progress per profile id. */
  progress: Record<string, RunProgress>;
  /** Profile ids whose Sync now call is in flight. */
  syncing: Record<string, boolean>;
  cancelling: Record<string, boolean>;
  outcomes: Record<string, SyncOutcome | null>;
  largeChange: LargeChange | null;
  /**
   * Runs known to have finished, as `profileId:runId` (run ids count per profile), newest last and
   * at most 50: a progress event that arrives after its run finished is dropped.
   */
  finished: string[];
  /**
   * True when the profile has never written in `direction` (no succeeded or partly failed sync, or Reconcile for
   * outbound): its first sync goes through the Preview. An unreadable run log counts as a first sync.
   */
  isFirstSync: (profileId: string, direction: 'outbound' | 'inbound') => Promise<boolean>;
  /** Run the profile's direction now; with `confirmLargeChange` past the safety limit. */
  syncNow: (profileId: string, confirmLargeChange?: boolean) => Promise<void>;
  /** Ask the profile's running run to stop between two records. */
  cancel: (profileId: string) => Promise<void>;
  onProgress: (progress: RunProgress) => void;
  onFinished: (run: RunSummary) => void;
  /** The engine's process was restarted: the runs that were going ended with it (marked interrupted). */
  onEngineRestarted: () => void;
  dismissOutcome: (profileId: string) => void;
  answerLargeChange: (apply: boolean) => void;
}

/** How many finished runs the store remembers (enough for every event still in flight). */
const FINISHED_KEPT = 50;

/** The size of a change the safety rule stopped: from the run's safety figures, else a fresh read-only plan. */
async function largeChangeOf(profileId: string, run: RunSummary): Promise<LargeChange> {
  if (run.safety) return { profileId, closesOrDeletes: run.safety.closesOrDeletes, linked: run.safety.linked };
  try {
    const plan = await call('sync:plan', { profileId, mode: 'sync' });
    return { profileId, closesOrDeletes: plan.safety.closesOrDeletes, linked: plan.safety.linked };
  } catch {
    return { profileId, closesOrDeletes: run.counts.closed + run.counts.deleted, linked: 0 };
  }
}

/** Live runs and Sync now, per profile (a tray or daily run of another profile keeps its own progress). */
export const useSyncStore = create<SyncState>((set, get) => ({
  progress: {},
  syncing: {},
  cancelling: {},
  outcomes: {},
  largeChange: null,
  finished: [],
  isFirstSync: async (profileId, direction) => {
    try {
      const runs = await call('runs:list', { profileId, limit: 500 });
      const wrote = (run: RunSummary) => (run.kind ?? 'sync') === 'sync' && (run.status === 'succeeded' || run.status === 'partial');
      const same = (run: RunSummary) => run.direction === direction || (direction === 'outbound' && run.direction === 'reconcile');
      return !runs.some((run) => wrote(run) && same(run));
    } catch {
      return true;
    }
  },
  syncNow: async (profileId, confirmLargeChange = false) => {
    if (get().syncing[profileId] || get().progress[profileId]) return;
    set({ syncing: { ...get().syncing, [profileId]: true }, outcomes: { ...get().outcomes, [profileId]: null } });
    try {
      const run = await call('sync:run', { profileId, confirmLargeChange });
      get().onFinished(run);
      if (run.status === 'needs_confirmation') set({ largeChange: await largeChangeOf(profileId, run) });
      set({ outcomes: { ...get().outcomes, [profileId]: { kind: 'run', run } } });
    } catch (error) {
      set({ outcomes: { ...get().outcomes, [profileId]: { kind: 'error', error: toUiError(error) } } });
    } finally {
      set({ syncing: { ...get().syncing, [profileId]: false } });
    }
  },
  cancel: async (profileId) => {
    set({ cancelling: { ...get().cancelling, [profileId]: true } });
    try {
      await call('sync:cancel', { profileId });
    } catch (error) {
      set({ outcomes: { ...get().outcomes, [profileId]: { kind: 'error', error: toUiError(error) } } });
    }
  },
  onProgress: (progress) => {
    if (get().finished.includes(`${progress.profileId}:${progress.runId}`)) return;
    set({ progress: { ...get().progress, [progress.profileId]: progress } });
  },
  onFinished: (run) => {
    set({ finished: [...get().finished, `${run.profileId}:${run.id}`].slice(-FINISHED_KEPT) });
    const { [run.profileId]: current, ...rest } = get().progress;
    if (current && current.runId !== run.id) return;
    set({ progress: rest, cancelling: { ...get().cancelling, [run.profileId]: false } });
  },
  onEngineRestarted: () => set({ progress: {}, cancelling: {} }),
  dismissOutcome: (profileId) => set({ outcomes: { ...get().outcomes, [profileId]: null } }),
  answerLargeChange: (apply) => {
    const pending = get().largeChange;
    set({ largeChange: null });
    if (pending && apply) void get().syncNow(pending.profileId, true);
  },
}));
