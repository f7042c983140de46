/**
 * When and how long to wait before trying a call again (reliability.md §2.3):
 * capped exponential backoff with FULL jitter from an injectable RNG,
 * `Retry-After` honoured in seconds or as an HTTP date and clamped, a capped
 * number of attempts, and a per-run retry budget shared by every call of a run.
 */

/** The knobs of the retry loop. */
export interface RetryPolicy {
  /** Total attempts per call, the first included. */
  maxAttempts: number;
  /** Backoff base: the cap of the first retry's random wait. */
  baseDelayMs: number;
  /** Cap of any single backoff wait. */
  maxDelayMs: number;
  /** Longest `Retry-After` honoured; longer values are clamped to this. */
  maxRetryAfterMs: number;
  /** Uniform random in [0, 1): inject a seeded one in tests. */
  random: () => number;
}

/** Defaults: 5 attempts, 0.5 s base, 20 s cap, Retry-After clamped to 2 minutes. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 120_000,
  random: Math.random,
};

/** The default policy with `overrides` applied (validated). */
export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY };
  for (const [key, value] of Object.entries(overrides) as [keyof RetryPolicy, RetryPolicy[keyof RetryPolicy] | undefined][]) {
    if (value !== undefined) (policy as unknown as Record<string, unknown>)[key] = value;
  }
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) throw new RangeError('maxAttempts must be an integer >= 1');
  for (const key of ['baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs'] as const) {
    if (!(policy[key] >= 0) || !Number.isFinite(policy[key])) throw new RangeError(`${key} must be a finite number >= 0`);
  }
  return policy;
}

/**
 * Full-jitter backoff before retry number `retry` (1 = the first retry):
 * `random() × min(maxDelayMs, baseDelayMs × 2^(retry−1))`, rounded down to whole ms.
 */
export function backoffDelay(retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const r = Math.min(Math.max(policy.random(), 0), 1);
  return Math.floor(r * ceiling);
}

/**
 * The wait a `Retry-After` header asks for, in ms: delay-seconds (`"2"`, also `"1.5"`) or an
 * HTTP date relative to `nowMs` (a date in the past means 0). `undefined` when absent or unparsable.
 */
export function parseRetryAfter(value: string | readonly string[] | null | undefined, nowMs: number): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== 'string') return undefined;
  // A blank value matches neither the seconds nor the date form below.
  const text = raw.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  if (!/[A-Za-z]/.test(text)) return undefined;
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** How long to wait before a retry, and why. */
export interface RetryWait {
  ms: number;
  reason: 'retry-after' | 'backoff';
  /** Set when a Retry-After value was clamped to the policy's maximum. */
  clampedFrom?: number;
}

/** The wait before retry number `retry`: the server's Retry-After (clamped) when given, else backoff. */
export function retryWait(retry: number, retryAfterMs: number | undefined, policy: RetryPolicy): RetryWait {
  if (retryAfterMs === undefined) return { ms: backoffDelay(retry, policy), reason: 'backoff' };
  if (retryAfterMs > policy.maxRetryAfterMs) return { ms: policy.maxRetryAfterMs, reason: 'retry-after', clampedFrom: retryAfterMs };
  return { ms: retryAfterMs, reason: 'retry-after' };
}

/** A run's allowance of retries and of time spent waiting for them. */
export interface RetryBudget {
  /** Spends one retry that waits `waitMs`; false (spending nothing) when that would exceed the budget. */
  trySpend(waitMs: number): boolean;
  /** What has been spent so far. */
  used(): { retries: number; waitMs: number };
  readonly limits: { maxRetries: number; maxWaitMs: number };
}

/** A fresh budget for one run: by default 200 retries and 10 minutes of waiting. */
export function createRetryBudget(limits: { maxRetries?: number; maxWaitMs?: number } = {}): RetryBudget {
  const maxRetries = limits.maxRetries ?? 200;
  const maxWaitMs = limits.maxWaitMs ?? 10 * 60_000;
  let retries = 0;
  let waited = 0;
  return {
    limits: { maxRetries, maxWaitMs },
    trySpend(waitMs) {
      if (retries + 1 > maxRetries || waited + waitMs > maxWaitMs) return false;
      retries += 1;
      waited += waitMs;
      return true;
    },
    used: () => ({ retries, waitMs: waited }),
  };
}
