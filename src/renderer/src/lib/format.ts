/** Small formatting helpers for dates and secret hints. */

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

const STEPS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "2 minutes ago" for an ISO time; an empty string for null or an unreadable value. */
export function timeAgo(iso: string | null, now: Date = new Date()): string {
  if (!iso) return '';
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return '';
  let amount = (then.getTime() - now.getTime()) / 1000;
  if (Math.abs(amount) < 5) return 'just now';
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
    amount /= size;
  }
  return then.toLocaleString();
}

/** The full local date and time of an ISO time, for a title attribute. */
export function fullTime(iso: string | null): string {
  if (!iso) return '';
  const then = new Date(iso);
  return Number.isNaN(then.getTime()) ? '' : then.toLocaleString();
}

/** How a set secret is shown: four dots and its last four characters. */
export function maskedSecret(last4: string | null): string {
  return `•••• ${last4 ?? ''}`.trim();
}

/** "Mon 06:00": a near date's weekday and time. */
export function shortDayTime(iso: string): string {
  const then = new Date(iso);
  return Number.isNaN(then.getTime()) ? '' : then.toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
}
