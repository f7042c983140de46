/**
 * The rate limits can be tuned without a UI, from the environment: a client
 * whose Lever account has another limit (or a ChartHop that wants gentler
 * pacing) sets `REQBRIDGE_LEVER_RATE` / `REQBRIDGE_LEVER_BURST` (requests per
 * second / bucket size) and `REQBRIDGE_CHARTHOP_RATE` / `REQBRIDGE_CHARTHOP_BURST`.
 * Unlike the connection overrides they apply to every profile: they describe
 * the vendor's limit, and the buckets are shared by the whole process.
 */
import { AppError } from '../errors.ts';
import type { Vendor } from './limiter-registry.ts';
import type { RateLimitSettings } from './rate-limiter.ts';

/** The environment variables of each vendor's bucket. */
export const RATE_LIMIT_ENV_VARS: Readonly<Record<Vendor, { ratePerSecond: string; burst: string }>> = {
  lever: { ratePerSecond: 'REQBRIDGE_LEVER_RATE', burst: 'REQBRIDGE_LEVER_BURST' },
  charthop: { ratePerSecond: 'REQBRIDGE_CHARTHOP_RATE', burst: 'REQBRIDGE_CHARTHOP_BURST' },
};

function read(env: Readonly<Record<string, string | undefined>>, name: string, what: 'rate' | 'burst'): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  const valid = what === 'rate' ? Number.isFinite(value) && value > 0 : Number.isInteger(value) && value >= 1;
  if (!valid) {
    const expected =
      what === 'rate' ? 'a positive number of requests per second, e.g. 10 or 2.5' : 'a whole number of requests of at least 1, e.g. 20';
    throw new AppError(
      'settings.invalid_environment',
      `The environment variable ${name} is "${raw}", but it must be ${expected}. Fix or unset ${name} and try again.`,
    );
  }
  return value;
}

/** The vendor's bucket settings the environment asks for (only the ones it sets); throws naming a bad variable. */
export function rateLimitFromEnv(vendor: Vendor, env: Readonly<Record<string, string | undefined>>): Partial<RateLimitSettings> {
  const names = RATE_LIMIT_ENV_VARS[vendor];
  const out: Partial<RateLimitSettings> = {};
  const rate = read(env, names.ratePerSecond, 'rate');
  const burst = read(env, names.burst, 'burst');
  if (rate !== undefined) out.ratePerSecond = rate;
  if (burst !== undefined) out.burst = burst;
  return out;
}
