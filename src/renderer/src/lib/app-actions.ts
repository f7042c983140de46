/** Actions the top bar, the tray and notifications (through `app:navigate`), Home and Runs all start the same way. */
import { useMetricsStore } from '../stores/useMetricsStore.ts';
import { useProfilesStore } from '../stores/useProfilesStore.ts';
import { useReconcileStore } from '../stores/useReconcileStore.ts';
import { useRouteStore } from '../stores/useRouteStore.ts';
import { useRunsStore } from '../stores/useRunsStore.ts';
import { useSyncStore } from '../stores/useSyncStore.ts';
import type { Route } from './routes.ts';
import { parseTarget } from './routes.ts';

/** Sync now for the selected profile. */
export function syncSelectedNow(): void {
  const profileId = useProfilesStore.getState().view?.selectedId;
  if (profileId) void useSyncStore.getState().syncNow(profileId);
}

/** Open the Reconcile sheet for the selected profile. */
export function reconcileSelected(): void {
  const profileId = useProfilesStore.getState().view?.selectedId;
  if (profileId) void useReconcileStore.getState().openFor(profileId);
}

/** Open the Reconcile sheet for a profile (e.g. from Sync now's safety question), switching to it first when needed. */
export async function reconcileProfile(profileId: string): Promise<void> {
  if (!(await ensureSelected(profileId))) return;
  reconcileSelected();
}

/**
 * Make a profile the selected one; false when it could not be selected (e.g. it was deleted).
 * Always asks the main process, even when this window already shows the profile: the selection may have
 * just changed elsewhere (the tray, another window) with its `profiles:changed` event still on its way.
 */
async function ensureSelected(profileId: string): Promise<boolean> {
  try {
    await useProfilesStore.getState().select(profileId);
    return true;
  } catch {
    return false;
  }
}

/** Go to a page for a profile, switching to it first (Home's cards act on any profile). */
export async function openProfilePage(profileId: string, route: Route): Promise<void> {
  await ensureSelected(profileId);
  useRouteStore.getState().navigate(route);
}

/** Open one run's detail on the Runs page, switching to its profile first when needed. */
export async function openRun(profileId: string, runId: number): Promise<void> {
  if (!(await ensureSelected(profileId))) {
    useRouteStore.getState().navigate('runs');
    return;
  }
  // Point the runs store at the profile now (synchronously), so the reload that follows a profile switch keeps the open run.
  void useRunsStore.getState().load(profileId);
  useRunsStore.getState().open(runId);
  useRouteStore.getState().navigate('runs');
}

/** Pull a profile's candidate metrics now and open the resulting run; an error stays in useMetricsStore for the button's note. */
export async function pullMetricsNow(profileId: string): Promise<void> {
  const run = await useMetricsStore.getState().pull(profileId);
  if (run) await openRun(profileId, run.id);
}

/** Follow an `app:navigate` route: a page, a run (`runs/<profileId>/<runId>`), or the tray's `sync-now` / `reconcile` actions. */
export function followNavigate(route: string): void {
  const name = route.replace(/^#?\/?/, '');
  if (name === 'sync-now') return syncSelectedNow();
  if (name === 'reconcile') return reconcileSelected();
  const target = parseTarget(route);
  if (target.run) {
    void openRun(target.run.profileId, target.run.runId);
    return;
  }
  useRouteStore.getState().navigate(target.route);
}
