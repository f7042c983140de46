/**
 * A failure with ChartHop's HTTP status and message. The server turns it into
 * the observed error body `{ "code": <status>, "message": "<text>" }`.
 */
export class ChartHopError extends Error {
  /** HTTP status (400, 401, 403, 404, 409). */
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'ChartHopError';
    this.status = status;
  }
}

/** 400 with a message. */
export function badRequest(message: string): ChartHopError {
  return new ChartHopError(400, message);
}

/** 404 with a message naming what was not found. */
export function notFound(message: string): ChartHopError {
  return new ChartHopError(404, message);
}

/** 409 with a message. */
export function conflict(message: string): ChartHopError {
  return new ChartHopError(409, message);
}

/** 403 with a message. */
export function forbidden(message: string): ChartHopError {
  return new ChartHopError(403, message);
}
