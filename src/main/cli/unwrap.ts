/** Envelope unwrapping for the CLI: an error envelope becomes an AppError with its code and sentence. */
import type { Envelope } from '../../shared/api/envelope.ts';
import { AppError } from '../core/errors.ts';

/** The value of an ok envelope; throws the envelope's error otherwise. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new AppError(envelope.error.code, envelope.error.message);
  return envelope.value;
}
