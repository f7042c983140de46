/** The error half of every response envelope that crosses a process boundary. */
export interface ApiErrorBody {
  /** Stable, machine-readable code, e.g. `settings.exclusive_options`. */
  code: string;
  /** A sentence for the user: what happened, why, and what to do. */
  message: string;
}

/** Envelope for every request/response on IPC, HTTP and in-process transports alike. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
