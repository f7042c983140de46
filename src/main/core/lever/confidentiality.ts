/**
 * Lever lists only non-confidential records unless asked for
 * `confidentiality=all`, which needs a key with "Allow access to confidential
 * data"; without it Lever refuses the request. Every reader that wants the
 * confidential records too goes through {@link readWithConfidentialFallback}.
 */
import { isHttpFailure } from '../http/errors.ts';

/** What {@link readWithConfidentialFallback} read. */
export interface ConfidentialRead<T> {
  value: T;
  /** False when the key may not read confidential records: `value` then holds only the non-confidential ones. */
  confidentialVisible: boolean;
}

/**
 * Runs `read` with `confidentiality: 'all'`; when Lever refuses that (forbidden or bad
 * request), runs it again with `undefined` — Lever's default, the non-confidential records
 * only — and says so. Any other failure is rethrown. `read` must start afresh on each call.
 */
export async function readWithConfidentialFallback<T>(
  read: (confidentiality: 'all' | undefined) => Promise<T>,
): Promise<ConfidentialRead<T>> {
  try {
    return { value: await read('all'), confidentialVisible: true };
  } catch (error) {
    if (!isHttpFailure(error, 'forbidden', 'bad_request')) throw error;
    return { value: await read(undefined), confidentialVisible: false };
  }
}
