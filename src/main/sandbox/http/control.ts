import { createHash, timingSafeEqual } from 'node:crypto';
import { json, noContent } from './respond.ts';
import { route } from './router.ts';
import type { Route } from './router.ts';
import type { FaultPlan, FaultRule, FaultRuleInput } from './faults.ts';
import type { RateLimiter, RateLimitSettings } from './rate-limiter.ts';
import type { RequestLog, RequestLogEntry, RequestLogFilter } from './request-log.ts';
import { HttpError } from './types.ts';

/** Path prefix of the HTTP control surface. */
export const CONTROL_PREFIX = '/__sandbox';

/** Header carrying the control token on control-surface calls. */
export const CONTROL_HEADER = 'x-sandbox-control';

/**
 * Server-specific control hooks: read/replace the whole state, plus extra control routes whose
 * patterns are relative to `/__sandbox` (e.g. `/opportunities/:id/hire`).
 */
export interface ControlHooks {
  state?(): unknown;
  /** Replaces the state; throw {@link HttpError} 400 for an invalid seed. */
  seed?(state: unknown): void;
  routes?: readonly Route[];
}

/** The kit's inspection operations, shared by every fake's in-process `control` object. */
export interface KitControl {
  requestLog(filter?: RequestLogFilter): RequestLogEntry[];
  clearRequestLog(): void;
  /** Adds a fault rule (see {@link FaultRuleInput}); returns it with its id. */
  setFault(rule: FaultRuleInput): FaultRule;
  faults(): FaultRule[];
  clearFault(id: string): boolean;
  clearFaults(): void;
  rateLimit(): RateLimitSettings;
  setRateLimit(settings: Partial<RateLimitSettings>): RateLimitSettings;
}

/** Builds the in-process control methods over a log, a fault plan and a limiter. */
export function createKitControl(log: RequestLog, faults: FaultPlan, limiter: RateLimiter): KitControl {
  return {
    requestLog: (filter) => log.entries(filter),
    clearRequestLog: () => log.clear(),
    setFault: (rule) => faults.add(rule),
    faults: () => faults.list(),
    clearFault: (id) => faults.remove(id),
    clearFaults: () => faults.clear(),
    rateLimit: () => limiter.settings(),
    setRateLimit: (settings) => {
      limiter.configure(settings);
      return limiter.settings();
    },
  };
}

/** Constant-time check of the control token (hashing first makes the lengths equal). */
export function controlTokenMatches(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/** The control routes (full paths under `/__sandbox`): state, log, faults, rate limit, plus the hooks' own. */
export function controlRoutes(kit: KitControl, hooks: ControlHooks): Route[] {
  const p = (suffix: string): string => `${CONTROL_PREFIX}${suffix}`;
  const seed = (body: unknown): ReturnType<typeof noContent> => {
    if (!hooks.seed) throw new HttpError(404, 'This server cannot be seeded');
    hooks.seed(body);
    return noContent();
  };
  const builtIn: Route[] = [
    route('GET', p('/state'), () => {
      if (!hooks.state) throw new HttpError(404, 'This server exposes no state');
      return json({ data: hooks.state() });
    }),
    route('PUT', p('/state'), (req) => seed(req.body)),
    route('POST', p('/state'), (req) => seed(req.body)),
    route('GET', p('/log'), (req) => json({ data: kit.requestLog(logFilter(req.query)) })),
    route('DELETE', p('/log'), () => {
      kit.clearRequestLog();
      return noContent();
    }),
    route('GET', p('/faults'), () => json({ data: kit.faults() })),
    route('POST', p('/faults'), (req) => json({ data: kit.setFault(req.body as FaultRuleInput) }, 201)),
    route('DELETE', p('/faults'), () => {
      kit.clearFaults();
      return noContent();
    }),
    route('DELETE', p('/faults/:id'), (req) => {
      if (!kit.clearFault(req.params['id'] ?? '')) throw new HttpError(404, 'No such fault rule');
      return noContent();
    }),
    route('GET', p('/rate-limit'), () => json({ data: kit.rateLimit() })),
    route('PUT', p('/rate-limit'), (req) => {
      try {
        return json({ data: kit.setRateLimit((req.body ?? {}) as Partial<RateLimitSettings>) });
      } catch (e) {
        throw new HttpError(400, e instanceof Error ? e.message : 'Invalid rate limit');
      }
    }),
  ];
  const extra = (hooks.routes ?? []).map((r) => route(r.method, p(r.pattern), r.handler));
  return [...builtIn, ...extra];
}

function logFilter(q: URLSearchParams): RequestLogFilter {
  const filter: RequestLogFilter = {};
  const method = q.get('method');
  const path = q.get('path');
  const identity = q.get('identity');
  const status = q.get('status');
  const since = q.get('since');
  if (method) filter.method = method;
  if (path) filter.path = path;
  if (identity) filter.identity = identity;
  if (status) filter.status = Number(status);
  if (since) filter.since = Number(since);
  return filter;
}
