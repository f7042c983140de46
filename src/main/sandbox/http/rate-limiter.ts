import type { Clock } from './types.ts';

/** Token-bucket settings. Defaults follow Lever's reported limits: 10 req/s steady, bursts of 20. */
export interface RateLimitSettings {
  ratePerSecond: number;
  burst: number;
  enabled: boolean;
}

/** Outcome of taking one token: allowed, tokens left, and how long until a token is available. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  readonly tokens: number;
  readonly retryAfterMs: number;
}

/** A token-bucket limiter keyed by credential identity. */
export interface RateLimiter {
  take(key: string): RateLimitDecision;
  configure(settings: Partial<RateLimitSettings>): void;
  settings(): RateLimitSettings;
  /** Refills one bucket (or all) to the full burst. */
  reset(key?: string): void;
}

/** Default Lever-like settings. */
export const DEFAULT_RATE_LIMIT: RateLimitSettings = { ratePerSecond: 10, burst: 20, enabled: true };

/** Creates a limiter; buckets start full and refill continuously at `ratePerSecond`. */
export function createRateLimiter(settings: Partial<RateLimitSettings> = {}, clock: Clock = Date.now): RateLimiter {
  let current: RateLimitSettings = validate({ ...DEFAULT_RATE_LIMIT, ...settings });
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const now = clock();
      if (!current.enabled) return { allowed: true, tokens: current.burst, retryAfterMs: 0 };
      const bucket = buckets.get(key) ?? { tokens: current.burst, at: now };
      const elapsed = Math.max(0, now - bucket.at) / 1000;
      bucket.tokens = Math.min(current.burst, bucket.tokens + elapsed * current.ratePerSecond);
      bucket.at = now;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, tokens: bucket.tokens, retryAfterMs: 0 };
      }
      const retryAfterMs = Math.ceil(((1 - bucket.tokens) / current.ratePerSecond) * 1000);
      return { allowed: false, tokens: bucket.tokens, retryAfterMs };
    },
    configure(next) {
      current = validate({ ...current, ...next });
      buckets.clear();
    },
    settings() {
      return { ...current };
    },
    reset(key) {
      if (key === undefined) buckets.clear();
      else buckets.delete(key);
    },
  };
}

function validate(s: RateLimitSettings): RateLimitSettings {
  if (!(s.ratePerSecond > 0) || !(s.burst >= 1)) throw new RangeError('rate limit needs ratePerSecond > 0 and burst >= 1');
  return s;
}
