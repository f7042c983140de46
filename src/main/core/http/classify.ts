/**
 * What one attempt's result means for the retry loop: done, retry, stop with
 * an error, or "the write may have happened" (never blindly repeated).
 */
import type { FailureKind } from './errors.ts';
import type { AttemptOutcome } from './recorder.ts';

/**
 * The result of one attempt, before any decision. `requestId` is the vendor's id of the request
 * when its response named one (see `requestIdOf` in send.ts); null when it did not.
 */
export type AttemptResult =
  | { type: 'response'; status: number; body: unknown; retryAfter: string | undefined; requestId: string | null }
  | { type: 'malformed'; status: number; requestId?: string | null }
  | { type: 'truncated'; status: number | null; requestId?: string | null }
  | { type: 'network'; code: string; sent: boolean }
  | { type: 'timeout' }
  | { type: 'cancelled' };

/** What the loop does next. */
export type Decision =
  | { action: 'return' }
  | { action: 'retry'; kind: FailureKind; retryAfter: string | undefined }
  | { action: 'unknown-outcome' }
  | { action: 'fail'; kind: FailureKind };

/** Connection errors raised before anything reached the server: safe to retry for any method. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL']);

/** True when a network error code proves the request never left. */
export function neverSent(code: string): boolean {
  return NEVER_SENT.has(code);
}

/** Statuses worth another try (the request may succeed later). 429 means "not processed". */
const TRANSIENT = new Set([408, 500, 502, 503, 504]);

/** Options that change the decision. */
export interface DecideOptions {
  /** Safe to repeat when the outcome is unknown. */
  idempotent: boolean;
  /** Statuses the caller wants back instead of an error. */
  passStatuses: readonly number[] | 'all';
  /** Extra retryable statuses for this request (ChartHop's 202 "snapshot building" on reads). */
  retryStatuses?: readonly number[];
}

function statusKind(status: number): FailureKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  // Stryker disable next-line ConditionalExpression: decide() retries a 429 before it asks for a failure kind, so this line is never reached with 429.
  if (status === 429) return 'rate_limited';
  // Stryker disable next-line EqualityOperator: 500 is transient and retried before it asks for a failure kind, so >= and > agree here.
  if (status >= 500) return 'unavailable';
  return 'bad_request';
}

/** Decides what to do with one attempt's result. */
export function decide(result: AttemptResult, options: DecideOptions): Decision {
  const ambiguous = (kind: FailureKind): Decision =>
    options.idempotent ? { action: 'retry', kind, retryAfter: undefined } : { action: 'unknown-outcome' };
  switch (result.type) {
    case 'cancelled':
      return { action: 'fail', kind: 'cancelled' };
    case 'timeout':
      return ambiguous('timeout');
    case 'network':
      if (!result.sent) return { action: 'retry', kind: 'unreachable', retryAfter: undefined };
      return ambiguous('unreachable');
    case 'truncated':
    case 'malformed':
      return ambiguous('bad_response');
    case 'response': {
      const { status } = result;
      if (options.retryStatuses?.includes(status)) return { action: 'retry', kind: 'unavailable', retryAfter: result.retryAfter };
      if (status >= 200 && status < 300) return { action: 'return' };
      if (status === 429) return { action: 'retry', kind: 'rate_limited', retryAfter: result.retryAfter };
      if (TRANSIENT.has(status)) {
        if (!options.idempotent) return { action: 'unknown-outcome' };
        return { action: 'retry', kind: status === 408 ? 'timeout' : 'unavailable', retryAfter: result.retryAfter };
      }
      if (options.passStatuses === 'all' || options.passStatuses.includes(status)) return { action: 'return' };
      // 401 and 403 are never retried: the same credential will be refused again.
      return { action: 'fail', kind: statusKind(status) };
    }
  }
}

/** The outcome label recorded for an attempt. */
export function outcomeOf(result: AttemptResult): AttemptOutcome {
  switch (result.type) {
    case 'response':
      return result.status >= 200 && result.status < 300 ? 'ok' : 'http-error';
    case 'malformed':
    case 'truncated':
      return 'bad-response';
    case 'network':
      return 'network-error';
    case 'timeout':
      return 'timeout';
    case 'cancelled':
      return 'cancelled';
  }
}
