import type { RouteHandler } from './types.ts';

/** One route: an HTTP method, a path pattern with `:params` (e.g. `/v1/requisitions/:id`) and its handler. */
export interface Route {
  readonly method: string;
  readonly pattern: string;
  readonly handler: RouteHandler;
}

/** Declares a route. Patterns match whole segments; `:name` captures one segment. */
export function route(method: string, pattern: string, handler: RouteHandler): Route {
  return { method: method.toUpperCase(), pattern: normalisePath(pattern), handler };
}

/** Result of routing: a match with its params, a path that exists under other methods (405), or nothing (404). */
export type RouteMatch =
  | { readonly kind: 'match'; readonly route: Route; readonly params: Record<string, string> }
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] }
  | { readonly kind: 'not-found' };

/** A compiled route table; routes are tried in registration order (register static paths first). */
export interface Router {
  match(method: string, path: string): RouteMatch;
  readonly routes: readonly Route[];
}

/** Strips a trailing slash (except for `/`) so `/a/` and `/a` route alike. */
export function normalisePath(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.replace(/\/+$/, '') || '/' : path;
}

/**
 * Matches a concrete path against a pattern; returns the captured params or `undefined`.
 * Used by the router and by fault plans (a fault's path may be a pattern or a concrete path).
 */
export function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const want = splitPath(normalisePath(pattern));
  const got = splitPath(normalisePath(path));
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      if (g === '') return undefined;
      params[w.slice(1)] = safeDecode(g);
    } else if (w !== g) {
      return undefined;
    }
  }
  return params;
}

/** Builds a router over a route table. */
export function createRouter(routes: readonly Route[]): Router {
  return {
    routes,
    match(method, path) {
      const allowed: string[] = [];
      for (const r of routes) {
        const params = matchPattern(r.pattern, path);
        if (!params) continue;
        if (r.method === method.toUpperCase()) return { kind: 'match', route: r, params };
        allowed.push(r.method);
      }
      return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
    },
  };
}

function splitPath(path: string): string[] {
  return path.split('/').slice(1);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
