/** The app's pages and the hash each one lives at (`#/options`), and the run links of notifications (`runs/<profileId>/<runId>`). */
import { profileIdSchema } from '../../../shared/settings/schema.ts';

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

/** One run of one profile, as a notification names it. */
export interface RunRef {
  profileId: string;
  runId: number;
}

/** The hash of one run's detail on the Runs page: `#/runs/<profileId>/<runId>`. */
export function runHash(run: RunRef): string {
  return `#/runs/${run.profileId}/${run.runId}`;
}

/** Where a hash or an `app:navigate` route points: a page, and for `runs/<profileId>/<runId>` the run to open. */
export interface RouteTarget {
  route: Route;
  run: RunRef | null;
}

function segmentsOf(value: string): string[] {
  return (
    value
      .replace(/^#?\/?/, '')
      .split('?')[0]
      ?.split('/') ?? []
  );
}

/** Parse a location hash (or an `app:navigate` route) into a page; unknown values go Home. */
export function parseRoute(value: string): Route {
  const name = segmentsOf(value)[0] ?? '';
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'home';
}

/**
 * Parse a hash or route into its page and, for `runs/<profileId>/<runId>` (the desktop
 * notifications' links), the run. A malformed run link still opens the Runs page.
 */
export function parseTarget(value: string): RouteTarget {
  const route = parseRoute(value);
  const [, profileId, runText] = segmentsOf(value);
  if (route !== 'runs' || !profileId || !runText || !/^\d+$/.test(runText)) return { route, run: null };
  const runId = Number(runText);
  if (!profileIdSchema.safeParse(profileId).success || !Number.isSafeInteger(runId) || runId < 1) return { route, run: null };
  return { route, run: { profileId, runId } };
}

/** What following an `app:navigate` route does: the tray's Sync now, Preview or Reconcile…, open a run, or go to a page. */
export type NavigationAction =
  { kind: 'sync-now' } | { kind: 'preview' } | { kind: 'reconcile' } | { kind: 'open-run'; run: RunRef } | { kind: 'page'; route: Route };

/**
 * The action an `app:navigate` route asks for: `sync-now`, `preview` and `reconcile` (the tray's items) start
 * Sync now or open the plan sheet (Preview, Reconcile); `runs/<profileId>/<runId>` opens that run; anything else is a page.
 */
export function navigationAction(value: string): NavigationAction {
  const name = value.replace(/^#?\/?/, '');
  if (name === 'sync-now') return { kind: 'sync-now' };
  if (name === 'reconcile') return { kind: 'reconcile' };
  if (name === 'preview') return { kind: 'preview' };
  const target = parseTarget(value);
  return target.run ? { kind: 'open-run', run: target.run } : { kind: 'page', route: target.route };
}
