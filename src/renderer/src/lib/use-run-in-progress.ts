/** Whether a profile has a run going, for the buttons that would start another one (the core refuses a second run). */
import { useMetricsStore } from '../stores/useMetricsStore.ts';
import { useReconcileStore } from '../stores/useReconcileStore.ts';
import { useSyncStore } from '../stores/useSyncStore.ts';

/** Why a button that starts a run is disabled while another run of the profile is going. */
export const RUN_IN_PROGRESS_REASON = 'A run is in progress — wait for it to finish or cancel it.';

/**
 * True while the profile has a run in progress: a Sync now call in flight, a run reporting progress
 * (Sync now, Reconcile's apply, the daily run, a metrics pull), Reconcile applying, or a metrics pull.
 */
export function useRunInProgress(profileId: string | null): boolean {
  const syncing = useSyncStore((s) => (profileId ? s.syncing[profileId] === true || s.progress[profileId] !== undefined : false));
  const applying = useReconcileStore((s) => profileId !== null && s.phase === 'applying' && s.profileId === profileId);
  const pulling = useMetricsStore((s) => (profileId ? s.pulling[profileId] === true : false));
  return syncing || applying || pulling;
}
