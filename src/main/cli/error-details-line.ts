/** The CLI's "Details:" line under an error: the same safe facts as the app's Details disclosure, for a support ticket. */
import type { ApiErrorDetails } from '../../shared/api/envelope.ts';
import { errorFactRows } from '../../shared/api/error-facts.ts';

/**
 * "Details: HTTP status 401 · Call Lever GET /requisitions · Request id … · Attempts 1 · Time …", or null
 * when the error has no vendor call behind it (its time alone says nothing a reader needs).
 */
export function errorDetailsLine(details: ApiErrorDetails | null | undefined): string | null {
  if (!details?.vendor) return null;
  // Times stay ISO 8601 here: a log or a ticket is read in other time zones.
  const rows = errorFactRows({ message: '', details }, () => '');
  return `Details: ${rows.map((row) => `${row.label} ${row.copied}`).join(' · ')}`;
}
