/**
 * Run Daily: each profile with the option on runs every morning at its own
 * local time. A laptop asleep or off at that time runs the missed run once on
 * wake or start — never twice for the same day, never a backlog of days. The
 * last run day is persisted per profile, so restarts do not repeat a run; a
 * run that failed counts as that day's run too (its failures are in the run
 * log). A schedule seen for the first time waits for its next morning.
 */
import type { Logger } from '../logging/logger.ts';
import { isDailyRunDue, localDay, nextDailyRun } from './daily-time.ts';
import type { SchedulerClock, TimerHandle } from './timers.ts';

/** A profile's schedule as the scheduler needs it. */
export interface DailySchedule {
  profileId: string;
  profileName: string;
  /** Run Daily is on. */
  enabled: boolean;
  /** Local "HH:MM". */
  time: string;
}

/** Where the last run day of each profile is kept (the profile's state DB). */
export interface LastRunStore {
  get(profileId: string): string | null;
  set(profileId: string, day: string): void;
}

/** Why a daily run started. */
export type DailyReason = 'scheduled' | 'catch-up';

/** The scheduler's view for the tray and the home screen. */
export interface NextRun {
  profileId: string;
  profileName: string;
  at: Date;
}

/** The Run Daily scheduler. */
export interface DailyScheduler {
  /** Arm timers, and run once now for each profile whose run today was missed. */
  start(): void;
  /** After sleep: run missed runs once, then re-arm (timers may have drifted). */
  resume(): void;
  /** Re-read schedules (after settings changed) and re-arm. */
  refresh(): void;
  stop(): void;
  /** Pause or resume every schedule (tray "Pause schedules"). */
  setPaused(paused: boolean): void;
  isPaused(): boolean;
  nextRuns(): NextRun[];
}

/**
 * Create the scheduler. `runDaily` does the work (metrics, catch-up, inbound, reconcile) and
 * reports its own failures (run log, `run:finished`); the scheduler only decides when it runs.
 */
export function createDailyScheduler(deps: {
  clock: SchedulerClock;
  schedules: () => DailySchedule[];
  lastRun: LastRunStore;
  runDaily: (profileId: string, reason: DailyReason) => Promise<unknown>;
  logger: Logger;
}): DailyScheduler {
  const timers = new Map<string, TimerHandle>();
  let paused = false;
  let stopped = true;

  function runNow(schedule: DailySchedule, reason: DailyReason): void {
    // Mark the day first: a daily run that fails still counts as that day's run — it is not
    // repeated every minute, on wake or at the next start. It is reported instead: `runDaily`
    // (the schedule service) records each failed step in the profile's run log with
    // `run:finished`, which raises the notification. Only its own crash is left to this log line.
    deps.lastRun.set(schedule.profileId, localDay(deps.clock.now()));
    deps
      .runDaily(schedule.profileId, reason)
      .catch((error: unknown) => deps.logger.error(`Daily run of ${schedule.profileName} failed`, error));
  }

  /**
   * The last run day, or a baseline the first time a schedule is seen: turning Run Daily on (or
   * a first launch) never fires at once — the first run is the next scheduled time.
   */
  function lastRunDay(schedule: DailySchedule, now: Date): string {
    const known = deps.lastRun.get(schedule.profileId);
    if (known !== null) return known;
    const yesterday = new Date(now);
    yesterday.setDate(yesterday.getDate() - 1);
    const baseline = isDailyRunDue(now, schedule.time, null) ? localDay(now) : localDay(yesterday);
    deps.lastRun.set(schedule.profileId, baseline);
    return baseline;
  }

  /** Runs each enabled schedule whose time today has passed and whose run today has not happened. */
  function runDue(reason: DailyReason): void {
    if (paused) return;
    const now = deps.clock.now();
    for (const schedule of deps.schedules()) {
      if (schedule.enabled && isDailyRunDue(now, schedule.time, lastRunDay(schedule, now))) runNow(schedule, reason);
    }
  }

  const catchUp = (): void => runDue('catch-up');

  function arm(): void {
    for (const timer of timers.values()) timer.cancel();
    timers.clear();
    if (stopped || paused) return;
    const now = deps.clock.now();
    for (const schedule of deps.schedules()) {
      if (!schedule.enabled) continue;
      lastRunDay(schedule, now);
      const at = nextDailyRun(now, schedule.time);
      timers.set(
        schedule.profileId,
        deps.clock.setTimer(at.getTime() - now.getTime(), () => {
          // Every schedule that is due, not only this one: arm() below re-arms the others from now on, so one
          // whose time came at the same moment (two profiles at 06:00) or passed while this timer was late
          // would otherwise be moved to tomorrow and lose its day.
          runDue('scheduled');
          arm();
        }),
      );
    }
  }

  return {
    start() {
      stopped = false;
      catchUp();
      arm();
    },
    resume() {
      if (stopped) return;
      catchUp();
      arm();
    },
    refresh: () => arm(),
    stop() {
      stopped = true;
      arm();
    },
    setPaused(value) {
      paused = value;
      if (!paused) catchUp();
      arm();
    },
    isPaused: () => paused,
    nextRuns() {
      if (paused || stopped) return [];
      const now = deps.clock.now();
      return deps
        .schedules()
        .filter((s) => s.enabled)
        .map((s) => ({ profileId: s.profileId, profileName: s.profileName, at: nextDailyRun(now, s.time) }))
        .sort((a, b) => a.at.getTime() - b.at.getTime());
    },
  };
}
