/**
 * A client-side token bucket, written as GCRA (virtual scheduling): each
 * caller reserves the next free slot and waits for it, so concurrent callers
 * queue in order and the sequence of grants never exceeds `ratePerSecond`
 * beyond a burst of `burst` — the client waits instead of collecting 429s.
 */
import type { HttpClock } from './clock.ts';

/** Steady rate and burst of a bucket. */
export interface RateLimitSettings {
  ratePerSecond: number;
  burst: number;
}

/** Lever's reported limit: 10 requests/s steady, bursts of 20 (lever-api.md §3). */
export const LEVER_RATE_LIMIT: RateLimitSettings = { ratePerSecond: 10, burst: 20 };

/**
 * ChartHop documents no limit (charthop-api.md §1.8); we pace at Lever's figures so a big run
 * never hammers it, and 429s are still retried.
 */
export const CHARTHOP_RATE_LIMIT: RateLimitSettings = { ratePerSecond: 10, burst: 20 };

/** A shared bucket. */
export interface RateLimiter {
  /** Waits for a slot; resolves with the ms waited. Rejects (losing the slot) when `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<number>;
  /** The settings in force. */
  settings(): RateLimitSettings;
  /** Changes rate and burst; waiting callers keep their reserved slots. */
  configure(settings: Partial<RateLimitSettings>): void;
  /** Ms a call made now would wait (0 when a token is available). */
  pendingDelay(): number;
}

/**
 * Safety margin added to every wait, in ms. The server's bucket refills in floating point; a
 * caller arriving exactly when its token is due can find 0.999… tokens there.
 */
const MARGIN_MS = 1;

function checked(settings: RateLimitSettings): RateLimitSettings {
  if (!(settings.ratePerSecond > 0) || !Number.isFinite(settings.ratePerSecond)) throw new RangeError('ratePerSecond must be a positive number');
  if (!(settings.burst >= 1) || !Number.isFinite(settings.burst)) throw new RangeError('burst must be at least 1');
  return { ratePerSecond: settings.ratePerSecond, burst: Math.floor(settings.burst) };
}

/** Creates a bucket that starts full. */
export function createRateLimiter(settings: RateLimitSettings, clock: HttpClock): RateLimiter {
  let current = checked(settings);
  // Theoretical arrival time of the next request; a grant is allowed once now >= tat - tolerance.
  let tat = Number.NEGATIVE_INFINITY;
  const interval = (): number => 1000 / current.ratePerSecond;
  const tolerance = (): number => (current.burst - 1) * interval();

  const delayFor = (allowedAt: number, now: number): number => (allowedAt <= now ? 0 : Math.ceil(allowedAt - now) + MARGIN_MS);

  function reserve(): number {
    const now = clock.now();
    const start = Math.max(tat, now);
    tat = start + interval();
    return delayFor(start - tolerance(), now);
  }

  return {
    async acquire(signal) {
      if (signal?.aborted) throw signal.reason;
      const wait = reserve();
      if (wait > 0) await clock.sleep(wait, signal);
      return wait;
    },
    settings: () => ({ ...current }),
    configure(next) {
      current = checked({ ...current, ...next });
    },
    pendingDelay() {
      const now = clock.now();
      return delayFor(Math.max(tat, now) - tolerance(), now);
    },
  };
}
