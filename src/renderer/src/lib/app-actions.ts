/** Actions the top bar, the tray (through `app:navigate`) and Home all start the same way. */
import { useProfilesStore } from '../stores/useProfilesStore.ts';
import { useReconcileStore } from '../stores/useReconcileStore.ts';
import { useRouteStore } from '../stores/useRouteStore.ts';
import { useSyncStore } from '../stores/useSyncStore.ts';
import { parseRoute } from './routes.ts';

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

/** Follow an `app:navigate` route: a page, or the tray's `sync-now` / `reconcile` actions. */
export function followNavigate(route: string): void {
  const name = route.replace(/^#?\/?/, '');
  if (name === 'sync-now') return syncSelectedNow();
  if (name === 'reconcile') return reconcileSelected();
  useRouteStore.getState().navigate(parseRoute(route));
}
