/**
 * The rows of an error's "Details" — the renderer's disclosure and "Copy details", the CLI's
 * "Details:" line: code, HTTP status, which call (vendor + endpoint), request id, attempts and
 * time, each only when known. Only the safe facts the core sent; nothing here reads headers or bodies.
 */
import type { ApiErrorDetails } from './envelope.ts';

/** Turns the ISO time into the local wording a reader sees ('' when it cannot). */
export type TimeWording = (iso: string) => string;

/** What a details view shows: a code (absent for a run's error) and the facts behind it. */
export interface ErrorFactsInput {
  message: string;
  code?: string | null;
  details?: ApiErrorDetails | null;
}

/** One row of the details list: its label, the text shown, and the text copied. */
export interface ErrorFactRow {
  key: 'code' | 'status' | 'call' | 'requestId' | 'attempts' | 'time';
  label: string;
  shown: string;
  copied: string;
}

const VENDOR_NAMES: Record<NonNullable<ApiErrorDetails['vendor']>, string> = { lever: 'Lever', charthop: 'ChartHop' };

/** The rows that are known, in display order. */
export function errorFactRows({ code, details }: ErrorFactsInput, localTime: TimeWording): ErrorFactRow[] {
  const rows: ErrorFactRow[] = [];
  if (code) rows.push({ key: 'code', label: 'Error code', shown: code, copied: code });
  if (details?.status !== undefined)
    rows.push({ key: 'status', label: 'HTTP status', shown: String(details.status), copied: String(details.status) });
  const call = [details?.vendor ? VENDOR_NAMES[details.vendor] : null, details?.endpoint ?? null]
    .filter((part): part is string => Boolean(part))
    .join(' ');
  if (call) rows.push({ key: 'call', label: 'Call', shown: call, copied: call });
  if (details?.requestId) rows.push({ key: 'requestId', label: 'Request id', shown: details.requestId, copied: details.requestId });
  if (details?.attempts !== undefined)
    rows.push({ key: 'attempts', label: 'Attempts', shown: String(details.attempts), copied: String(details.attempts) });
  if (details?.at) {
    const local = localTime(details.at);
    rows.push({ key: 'time', label: 'Time', shown: local || details.at, copied: local ? `${details.at} (${local})` : details.at });
  }
  return rows;
}

/** The plain-text block for support: the sentence, then one "Label: value" line per known fact. */
export function errorFactsText(input: ErrorFactsInput, localTime: TimeWording): string {
  const lines = [
    'ReqBridge error',
    `Message: ${input.message}`,
    ...errorFactRows(input, localTime).map((row) => `${row.label}: ${row.copied}`),
  ];
  return `${lines.join('\n')}\n`;
}
