/** Errors the UI shows: a stable code plus a sentence with the next step, and the safe details behind it. */
import type { ApiErrorBody, ApiErrorDetails } from '../../../shared/api/envelope.ts';

/** An error from a bridge call, carrying the contract's `code`, `message` and (when sent) `details`. */
export class UiError extends Error {
  readonly code: string;
  /** Safe facts for the "Details" disclosure (status, which call, request id, attempts, time); null when none came. */
  readonly details: ApiErrorDetails | null;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'UiError';
    this.code = body.code;
    this.details = detailsOf(body.details);
  }
}

/** Keeps only the known fields of `details`, each with its type (what reaches the page is data, not trust). */
function detailsOf(value: unknown): ApiErrorDetails | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v['at'] !== 'string') return null;
  const text = (key: string): string | undefined => (typeof v[key] === 'string' && v[key] !== '' ? v[key] : undefined);
  const count = (key: string): number | undefined => (typeof v[key] === 'number' && Number.isFinite(v[key]) ? v[key] : undefined);
  const vendor = v['vendor'] === 'lever' || v['vendor'] === 'charthop' ? v['vendor'] : undefined;
  const status = count('status');
  const endpoint = text('endpoint');
  const requestId = text('requestId');
  const attempts = count('attempts');
  return {
    ...(status !== undefined ? { status } : {}),
    ...(endpoint !== undefined ? { endpoint } : {}),
    ...(vendor !== undefined ? { vendor } : {}),
    ...(requestId !== undefined ? { requestId } : {}),
    ...(attempts !== undefined ? { attempts } : {}),
    at: v['at'],
  };
}

/** Turn anything thrown into a UiError whose message a consultant can act on. */
export function toUiError(error: unknown): UiError {
  if (error instanceof UiError) return error;
  return new UiError({
    code: 'ui.unexpected',
    message: 'Something unexpected went wrong in this window. Reload it (Ctrl+R); if it happens again, report it with what you were doing.',
    details: { at: new Date().toISOString() },
  });
}
