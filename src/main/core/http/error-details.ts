/**
 * The safe facts of an error for the user's "Details" disclosure and the run log: vendor, endpoint
 * (method + path template), status, attempts and the vendor's request id when the error is — or was
 * caused by — an {@link HttpFailure}, and always the time. Nothing else is read from the error: no
 * message, headers, body or URL, so no secret can ride along. The textual facts still go through the
 * redactor and are bounded, in case a path template or a vendor's request id held something odd.
 */
import type { ApiErrorDetails } from '../../../shared/api/envelope.ts';
import { HttpFailure } from './errors.ts';

/** How deep the `cause` chain is followed (an AppError wrapping an HttpFailure is one step). */
const MAX_CAUSE_DEPTH = 5;

/** The HttpFailure behind `error`: itself, or the nearest one in its `cause` chain. */
export function httpFailureBehind(error: unknown): HttpFailure | null {
  let current: unknown = error;
  for (let depth = 0; depth <= MAX_CAUSE_DEPTH && current instanceof Error; depth += 1) {
    if (current instanceof HttpFailure) return current;
    current = current.cause;
  }
  return null;
}

function safeText(text: string, redact: (text: string) => string, max: number): string | undefined {
  const clean = redact(text).replace(/\s+/g, ' ').trim().slice(0, max);
  return clean === '' ? undefined : clean;
}

/** The details of `error` reported at `at`; `redact` masks known secrets (the core's redactor). */
export function errorDetailsOf(error: unknown, at: Date, redact: (text: string) => string = (text) => text): ApiErrorDetails {
  const failure = httpFailureBehind(error);
  if (!failure) return { at: at.toISOString() };
  // An endpoint is a method and a path template: never a query string or fragment.
  // Stryker disable next-line StringLiteral: split with a limit of 1 always yields one string, so the fallback is never used
  const endpoint = safeText(failure.endpoint.split(/[?#]/, 1)[0] ?? '', redact, 200);
  const requestId = failure.requestId === null ? undefined : safeText(failure.requestId, redact, 128);
  return {
    vendor: failure.vendor,
    ...(endpoint !== undefined ? { endpoint } : {}),
    ...(failure.status !== null ? { status: failure.status } : {}),
    ...(requestId !== undefined ? { requestId } : {}),
    attempts: failure.attempts,
    at: at.toISOString(),
  };
}
