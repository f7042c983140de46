/** The "Next run" line of the top bar, and each Home card's schedule, from the profile's options and the schedule status. */
import type { ScheduleStatus } from '../../../shared/api/domains/schedule.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import { shortDayTime, timeAgo } from './format.ts';

/** "Daily at 06:00 — next in 5 hours (Tue 06:00)", "Schedules paused", or why there is none. */
export function nextRunText(settings: ProfileSettings, schedule: ScheduleStatus | null): string {
  if (!settings.options.runDaily) return 'No daily run (Run Daily is off)';
  const daily = `Daily at ${settings.dailyRunTime}`;
  if (!schedule) return daily;
  if (schedule.paused) return 'Schedules paused';
  if (!schedule.active) return `${daily}, while the desktop app runs`;
  const next = schedule.nextRuns.find((run) => run.profileId === settings.id);
  return next ? `${daily} — next ${timeAgo(next.at)} (${shortDayTime(next.at)})` : daily;
}

/** A Home card's schedule in words; `tone` colours the next run (amber when paused). */
export interface ScheduleView {
  runDaily: string;
  nextRun: string;
  /** The next run's ISO time, for its title attribute. */
  nextAt: string | null;
  syncOnChange: string;
  tone: 'ok' | 'warn' | 'off';
}

/** "; last checked 2 minutes ago" once Sync On Change has read ChartHop (a check with nothing to do records no run), else "". */
function lastPollText(profileId: string, schedule: ScheduleStatus | null): string {
  const poll = schedule?.lastPolls?.find((p) => p.profileId === profileId);
  return poll ? `. Last checked ${timeAgo(poll.at)}` : '';
}

/** What a profile's card says about Run Daily, its next run and Sync On Change. */
export function scheduleView(settings: ProfileSettings, schedule: ScheduleStatus | null): ScheduleView {
  const { runDaily, syncOnChange, reverseSync } = settings.options;
  const paused = schedule?.paused === true;
  const watching = syncOnChange && !reverseSync && settings.sourceOfTruth === 'charthop';
  const onChange = !syncOnChange
    ? 'Off'
    : !watching
      ? 'On, but idle: it pushes ChartHop changes, so it needs ChartHop as the source of truth'
      : paused
        ? 'On — paused with the schedules'
        : `On — ChartHop is checked every ${settings.syncOnChangeIntervalSeconds} s while ReqBridge runs; changes go to Lever${lastPollText(settings.id, schedule)}`;
  const view = { runDaily: runDaily ? `On, at ${settings.dailyRunTime} (this computer’s time)` : 'Off', syncOnChange: onChange };
  if (!runDaily) return { ...view, nextRun: 'None — Run Daily is off', nextAt: null, tone: 'off' };
  if (paused) return { ...view, nextRun: 'Schedules paused — nothing runs until you resume', nextAt: null, tone: 'warn' };
  if (schedule && !schedule.active)
    return { ...view, nextRun: `Daily at ${settings.dailyRunTime}, while the desktop app runs`, nextAt: null, tone: 'ok' };
  const next = schedule?.nextRuns.find((run) => run.profileId === settings.id);
  if (!next) return { ...view, nextRun: `Daily at ${settings.dailyRunTime}`, nextAt: null, tone: 'ok' };
  return { ...view, nextRun: `${shortDayTime(next.at)} — ${timeAgo(next.at)}`, nextAt: next.at, tone: 'ok' };
}
