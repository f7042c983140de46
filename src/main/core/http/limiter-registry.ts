/**
 * One rate limiter per vendor, API root and credential, shared by every
 * caller in the process: a sync run, the metrics pull, the hires poll and the
 * doctor all wait on the same bucket, so together they stay under the
 * vendor's limit. Credentials are keyed by a SHA-256 fingerprint, never held
 * as map keys.
 */
import { createHash } from 'node:crypto';
import type { HttpClock } from './clock.ts';
import { systemClock } from './clock.ts';
import { CHARTHOP_RATE_LIMIT, createRateLimiter, LEVER_RATE_LIMIT } from './rate-limiter.ts';
import type { RateLimiter, RateLimitSettings } from './rate-limiter.ts';

/** The vendors ReqBridge talks to. */
export type Vendor = 'lever' | 'charthop';

/** Hands out the shared limiter of a vendor + credential. */
export interface LimiterRegistry {
  /**
   * The limiter for this vendor, API root and credential, created on first use with `settings`
   * (default: the vendor's). Passing different settings later reconfigures the shared bucket.
   */
  get(vendor: Vendor, baseUrl: string, credential: string, settings?: Partial<RateLimitSettings>): RateLimiter;
  /** How many distinct buckets exist (for diagnostics and tests). */
  size(): number;
}

/** Default bucket settings per vendor. */
export const DEFAULT_RATE_LIMITS: Record<Vendor, RateLimitSettings> = { lever: LEVER_RATE_LIMIT, charthop: CHARTHOP_RATE_LIMIT };

function fingerprint(vendor: Vendor, baseUrl: string, credential: string): string {
  let root = baseUrl;
  try {
    const url = new URL(baseUrl);
    root = `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    // Not a URL: key by the raw string.
  }
  return createHash('sha256').update(`${vendor}\n${root}\n${credential}`).digest('hex');
}

/** Creates a registry whose limiters run on `clock`. */
export function createLimiterRegistry(clock: HttpClock = systemClock): LimiterRegistry {
  const limiters = new Map<string, RateLimiter>();
  return {
    get(vendor, baseUrl, credential, settings) {
      const key = fingerprint(vendor, baseUrl, credential);
      const existing = limiters.get(key);
      if (existing) {
        // Only the values given change; the same values again leave the adapted rate untouched.
        const wanted = withoutUndefined(settings);
        const keys = Object.keys(wanted) as (keyof RateLimitSettings)[];
        if (keys.some((k) => wanted[k] !== existing.settings()[k])) existing.configure(wanted);
        return existing;
      }
      const limiter = createRateLimiter({ ...DEFAULT_RATE_LIMITS[vendor], ...withoutUndefined(settings) }, clock);
      limiters.set(key, limiter);
      return limiter;
    },
    size: () => limiters.size,
  };
}

function withoutUndefined(settings: Partial<RateLimitSettings> | undefined): Partial<RateLimitSettings> {
  const out: Partial<RateLimitSettings> = {};
  if (settings?.ratePerSecond !== undefined) out.ratePerSecond = settings.ratePerSecond;
  if (settings?.burst !== undefined) out.burst = settings.burst;
  return out;
}

let processRegistry: LimiterRegistry | undefined;

/** The process-wide registry on the real clock: what every host should pass to its clients. */
export function processLimiterRegistry(): LimiterRegistry {
  processRegistry ??= createLimiterRegistry(systemClock);
  return processRegistry;
}
