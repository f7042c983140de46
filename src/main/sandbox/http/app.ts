import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_BODY_LIMIT, readJsonBody } from './body.ts';
import { CONTROL_HEADER, CONTROL_PREFIX, controlRoutes, controlTokenMatches, createKitControl } from './control.ts';
import type { ControlHooks, KitControl } from './control.ts';
import { createFaultPlan } from './faults.ts';
import type { FaultAction, FaultPlan } from './faults.ts';
import type { NodeHandler } from './listen.ts';
import { createRateLimiter } from './rate-limiter.ts';
import type { RateLimiter, RateLimitSettings } from './rate-limiter.ts';
import { createRequestLog } from './request-log.ts';
import type { RequestLog } from './request-log.ts';
import { errorCodeName, writeResponse } from './respond.ts';
import type { BodyMode } from './respond.ts';
import { createRng } from './rng.ts';
import { createRouter, matchPattern, normalisePath } from './router.ts';
import type { Route, Router } from './router.ts';
import { HttpError } from './types.ts';
import type { Clock, PageFault, Random, SandboxRequest, SandboxResponse, Sleep } from './types.ts';

/** What `authenticate` sees: enough to read a credential, nothing parsed from the body. */
export interface AuthInput {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
}

/** The error fields handed to `formatError`. */
export interface ErrorInfo {
  readonly status: number;
  readonly message: string;
  readonly code: string | number | undefined;
}

/** Options of {@link createSandboxApp}. Everything but `routes` has a sensible default. */
export interface SandboxAppOptions {
  routes: readonly Route[];
  /** Returns the caller's identity (a key id — never the secret); throw {@link HttpError} 401 to reject. */
  authenticate?: (input: AuthInput) => string;
  /** Error body shape; default `{ code: code ?? <RestifyName>, message }` (Lever's). */
  formatError?: (error: ErrorInfo) => unknown;
  /** Token-bucket settings per identity; default 10 req/s, burst 20. `false` disables limiting. */
  rateLimit?: Partial<RateLimitSettings> | false;
  /** Enables the HTTP control surface under `/__sandbox/`; callers must send `x-sandbox-control: <token>`. */
  controlToken?: string;
  control?: ControlHooks;
  clock?: Clock;
  /** Random source for probabilistic faults; default a generator seeded with `seed`. */
  random?: Random;
  seed?: number;
  sleep?: Sleep;
  bodyLimitBytes?: number;
  /** Limit for control-surface bodies (seeding big states); default 512 MiB. */
  controlBodyLimitBytes?: number;
  /** Headers added to every API response (e.g. `server: lever-data-api`). */
  headers?: Record<string, string>;
  /** Makes the id sent as `x-request-id` on every API response (and kept in the log); default a random UUID. */
  requestId?: () => string;
  logLimit?: number;
}

/** A composed fake-server core: a Node handler plus its request log, fault plan, limiter and control. */
export interface SandboxApp {
  readonly handler: NodeHandler;
  readonly log: RequestLog;
  readonly faults: FaultPlan;
  readonly limiter: RateLimiter;
  readonly control: KitControl;
  readonly clock: Clock;
}

const defaultSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Response header naming the id of an API call, as many real APIs send one; clients show it for support. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Composes router, auth hook, rate limiter, fault plans, request log and control surface into one
 * Node handler. Order per call: fault match → auth → rate limit → route → body → handler.
 * Faults come first because they model the network and the vendor's front door. Every API
 * response, injected faults and errors included, carries an `x-request-id` that the request log
 * records too (a reset connection has no response, so its entry has the id nobody saw).
 */
