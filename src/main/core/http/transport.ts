/**
 * The request loop both clients share: wait on the shared rate limiter, send
 * one attempt (per-request timeout, run cancellation), decide, and retry with
 * backoff or Retry-After within the attempt cap and the run's retry budget.
 * 401/403 stop at once. A write whose outcome is unknown is not repeated: it
 * fails with `unknown_outcome` for `createIdempotent` to settle by lookup.
 * A failure carries the last attempt's status and the vendor's request id.
 */
import type { Logger } from '../logging/logger.ts';
import { decide, outcomeOf } from './classify.ts';
import type { AttemptResult, Decision } from './classify.ts';
import { systemClock } from './clock.ts';
import type { HttpClock } from './clock.ts';
import { cancelledFailure, HttpFailure } from './errors.ts';
import type { FailureKind } from './errors.ts';
import type { Vendor } from './limiter-registry.ts';
import { buildUrl } from './query.ts';
import type { QueryParams } from './query.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { nullRecorder } from './recorder.ts';
import type { HttpRecorder } from './recorder.ts';
import { createRetryBudget, parseRetryAfter, retryPolicy, retryWait } from './retry-policy.ts';
import type { RetryBudget, RetryPolicy } from './retry-policy.ts';
import { sendOnce } from './send.ts';

/** HTTP methods the clients use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Facts for a vendor's failure message. */
export interface FailureFacts {
  kind: FailureKind;
  method: HttpMethod;
  /** Path template, e.g. `/requisitions/:id`. */
  route: string;
  endpoint: string;
  status: number | null;
  attempts: number;
  /** The vendor's `message` from an error body, if any. */
  serverMessage: string | null;
  /** Transport detail such as `ECONNRESET`. */
  detail: string | null;
}

/** Turns facts into the sentence the user reads (what happened, why, what to do). */
export type FailureMessages = (facts: FailureFacts) => string;

/** Settings of a transport; one per client (and so per run). */
export interface TransportOptions {
  vendor: Vendor;
  baseUrl: string;
  /** The complete Authorization header value. Never logged, recorded or put in an error. */
  authorization: string;
  limiter: RateLimiter;
  messages: FailureMessages;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
  budget?: RetryBudget;
  clock?: HttpClock;
  recorder?: HttpRecorder;
  /** Stops every call of the run. */
  signal?: AbortSignal;
  /** Per-attempt timeout; default 30 s (also when undefined). */
  timeoutMs?: number | undefined;
}

/** One call. */
export interface TransportRequest {
  method: HttpMethod;
  /** Path relative to the base URL, ids already encoded. */
  path: string;
  /** Path template for messages and permission lookups; default `path`. */
  route?: string;
  query?: QueryParams;
  body?: unknown;
  /** Safe to repeat when the outcome is unknown; default true for every method but POST. */
  idempotent?: boolean;
  /** Statuses handed back instead of thrown (e.g. 404 on delete); `'all'` for probes. */
  passStatuses?: readonly number[] | 'all';
  /** Extra statuses to retry (ChartHop's 202 "snapshot building" on reads). */
  retryStatuses?: readonly number[];
}

/** What a successful call returns: status and parsed JSON (undefined for an empty body). */
export interface TransportResponse {
  status: number;
  body: unknown;
}

/** The outcome of a probe: the status the server answered (never thrown for 4xx). */
export interface ProbeResult {
  status: number;
  serverMessage: string | null;
  /** The parsed body, unvalidated: probes look at the status, and at ids for follow-up probes. */
  body: unknown;
}

/** The shared request loop. */
export interface Transport {
  readonly vendor: Vendor;
  request(request: TransportRequest): Promise<TransportResponse>;
  /** The run's retry budget (shared by every call of this transport). */
  readonly budget: RetryBudget;
  readonly policy: RetryPolicy;
  readonly clock: HttpClock;
  readonly recorder: HttpRecorder;
  readonly signal: AbortSignal | undefined;
}

function serverMessageOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const message = (body as { message?: unknown }).message;
  return typeof message === 'string' && message.trim() !== '' ? message.trim().slice(0, 300) : null;
}

function detailOf(result: AttemptResult): string | null {
  switch (result.type) {
    case 'network':
      return result.code;
    case 'truncated':
      return 'the response body was cut off';
    case 'malformed':
      return 'the response body is not valid JSON';
    case 'timeout':
      return 'no answer within the timeout';
    default:
      return null;
  }
}

