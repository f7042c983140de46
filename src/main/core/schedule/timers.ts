/** The timer port of the scheduler: real timers in hosts, a manual clock in tests. */

/** A handle returned by `setTimer`. */
export interface TimerHandle {
  cancel(): void;
}

/** Time and timers, injected so schedules are testable. */
export interface SchedulerClock {
  now(): Date;
  /** Call `fn` after `ms` milliseconds (unref'd: a pending timer never keeps a CLI alive). */
  setTimer(ms: number, fn: () => void): TimerHandle;
}

/** The real clock. Long delays are chunked, so a timer never overflows setTimeout's 24.8-day limit. */
export const systemSchedulerClock: SchedulerClock = {
  now: () => new Date(),
  setTimer(ms, fn) {
    const MAX = 2 ** 31 - 1;
    let handle: ReturnType<typeof setTimeout>;
    const arm = (left: number) => {
      handle = setTimeout(() => (left > MAX ? arm(left - MAX) : fn()), Math.min(left, MAX));
      handle.unref?.();
    };
    arm(Math.max(0, ms));
    return { cancel: () => clearTimeout(handle) };
  },
};
