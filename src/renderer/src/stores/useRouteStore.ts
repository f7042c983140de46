/** Client-side routing on the location hash, so a reload stays on the same page. */
import { create } from 'zustand';
import type { Route, RunRef } from '../lib/routes.ts';
import { parseRoute, parseTarget } from '../lib/routes.ts';

interface RouteState {
  route: Route;
  /** Go to a page (updates the hash, which updates the store). */
  navigate: (route: Route) => void;
}

/** The current page. */
export const useRouteStore = create<RouteState>((set) => ({
  route: parseRoute(window.location.hash),
  navigate: (route) => {
    if (window.location.hash !== `#/${route}`) window.location.hash = `#/${route}`;
    set({ route });
  },
}));

/**
 * Keep the store in step with the hash (back/forward, typed links); a run link
 * (`#/runs/<profileId>/<runId>`), also at start, goes to `openRun`. Returns the unsubscribe.
 */
export function watchHash(openRun: (run: RunRef) => void): () => void {
  const follow = () => {
    const target = parseTarget(window.location.hash);
    if (target.run) openRun(target.run);
    else useRouteStore.setState({ route: target.route });
  };
  const initial = parseTarget(window.location.hash).run;
  if (initial) openRun(initial);
  window.addEventListener('hashchange', follow);
  return () => window.removeEventListener('hashchange', follow);
}