/** Creates the request loop for one client. */
export function createTransport(options: TransportOptions): Transport {
  const clock = options.clock ?? systemClock;
  const policy = retryPolicy(options.retry);
  const budget = options.budget ?? createRetryBudget();
  const recorder = options.recorder ?? nullRecorder;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const { vendor, logger, signal } = options;

  const failure = (request: TransportRequest, kind: FailureKind, result: AttemptResult | null, attempts: number): HttpFailure => {
    const route = request.route ?? request.path;
    const endpoint = `${request.method} ${route}`;
    const status =
      result?.type === 'response' || result?.type === 'malformed' ? result.status : result?.type === 'truncated' ? result.status : null;
    const serverMessage = result?.type === 'response' ? serverMessageOf(result.body) : null;
    const requestId =
      result?.type === 'response' || result?.type === 'malformed' || result?.type === 'truncated' ? (result.requestId ?? null) : null;
    const facts: FailureFacts = {
      kind,
      method: request.method,
      route,
      endpoint,
      status,
      attempts,
      serverMessage,
      detail: result ? detailOf(result) : null,
    };
    return new HttpFailure({ vendor, kind, endpoint, status, attempts, serverMessage, requestId, message: options.messages(facts) });
  };

  async function request(req: TransportRequest): Promise<TransportResponse> {
    const endpoint = `${req.method} ${req.route ?? req.path}`;
    const url = buildUrl(options.baseUrl, req.path, req.query);
    const headers: Record<string, string> = { authorization: options.authorization, accept: 'application/json', 'user-agent': 'ReqBridge' };
    // JSON.stringify(undefined) is undefined: a call without a body sends none.
    const body: string | undefined = JSON.stringify(req.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const idempotent = req.idempotent ?? req.method !== 'POST';
    for (let attempt = 1; ; attempt += 1) {
      // A stopped run is refused here: the limiter rejects an aborted signal before reserving a slot.
      const waited = await acquire(endpoint);
      if (waited > 0)
        recorder.record({ type: 'wait', vendor, endpoint, attempt, at: clock.now() - waited, ms: waited, reason: 'rate-limit' });
      const at = clock.now();
      const result = await sendOnce({
        method: req.method,
        url,
        headers,
        timeoutMs,
        ...(signal ? { signal } : {}),
        body,
      });
      const status = result.type === 'response' || result.type === 'malformed' || result.type === 'truncated' ? result.status : null;
      const detail = detailOf(result);
      recorder.record({
        type: 'attempt',
        vendor,
        endpoint,
        attempt,
        at,
        outcome: outcomeOf(result),
        status,
        ...(detail ? { error: detail } : {}),
      });
      const decision: Decision = decide(result, {
        idempotent,
        passStatuses: req.passStatuses ?? [],
        ...(req.retryStatuses ? { retryStatuses: req.retryStatuses } : {}),
      });
      // The shared bucket adapts to what the vendor answers (AIMD; Retry-After honoured).
      if (status === 429) {
        const hold = parseRetryAfter(result.type === 'response' ? result.retryAfter : undefined, clock.now());
        options.limiter.throttled(hold === undefined ? null : Math.min(hold, policy.maxRetryAfterMs));
      } else if (status !== null) options.limiter.succeeded();
      if (decision.action === 'return' && result.type === 'response') return { status: result.status, body: result.body };
      if (decision.action === 'fail') {
        if (decision.kind === 'cancelled') throw cancelledFailure(vendor, endpoint);
        throw failure(req, decision.kind, result, attempt);
      }
      if (decision.action === 'unknown-outcome') {
        logger.warn(
          `${endpoint}: the outcome of this write is unknown (${detail ?? `status ${String(status)}`}); it will be looked up before any resend`,
        );
        throw failure(req, 'unknown_outcome', result, attempt);
      }
      if (decision.action !== 'retry') throw failure(req, 'bad_response', result, attempt);
      if (attempt >= policy.maxAttempts) throw failure(req, decision.kind, result, attempt);
      const retryAfterMs = parseRetryAfter(decision.retryAfter, clock.now());
      const wait = retryWait(attempt, retryAfterMs, policy);
      if (!budget.trySpend(wait.ms)) throw failure(req, 'retry_budget_exhausted', result, attempt);
      logger.info(
        `${endpoint}: ${detail ?? `status ${String(status)}`}; retrying in ${wait.ms} ms (${wait.reason}, attempt ${attempt + 1} of ${policy.maxAttempts})`,
      );
      recorder.record({ type: 'wait', vendor, endpoint, attempt: attempt + 1, at: clock.now(), ms: wait.ms, reason: wait.reason });
      if (wait.ms > 0) await sleep(wait.ms, endpoint);
    }
  }

  async function acquire(endpoint: string): Promise<number> {
    try {
      return await options.limiter.acquire(signal);
    } catch {
      throw cancelledFailure(vendor, endpoint);
    }
  }

  async function sleep(ms: number, endpoint: string): Promise<void> {
    // The clock's sleep only rejects when the run's signal aborted.
    // Stryker disable next-line BlockStatement: swallowing it lets the next acquire() throw this same failure for the aborted signal.
    await clock.sleep(ms, signal).catch(() => {
      throw cancelledFailure(vendor, endpoint);
    });
  }

  return { vendor, request, budget, policy, clock, recorder, signal };
}

/** A probe request: one call whose status is returned instead of thrown (the doctor's permission checks). */
export interface ProbeRequest {
  method: HttpMethod;
  path: string;
  query?: QueryParams;
  body?: unknown;
}

/** Send a probe: safe to repeat; 4xx come back as a status with the server's message (429/5xx are still retried). */
export async function probeVia(transport: Transport, request: ProbeRequest): Promise<ProbeResult> {
  const response = await transport.request({ ...request, route: request.path, idempotent: true, passStatuses: 'all' });
  const message = (response.body as { message?: unknown } | undefined)?.message;
  return { status: response.status, serverMessage: typeof message === 'string' ? message.slice(0, 300) : null, body: response.body };
}

/** The optional transport settings of a client's options, passed on only when set (an unset timeout means the default). */
export function optionalTransportSettings(
  options: Pick<TransportOptions, 'retry' | 'budget' | 'recorder' | 'clock' | 'signal' | 'timeoutMs'>,
): Partial<Pick<TransportOptions, 'retry' | 'budget' | 'recorder' | 'clock' | 'signal' | 'timeoutMs'>> {
  return {
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.budget ? { budget: options.budget } : {}),
    ...(options.recorder ? { recorder: options.recorder } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    timeoutMs: options.timeoutMs,
  };
}
