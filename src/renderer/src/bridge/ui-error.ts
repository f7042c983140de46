/** Errors the UI shows: a stable code plus a sentence with the next step. */
import type { ApiErrorBody } from '../../../shared/api/envelope.ts';

/** An error from a bridge call, carrying the contract's `code` and `message`. */
export class UiError extends Error {
  readonly code: string;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'UiError';
    this.code = body.code;
  }
}

/** Turn anything thrown into a UiError whose message a consultant can act on. */
export function toUiError(error: unknown): UiError {
  if (error instanceof UiError) return error;
  return new UiError({
    code: 'ui.unexpected',
    message: 'Something unexpected went wrong in this window. Reload it (Ctrl+R); if it happens again, report it with what you were doing.',
  });
}
