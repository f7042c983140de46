/**
 * Safe facts about an error, for the "Details" disclosure and for support: never headers, bodies,
 * URLs with query strings or secrets. `endpoint` is a method and path template
 * (`GET /requisitions/:id`), `requestId` the vendor's id of the failed request when its
 * response named one, `at` when the error was reported (ISO 8601).
 */
export interface ApiErrorDetails {
  /** The vendor's HTTP status of the last attempt, when one answered. */
  status?: number;
  /** Which call failed: method and path template, e.g. `POST /requisitions`. */
  endpoint?: string;
  vendor?: 'lever' | 'charthop';
  /** The vendor's request id (`x-request-id` …), to quote to its support. */
  requestId?: string;
  /** How many attempts were made (retries included). */
  attempts?: number;
  /** When the error was reported, ISO 8601. */
  at: string;
}

/** The error half of every response envelope that crosses a process boundary. */
export interface ApiErrorBody {
  /** Stable, machine-readable code, e.g. `settings.exclusive_options`. */
  code: string;
  /** A sentence for the user: what happened, why, and what to do. */
  message: string;
  /** Safe facts behind the sentence (set by the dispatcher); absent on errors made outside it. */
  details?: ApiErrorDetails;
}

/** Envelope for every request/response on IPC, HTTP and in-process transports alike. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
