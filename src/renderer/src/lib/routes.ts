/** The app's pages and the hash each one lives at (`#/options`). */
export const ROUTES = ['home', 'setup', 'options', 'runs', 'hires', 'profiles'] as const;

/** One of the app's pages. */
export type Route = (typeof ROUTES)[number];

/** Page titles as the rail and the top bar show them. */
export const ROUTE_LABELS: Record<Route, string> = {
  home: 'Home',
  setup: 'Setup',
  options: 'Options',
  runs: 'Runs',
  hires: 'Hires',
  profiles: 'Profiles',
};

/** Parse a location hash (or an `app:navigate` route) into a page; unknown values go Home. */
export function parseRoute(value: string): Route {
  const name = value.replace(/^#?\/?/, '').split(/[/?]/)[0] ?? '';
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'home';
}
