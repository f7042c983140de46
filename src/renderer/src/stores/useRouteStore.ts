/** Client-side routing on the location hash, so a reload stays on the same page. */
import { create } from 'zustand';
import type { Route } from '../lib/routes.ts';
import { parseRoute } from '../lib/routes.ts';

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

/** Keep the store in step with the back/forward buttons; returns the unsubscribe. */
export function watchHash(): () => void {
  const onChange = () => useRouteStore.setState({ route: parseRoute(window.location.hash) });
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}
