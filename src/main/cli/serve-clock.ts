/**
 * The clock of `reqbridge serve`. `REQBRIDGE_SERVE_FAKE_NOW=ISO` (a test hook) starts the
 * scheduler's clock at that instant and lets it run at real speed, so a test can place the
 * process just before a daily run and see the run fire; timers stay real.
 */
import { AppError } from '../core/errors.ts';
import type { SchedulerClock } from '../core/schedule/timers.ts';
import { systemSchedulerClock } from '../core/schedule/timers.ts';

/** The scheduler clock for serve: the system's, or shifted to start at REQBRIDGE_SERVE_FAKE_NOW. */
export function serveClock(env: Readonly<Record<string, string | undefined>>, realNow: () => number = Date.now): SchedulerClock {
  const fake = env.REQBRIDGE_SERVE_FAKE_NOW?.trim();
  if (!fake) return systemSchedulerClock;
  const start = Date.parse(fake);
  if (Number.isNaN(start))
    throw new AppError(
      'cli.usage',
      `REQBRIDGE_SERVE_FAKE_NOW is not a date (${fake}); give an ISO time such as 2026-01-05T05:59:57Z, or unset it.`,
    );
  const offset = start - realNow();
  return { now: () => new Date(realNow() + offset), setTimer: (ms, fn) => systemSchedulerClock.setTimer(ms, fn) };
}
