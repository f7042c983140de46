/** Local-time arithmetic of the daily run ("06:00" every morning, on this computer's clock). */

/** The local calendar day of an instant, `YYYY-MM-DD`. */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The instant of `time` ("HH:MM", local) on the local day of `day`. */
export function atLocalTime(day: Date, time: string): Date {
  const [hours, minutes] = time.split(':').map(Number);
  const at = new Date(day);
  at.setHours(hours ?? 0, minutes ?? 0, 0, 0);
  return at;
}

/** The next instant strictly after `now` at which the daily run is due. */
export function nextDailyRun(now: Date, time: string): Date {
  const today = atLocalTime(now, time);
  if (today.getTime() > now.getTime()) return today;
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  return atLocalTime(tomorrow, time);
}

/**
 * True when today's run is due and has not happened: the scheduled time has
 * passed and the last run was on an earlier day. A laptop asleep for days
 * gets one run, not a backlog.
 */
export function isDailyRunDue(now: Date, time: string, lastRunDay: string | null): boolean {
  if (atLocalTime(now, time).getTime() > now.getTime()) return false;
  return lastRunDay === null || lastRunDay < localDay(now);
}
