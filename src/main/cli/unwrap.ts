/** Envelope unwrapping for the CLI: an error envelope becomes an AppError with its code, sentence and details. */
import type { ApiErrorDetails, Envelope } from '../../shared/api/envelope.ts';
import { AppError } from '../core/errors.ts';

/** An error envelope as the CLI throws it: the code and sentence, and the safe facts behind it. */
export class CliApiError extends AppError {
  readonly details: ApiErrorDetails | null;

  constructor(code: string, message: string, details: ApiErrorDetails | null) {
    super(code, message);
    this.details = details;
  }
}

/** The value of an ok envelope; throws the envelope's error otherwise. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new CliApiError(envelope.error.code, envelope.error.message, envelope.error.details ?? null);
  return envelope.value;
}
