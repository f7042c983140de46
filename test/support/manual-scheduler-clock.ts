/** A manual clock with timers for scheduler tests: time moves only when the test says so. */
import type { SchedulerClock, TimerHandle } from '../../src/main/core/schedule/timers.ts';

/** A controllable clock. `advance` fires due timers in order; `jump` moves time without firing (sleep). */
export interface ManualSchedulerClock extends SchedulerClock {
  advance(ms: number): void;
  /** Move time forward without firing timers, as a suspended laptop does. */
  jump(ms: number): void;
  pending(): number;
}

/** Create a manual clock starting at `start`. */
export function createManualSchedulerClock(start: Date): ManualSchedulerClock {
  let now = start.getTime();
  let nextId = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => new Date(now),
    setTimer(ms, fn): TimerHandle {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), fn });
      return { cancel: () => void timers.delete(id) };
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].fn();
      }
      now = end;
    },
    jump(ms) {
      now += ms;
    },
    pending: () => timers.size,
  };
}
