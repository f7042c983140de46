/** Client-side routing on the location hash, so a reload stays on the same page (and on the same run). */
import { create } from 'zustand';
import type { Route, RunRef } from '../lib/routes.ts';
import { parseRoute, parseTarget, runHash } from '../lib/routes.ts';

interface RouteState {
  route: Route;
  /** Go to a page (updates the hash, which updates the store). A run link already in the hash is kept when going to Runs. */
  navigate: (route: Route) => void;
}

/** The current page. */
export const useRouteStore = create<RouteState>((set) => ({
  route: parseRoute(window.location.hash),
  navigate: (route) => {
    if (parseRoute(window.location.hash) !== route || window.location.hash === '') window.location.hash = `#/${route}`;
    set({ route });
  },
}));

/**
 * Put the run shown on the Runs page into the hash (`#/runs/<profileId>/<runId>`), or the list (`#/runs`) for null,
 * so Back returns to the list and a reload reopens the run. A new history entry only when the hash changes.
 */
export function showRunInHash(profileId: string | null, runId: number | null): void {
  const hash = profileId && runId !== null ? runHash({ profileId, runId }) : '#/runs';
  if (window.location.hash !== hash) window.location.hash = hash;
  useRouteStore.setState({ route: 'runs' });
}

/** What following the hash does with runs: open a run link's run (`isOpen` says whether it is already shown), or show the list. */
export interface RunHashHandlers {
  openRun: (run: RunRef) => void;
  closeRun: () => void;
  isOpen: (run: RunRef) => boolean;
}

/**
 * Keep the store in step with the hash (back/forward, typed links); a run link
 * (`#/runs/<profileId>/<runId>`), also at start, goes to `openRun` unless it is already shown;
 * `#/runs` alone shows the list. Returns the unsubscribe.
 */
export function watchHash(handlers: RunHashHandlers): () => void {
  const follow = () => {
    const target = parseTarget(window.location.hash);
    if (target.run && handlers.isOpen(target.run)) useRouteStore.setState({ route: 'runs' });
    else if (target.run) handlers.openRun(target.run);
    else {
      if (target.route === 'runs') handlers.closeRun();
      useRouteStore.setState({ route: target.route });
    }
  };
  const initial = parseTarget(window.location.hash).run;
  if (initial) handlers.openRun(initial);
  window.addEventListener('hashchange', follow);
  return () => window.removeEventListener('hashchange', follow);
}
