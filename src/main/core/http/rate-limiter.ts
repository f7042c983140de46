/**
 * A client-side token bucket, written as GCRA (virtual scheduling): each
 * caller reserves the next free slot and waits for it, so concurrent callers
 * queue in order and the sequence of grants never exceeds the rate beyond a
 * burst of `burst` — the client waits instead of collecting 429s.
 *
 * The rate adapts (AIMD): it starts at 90 % of the configured (documented)
 * rate, leaving headroom for timing jitter and for other clients of the same
 * key. A 429 remembers 75 % of the rate the server refused as a ceiling; with
 * `Retry-After` every grant is held until then and the pace resumes at the
 * ceiling; without, the rate halves (and the burst credit is dropped). Each
 * success adds back a small step, up to that ceiling for two minutes after
 * the last 429 and to the 90 % target after that — so another client sharing
 * the key keeps its share, and a quiet key gets its full pace back.
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

/** The share of the configured rate the bucket aims for: headroom for jitter and other clients of the key. */
export const TARGET_SHARE = 0.9;

/** The rate never falls below this share of the configured one, however many 429s arrive. */
export const FLOOR_SHARE = 0.05;

/** Each success adds back this share of the configured rate (additive increase), below the ceiling. */
export const RECOVERY_STEP_SHARE = 0.01;

/** After a bare 429, the rate climbs quickly only up to this share of the rate the server refused. */
export const CEILING_SHARE = 0.75;

/** How long the ceiling holds after the last 429; then the rate may climb to the 90 % target again. */
export const CEILING_HOLD_MS = 120_000;

/** A shared bucket. */
export interface RateLimiter {
  /** Waits for a slot; resolves with the ms waited. Rejects (losing the slot) when `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<number>;
  /** The settings in force (the configured rate, not the adapted one). */
  settings(): RateLimitSettings;
  /** Requests per second granted now (adapted: 90 % of the configured rate unless 429s lowered it). */
  currentRate(): number;
  /**
   * The server answered 429: with `retryAfterMs`, no grant before then; without, the rate halves
   * (multiplicative decrease) and the burst credit is dropped.
   */
  throttled(retryAfterMs?: number | null): void;
  /** A call went through (not 429): the rate steps back up towards its target (additive increase). */
  succeeded(): void;
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
  if (!(settings.ratePerSecond > 0) || !Number.isFinite(settings.ratePerSecond))
    throw new RangeError('ratePerSecond must be a positive number');
  if (!(settings.burst >= 1) || !Number.isFinite(settings.burst)) throw new RangeError('burst must be at least 1');
  return { ratePerSecond: settings.ratePerSecond, burst: Math.floor(settings.burst) };
}

/** Creates a bucket that starts full. */
export function createRateLimiter(settings: RateLimitSettings, clock: HttpClock): RateLimiter {
  let current = checked(settings);
  let rate = current.ratePerSecond * TARGET_SHARE;
  // Below where the last 429 came, until `ceilingUntil`: recovery stops there meanwhile.
  let ceiling = rate;
  let ceilingUntil = Number.NEGATIVE_INFINITY;
  // Theoretical arrival time of the next request; a grant is allowed once now >= tat - tolerance.
  let tat = Number.NEGATIVE_INFINITY;
  const interval = (): number => 1000 / rate;
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
    currentRate: () => rate,
    configure(next) {
      const share = rate / current.ratePerSecond;
      const ceilingShare = ceiling / current.ratePerSecond;
      current = checked({ ...current, ...next });
      rate = current.ratePerSecond * share;
      ceiling = current.ratePerSecond * ceilingShare;
    },
    throttled(retryAfterMs) {
      const now = clock.now();
      const floor = current.ratePerSecond * FLOOR_SHARE;
      // Either way the rate that met the 429 was too high for this key now: remember below it.
      ceiling = Math.max(floor, rate * CEILING_SHARE);
      ceilingUntil = now + CEILING_HOLD_MS;
      if (retryAfterMs !== undefined && retryAfterMs !== null && retryAfterMs > 0) {
        // The server said when: nobody is granted before then, the burst starts empty, and the
        // pace resumes at the ceiling rather than half of it.
        rate = Math.min(rate, ceiling);
        tat = Math.max(tat, now + retryAfterMs + tolerance());
        return;
      }
      rate = Math.max(floor, rate / 2);
      tat = Math.max(tat, now + tolerance() + interval());
    },
    succeeded() {
      const target = current.ratePerSecond * TARGET_SHARE;
      const cap = clock.now() < ceilingUntil ? Math.min(ceiling, target) : target;
      rate = Math.max(Math.min(rate, target), Math.min(cap, rate + current.ratePerSecond * RECOVERY_STEP_SHARE));
    },
    pendingDelay() {
      const now = clock.now();
      return delayFor(Math.max(tat, now) - tolerance(), now);
    },
  };
}
