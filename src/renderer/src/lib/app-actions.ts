/** Actions the top bar, the tray and notifications (through `app:navigate`), Home and Runs all start the same way. */
import { directionOf } from '../../../shared/settings/options.ts';
import { useMetricsStore } from '../stores/useMetricsStore.ts';
import { useProfilesStore } from '../stores/useProfilesStore.ts';
import { useReconcileStore } from '../stores/useReconcileStore.ts';
import { useRouteStore } from '../stores/useRouteStore.ts';
import { useRunsStore } from '../stores/useRunsStore.ts';
import { useSettingsStore } from '../stores/useSettingsStore.ts';
import { useSyncStore } from '../stores/useSyncStore.ts';
import { confirmDiscard } from '../stores/useUnsavedStore.ts';
import type { Route } from './routes.ts';
import { ROUTE_LABELS, navigationAction } from './routes.ts';

/**
 * Sync now for the selected profile. A profile's first sync in its direction opens the Preview instead,
 * so nothing is written on a client system before the consultant has seen the plan.
 */
export function syncSelectedNow(): void {
  const profileId = useProfilesStore.getState().view?.selectedId;
  if (profileId) void syncOrPreviewFirst(profileId);
}

async function syncOrPreviewFirst(profileId: string): Promise<void> {
  const saved = useSettingsStore.getState().saved;
  const direction = saved?.id === profileId ? directionOf(saved.sourceOfTruth) : null;
  if (!direction || (await useSyncStore.getState().isFirstSync(profileId, direction))) {
    await useReconcileStore.getState().openPreview(profileId, { firstSync: true });
    return;
  }
  await useSyncStore.getState().syncNow(profileId);
}

/** Open the Preview of Sync now (the plan sheet in the profile's direction) for the selected profile. */
export function previewSelected(): void {
  const profileId = useProfilesStore.getState().view?.selectedId;
  if (profileId) void useReconcileStore.getState().openPreview(profileId);
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
 * Switch to a profile, asking first when unsaved edits would be lost (the Options draft, open forms).
 * Resolves 'selected', 'kept' (the consultant chose to keep their edits) or 'failed' (e.g. it was deleted;
 * the error is thrown only when `rethrow`). Always asks the main process, even when this window already
 * shows the profile: the selection may have just changed elsewhere (the tray, another window) with its
 * `profiles:changed` event still on its way.
 */
export async function selectProfile(profileId: string, options: { rethrow?: boolean } = {}): Promise<'selected' | 'kept' | 'failed'> {
  const profiles = useProfilesStore.getState();
  if (profiles.view?.selectedId !== profileId) {
    const name = profiles.view?.profiles.find((profile) => profile.id === profileId)?.name ?? 'the other profile';
    if (!(await confirmDiscard('switch-profile', `switch to ${name}`))) return 'kept';
  }
  try {
    await useProfilesStore.getState().select(profileId);
    return 'selected';
  } catch (error) {
    if (options.rethrow) throw error;
    return 'failed';
  }
}

/** True when the profile is now the selected one. */
async function ensureSelected(profileId: string): Promise<boolean> {
  return (await selectProfile(profileId)) === 'selected';
}

/** True when the app may leave the current page for `route`: the same page, or the consultant agreed to lose a form's edits. */
function mayLeaveFor(route: Route): Promise<boolean> {
  if (route === useRouteStore.getState().route) return Promise.resolve(true);
  return confirmDiscard('leave-page', `open ${ROUTE_LABELS[route]}`);
}

/** True when acting on `profileId` switches away from the selected profile (a switch asks about every unsaved edit). */
function switchesProfile(profileId: string): boolean {
  return useProfilesStore.getState().view?.selectedId !== profileId;
}

/** Go to a page, asking first when a form on the current page has unsaved edits. */
export async function goTo(route: Route): Promise<void> {
  if (await mayLeaveFor(route)) useRouteStore.getState().navigate(route);
}

/** Go to a page for a profile, switching to it first (Home's cards act on any profile). */
export async function openProfilePage(profileId: string, route: Route): Promise<void> {
  if (!switchesProfile(profileId) && !(await mayLeaveFor(route))) return;
  if ((await selectProfile(profileId)) !== 'kept') useRouteStore.getState().navigate(route);
}

/** Open one run's detail on the Runs page, switching to its profile first when needed. */
export async function openRun(profileId: string, runId: number): Promise<void> {
  if (!switchesProfile(profileId) && !(await mayLeaveFor('runs'))) return;
  const outcome = await selectProfile(profileId);
  if (outcome === 'kept') return;
  if (outcome === 'selected') {
    // Point the runs store at the profile now (synchronously), so the reload that follows a profile switch keeps the open run.
    void useRunsStore.getState().load(profileId);
    useRunsStore.getState().open(runId);
  }
  useRouteStore.getState().navigate('runs');
}

/** Pull a profile's candidate metrics now and open the resulting run; an error stays in useMetricsStore for the button's note. */
export async function pullMetricsNow(profileId: string): Promise<void> {
  const run = await useMetricsStore.getState().pull(profileId);
  if (run) await openRun(profileId, run.id);
}

/** Follow an `app:navigate` route: a page, a run (`runs/<profileId>/<runId>`), or the tray's `sync-now` / `preview` / `reconcile` actions. */
export function followNavigate(route: string): void {
  const action = navigationAction(route);
  switch (action.kind) {
    case 'sync-now':
      return syncSelectedNow();
    case 'reconcile':
      return reconcileSelected();
    case 'preview':
      return previewSelected();
    case 'open-run':
      void openRun(action.run.profileId, action.run.runId);
      return;
    case 'page':
      void goTo(action.route);
  }
}
