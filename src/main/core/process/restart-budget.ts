/**
 * How often the core process may be restarted: a crash now and then is restarted, a crash loop is
 * not (each start costs the Sandbox's start-up and the databases' opening, and a core that cannot
 * stay up would only hide why).
 */

/** The bound: at most `max` restarts within `windowMs`. */
export interface RestartLimit {
  max: number;
  windowMs: number;
}

/** The default bound: no more than 3 restarts a minute. */
export const DEFAULT_RESTART_LIMIT: RestartLimit = { max: 3, windowMs: 60_000 };

/** Counts restarts in a sliding window; `take()` is true (and counts one) while the bound allows another. */
export function createRestartBudget(limit: RestartLimit, now: () => number): { take(): boolean } {
  let recent: number[] = [];
  return {
    take() {
      const at = now();
      recent = recent.filter((time) => at - time < limit.windowMs);
      if (recent.length >= limit.max) return false;
      recent.push(at);
      return true;
    },
  };
}
