/** The "Next run" line of the top bar and Home, from the profile's options and the schedule status. */
import type { ScheduleStatus } from '../../../shared/api/domains/schedule.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import { shortDayTime, timeAgo } from './format.ts';

/** "Daily at 06:00 — next in 5 hours (Tue 06:00)", or why there is none. */
export function nextRunText(settings: ProfileSettings, schedule: ScheduleStatus | null): string {
  if (!settings.options.runDaily) return 'No daily run (Run Daily is off)';
  const daily = `Daily at ${settings.dailyRunTime}`;
  if (!schedule) return daily;
  if (!schedule.active) return `${daily}, while the app runs`;
  if (schedule.paused) return `${daily} — schedules are paused`;
  const next = schedule.nextRuns.find((run) => run.profileId === settings.id);
  return next ? `${daily} — next ${timeAgo(next.at)} (${shortDayTime(next.at)})` : daily;
}
