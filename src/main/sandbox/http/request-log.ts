import type { FaultKind } from './faults.ts';

/**
 * One API call as the fake saw it. `identity` is the credential's id (e.g. a key id), never the
 * secret. `status` is 0 when no HTTP response reached the client (reset, commit-then-reset).
 */
export interface RequestLogEntry {
  readonly seq: number;
  /** Arrival time, ms since epoch (from the app's clock). */
  readonly at: number;
  readonly method: string;
  readonly path: string;
  /** The raw query string without `?` (may be empty). */
  readonly query: string;
  readonly status: number;
  readonly identity: string | undefined;
  /** The `x-request-id` the response carried (or would have carried, for a reset connection). */
  readonly requestId?: string;
  readonly durationMs: number;
  /** The fault that fired for this call, if any. */
  readonly fault?: FaultKind;
  /** Rate-limit tokens left in the caller's bucket after this call (absent when not limited). */
  readonly tokens?: number;
}

/** Filter for reading the log. */
export interface RequestLogFilter {
  method?: string;
  /** Exact path, or a pattern with `:params`. */
  path?: string;
  identity?: string;
  status?: number;
  since?: number;
}

/** An in-memory, bounded request log (oldest entries drop first past `maxEntries`). */
export interface RequestLog {
  record(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry;
  entries(filter?: RequestLogFilter): RequestLogEntry[];
  clear(): void;
}

/** Creates a request log; `matchPath` lets the filter accept route patterns. */
export function createRequestLog(matchPath: (pattern: string, path: string) => boolean, maxEntries = 50_000): RequestLog {
  let items: RequestLogEntry[] = [];
  let seq = 0;
  return {
    record(entry) {
      seq += 1;
      const full: RequestLogEntry = { seq, ...entry };
      items.push(full);
      if (items.length > maxEntries) items = items.slice(items.length - maxEntries);
      return full;
    },
    entries(filter = {}) {
      return items.filter(
        (e) =>
          (filter.method === undefined || e.method === filter.method.toUpperCase()) &&
          (filter.path === undefined || matchPath(filter.path, e.path)) &&
          (filter.identity === undefined || e.identity === filter.identity) &&
          (filter.status === undefined || e.status === filter.status) &&
          (filter.since === undefined || e.at >= filter.since),
      );
    },
    clear() {
      items = [];
    },
  };
}
