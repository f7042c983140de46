// The knobs of the retry loop as a caller sets them (undefined overrides keep the defaults, zero
// waits are allowed, bad values are refused with a sentence naming the knob), Retry-After in
// fractional seconds, and a Retry-After exactly at the maximum honoured as-is (not reported clamped).
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryPolicy, retryWait } from '../../../src/main/core/http/retry-policy.ts';

describe('retry policy overrides', () => {
  it('keeps the default for an override left undefined, and allows waits of zero', () => {
    expect(retryPolicy({ maxAttempts: undefined, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 })).toEqual({
      ...DEFAULT_RETRY_POLICY,
      baseDelayMs: 0,
      maxDelayMs: 0,
      maxRetryAfterMs: 0,
    });
  });

  it('refuses a number of attempts below 1, saying what it must be', () => {
    expect(() => retryPolicy({ maxAttempts: 0 })).toThrow(/^maxAttempts must be an integer >= 1$/);
  });

  it('refuses a negative wait, naming the knob', () => {
    expect(() => retryPolicy({ maxDelayMs: -1 })).toThrow(/^maxDelayMs must be a finite number >= 0$/);
    expect(() => retryPolicy({ maxRetryAfterMs: Number.POSITIVE_INFINITY })).toThrow(/^maxRetryAfterMs must be a finite number >= 0$/);
  });
});

describe('server-requested waits', () => {
  const now = Date.UTC(2026, 0, 5, 9, 0, 0);

  it('reads Retry-After with several decimals of a second', () => {
    expect(parseRetryAfter('1.25', now)).toBe(1250);
    expect(parseRetryAfter('0.125', now)).toBe(125);
    expect(parseRetryAfter('   ', now)).toBeUndefined();
  });

  it('honours a Retry-After exactly at the maximum without reporting it clamped', () => {
    const policy = retryPolicy({ maxRetryAfterMs: 60_000 });
    expect(retryWait(1, 60_000, policy)).toStrictEqual({ ms: 60_000, reason: 'retry-after' });
    expect(retryWait(1, 60_001, policy)).toStrictEqual({ ms: 60_000, reason: 'retry-after', clampedFrom: 60_001 });
  });
});
