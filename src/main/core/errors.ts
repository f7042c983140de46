/**
 * An error meant for the user: a stable code plus a sentence that says what
 * happened, why, and what to do. Anything else that escapes a handler is
 * reported as `internal` without its details (which may hold secrets).
 */
export class AppError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

/** True when the value is an AppError (also across module copies). */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError || (value instanceof Error && value.name === 'AppError' && typeof (value as AppError).code === 'string');
}