export function createSandboxApp(options: SandboxAppOptions): SandboxApp {
  const clock = options.clock ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const formatError = options.formatError ?? ((e: ErrorInfo) => ({ code: e.code ?? errorCodeName(e.status), message: e.message }));
  const log = createRequestLog((pattern, path) => matchPattern(pattern, path) !== undefined, options.logLimit);
  const faults = createFaultPlan(options.random ?? createRng(options.seed ?? 1));
  const limiter = createRateLimiter(options.rateLimit === false ? { enabled: false } : (options.rateLimit ?? {}), clock);
  const control = createKitControl(log, faults, limiter);
  const api = createRouter(options.routes);
  const controlRouter = createRouter(controlRoutes(control, options.control ?? {}));
  const defaults = options.headers ?? {};
  const nextRequestId = options.requestId ?? randomUUID;
  const errorResponse = (e: unknown): SandboxResponse => {
    const err = e instanceof HttpError ? e : new HttpError(500, 'Internal server error');
    return { status: err.status, body: formatError({ status: err.status, message: err.message, code: err.code }), headers: err.headers };
  };

  async function handleControl(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
    const plain = (e: unknown): SandboxResponse => {
      const err = e instanceof HttpError ? e : new HttpError(500, e instanceof Error ? e.message : 'Internal error');
      return { status: err.status, body: { code: errorCodeName(err.status), message: err.message } };
    };
    let response: SandboxResponse;
    try {
      if (options.controlToken === undefined) throw new HttpError(404, 'The control surface is disabled');
      if (!controlTokenMatches(options.controlToken, req.headers[CONTROL_HEADER]))
        throw new HttpError(401, 'Missing or wrong x-sandbox-control token');
      response = await dispatch(controlRouter, req, path, query, 'control', undefined, options.controlBodyLimitBytes ?? 512 * 1024 * 1024);
    } catch (e) {
      response = plain(e);
    }
    writeResponse(res, response, {});
  }

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: URLSearchParams,
    rawQuery: string,
  ): Promise<void> {
    const at = clock();
    const method = (req.method ?? 'GET').toUpperCase();
    const requestId = nextRequestId();
    const headers: Record<string, string> = { ...defaults, [REQUEST_ID_HEADER]: requestId };
    let identity: string | undefined;
    let tokens: number | undefined;
    let action: FaultAction | undefined;
    const record = (status: number): void => {
      log.record({
        at,
        method,
        path,
        query: rawQuery,
        status,
        identity,
        requestId,
        durationMs: Math.max(0, clock() - at),
        ...(action ? { fault: action.kind } : {}),
        ...(tokens !== undefined ? { tokens } : {}),
      });
    };
    let response: SandboxResponse;
    try {
      action = faults.match(method, path);
      if (action?.kind === 'reset') {
        req.socket.destroy();
        record(0);
        return;
      }
      if (action?.kind === 'status') {
        const faultHeaders: Record<string, string> = action.retryAfter !== undefined ? { 'retry-after': String(action.retryAfter) } : {};
        const body = action.body ?? formatError({ status: action.status, message: 'Injected fault', code: undefined });
        writeResponse(res, { status: action.status, body, headers: faultHeaders }, headers);
        record(action.status);
        return;
      }
      if (action?.kind === 'delay' && !action.after) await sleep(action.ms);
      identity = options.authenticate ? options.authenticate({ method, path, query, headers: req.headers }) : undefined;
      const decision = limiter.take(identity ?? 'anonymous');
      if (limiter.settings().enabled) tokens = Math.floor(decision.tokens * 100) / 100;
      if (!decision.allowed) {
        const seconds = String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
        throw new HttpError(429, `Rate limit exceeded; retry after ${seconds} s`, undefined, { 'retry-after': seconds });
      }
      const pageFault: PageFault | undefined = action?.kind === 'pageRepeat' ? 'repeat' : action?.kind === 'pageSkip' ? 'skip' : undefined;
      response = await dispatch(api, req, path, query, identity, pageFault, options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT);
    } catch (e) {
      response = errorResponse(e);
    }
    if (action?.kind === 'delay' && action.after) await sleep(action.ms);
    if (action?.kind === 'commitThenReset') {
      req.socket.destroy();
      record(0);
      return;
    }
    const mode: BodyMode = action?.kind === 'truncateBody' ? 'truncate' : action?.kind === 'malformedJson' ? 'malformed' : 'normal';
    writeResponse(res, response, headers, mode, action?.kind === 'truncateBody' ? action.keepBytes : undefined);
    if (response.status === 413) res.on('finish', () => req.socket.destroy());
    record(response.status);
  }

  const handler: NodeHandler = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = normalisePath(url.pathname);
    const rawQuery = url.search.startsWith('?') ? url.search.slice(1) : url.search;
    const run =
      path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)
        ? handleControl(req, res, path, url.searchParams)
        : handleApi(req, res, path, url.searchParams, rawQuery);
    run.catch(() => {
      if (!res.headersSent) writeResponse(res, errorResponse(undefined), { ...defaults, [REQUEST_ID_HEADER]: nextRequestId() });
      else res.socket?.destroy();
    });
  };

  return { handler, log, faults, limiter, control, clock };
}

async function dispatch(
  router: Router,
  req: IncomingMessage,
  path: string,
  query: URLSearchParams,
  identity: string | undefined,
  pageFault: PageFault | undefined,
  bodyLimit: number,
): Promise<SandboxResponse> {
  const method = (req.method ?? 'GET').toUpperCase();
  const found = router.match(method, path);
  if (found.kind === 'not-found') throw new HttpError(404, `No route for ${method} ${path}`);
  if (found.kind === 'method-not-allowed') {
    throw new HttpError(405, `${method} is not allowed on ${path}`, undefined, { allow: found.allowed.join(', ') });
  }
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readJsonBody(req, bodyLimit);
  const request: SandboxRequest = { method, path, params: found.params, query, headers: req.headers, body, identity, pageFault, raw: req };
  return found.route.handler(request);
}
