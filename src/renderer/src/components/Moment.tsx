/**
 * Times and durations as the screens show them, in `<time>` elements: "2 minutes ago" with the full date and time
 * in its title, a near weekday and time, or how long a run took. Every clock-dependent text is one of these, or
 * sits in an element marked `data-clock`, so screenshot comparisons can hide what changes with the clock
 * (test/e2e/snap.ts).
 */
import { fullTime, shortDayTime, timeAgo } from '../lib/format.ts';
import { formatDuration } from '../lib/run-format.ts';

/** "2 minutes ago", the full time in its title; nothing for null. */
export function Ago({ iso, className }: { iso: string | null; className?: string }) {
  if (!iso) return null;
  return (
    <time dateTime={iso} title={fullTime(iso)} className={className}>
      {timeAgo(iso)}
    </time>
  );
}

/** "Mon 06:00", the full time in its title. */
export function DayTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={fullTime(iso)}>
      {shortDayTime(iso)}
    </time>
  );
}

/** The full local date and time. */
export function FullTime({ iso }: { iso: string | null }) {
  if (!iso) return null;
  return <time dateTime={iso}>{fullTime(iso)}</time>;
}

/** How long something took, e.g. "1.2 s". */
export function Took({ startedAt, finishedAt }: { startedAt: string; finishedAt: string | null }) {
  return <time>{formatDuration(startedAt, finishedAt)}</time>;
}
