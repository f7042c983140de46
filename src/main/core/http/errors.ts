/**
 * The one error type the API clients throw: an AppError (stable code + a
 * sentence for the user) with the facts a caller branches on — vendor, kind,
 * endpoint, status, attempts — and the vendor's request id when its response
 * named one (for support). It never carries a request, headers or the raw
 * transport error, so nothing secret can ride along in `cause`.
 */
import { AppError } from '../errors.ts';
import type { Vendor } from './limiter-registry.ts';

/** What went wrong, independent of the vendor. */
export type FailureKind =
  | 'unauthorized' // 401: the credential was rejected
  | 'forbidden' // 403: valid credential, missing permission
  | 'not_found'
  | 'bad_request' // 400/409/422 and other non-retryable 4xx
  | 'rate_limited' // 429 after every retry
  | 'unavailable' // 5xx after every retry
  | 'unreachable' // connection errors after every retry
  | 'timeout' // per-request timeout after every retry
  | 'bad_response' // truncated or malformed JSON
  | 'unexpected_response' // JSON that does not match the schema
  | 'unknown_outcome' // a write that may or may not have happened
  | 'cancelled'
  | 'retry_budget_exhausted';

/** Human names of the vendors, for messages. */
export const VENDOR_LABEL: Record<Vendor, string> = { lever: 'Lever', charthop: 'ChartHop' };

/** Facts of a failure. */
export interface HttpFailureInit {
  vendor: Vendor;
  kind: FailureKind;
  endpoint: string;
  message: string;
  status?: number | null;
  attempts?: number;
  serverMessage?: string | null;
  /** The vendor's id of the (last) request, from its response headers. */
  requestId?: string | null;
}

/** A failed API call, as the clients report it. `code` is `<vendor>.<kind>`. */
export class HttpFailure extends AppError {
  readonly vendor: Vendor;
  readonly kind: FailureKind;
  /** Method and path template, e.g. `POST /requisitions`. */
  readonly endpoint: string;
  readonly status: number | null;
  readonly attempts: number;
  /** The vendor's own error message, when it sent one. */
  readonly serverMessage: string | null;
  /** The vendor's id of the last attempt's request, when its response carried one (`x-request-id` …). */
  readonly requestId: string | null;

  constructor(init: HttpFailureInit) {
    super(`${init.vendor}.${init.kind}`, init.message);
    this.vendor = init.vendor;
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.status = init.status ?? null;
    this.attempts = init.attempts ?? 1;
    this.serverMessage = init.serverMessage ?? null;
    this.requestId = init.requestId ?? null;
  }
}

/** True when `error` is an {@link HttpFailure} (optionally of one of `kinds`). */
export function isHttpFailure(error: unknown, ...kinds: FailureKind[]): error is HttpFailure {
  return error instanceof HttpFailure && (kinds.length === 0 || kinds.includes(error.kind));
}

/** The failure a cancelled call rejects with. */
export function cancelledFailure(vendor: Vendor, endpoint: string): HttpFailure {
  return new HttpFailure({
    vendor,
    kind: 'cancelled',
    endpoint,
    message: `${VENDOR_LABEL[vendor]} call ${endpoint} was cancelled because the run was stopped.`,
  });
}
