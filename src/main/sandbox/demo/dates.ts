// Date arithmetic for the generator (UTC, ChartHop `YYYY-MM-DD`, Lever ms).

/** One day in ms. */
export const DAY = 86_400_000;

/** The UTC date of an instant. */
export function isoDateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** ISO timestamp without milliseconds (ChartHop's `createAt` style). */
export function isoTimeOf(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Midnight UTC of a `YYYY-MM-DD` date, in ms. */
export function msOfDate(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** `date` shifted by `days`. */
export function shiftDate(date: string, days: number): string {
  return isoDateOf(msOfDate(date) + days * DAY);
}
