// Backoff with full jitter, Retry-After parsing and clamping, the retry budget, and the decision
// table (what is retried, what is an unknown outcome, what stops at once).
import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/main/core/http/classify.ts';
import type { AttemptResult } from '../../../src/main/core/http/classify.ts';
import { backoffDelay, createRetryBudget, parseRetryAfter, retryPolicy, retryWait } from '../../../src/main/core/http/retry-policy.ts';

describe('backoff', () => {
  it('is random × min(cap, base × 2^(n−1)) — full jitter', () => {
    const policy = { baseDelayMs: 500, maxDelayMs: 4000, random: () => 0.5 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy))).toEqual([250, 500, 1000, 2000, 2000, 2000]);
    expect(backoffDelay(3, { ...policy, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { ...policy, random: () => 0.999 })).toBe(1998);
  });

  it('validates the policy', () => {
    expect(retryPolicy({ maxAttempts: 2 }).maxAttempts).toBe(2);
    expect(() => retryPolicy({ maxAttempts: 0 })).toThrow(RangeError);
    expect(() => retryPolicy({ baseDelayMs: -1 })).toThrow(RangeError);
  });
});

describe('Retry-After', () => {
  const now = Date.UTC(2026, 0, 5, 9, 0, 0);
  it('reads delay-seconds and HTTP dates; ignores garbage', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
    expect(parseRetryAfter(new Date(now - 30_000).toUTCString(), now)).toBe(0);
    expect(parseRetryAfter(['7'], now)).toBe(7000);
    for (const bad of ['', 'soon', '-3', '1e3', '12abc', undefined, null]) expect(parseRetryAfter(bad, now)).toBeUndefined();
  });

  it('wins over backoff, clamped to the policy maximum', () => {
    const policy = retryPolicy({ random: () => 0.5, maxRetryAfterMs: 60_000 });
    expect(retryWait(1, 5000, policy)).toEqual({ ms: 5000, reason: 'retry-after' });
    expect(retryWait(1, 3_600_000, policy)).toEqual({ ms: 60_000, reason: 'retry-after', clampedFrom: 3_600_000 });
    expect(retryWait(2, undefined, policy)).toEqual({ ms: 500, reason: 'backoff' });
  });
});

describe('retry budget', () => {
  it('counts retries and waiting time, and refuses once either runs out', () => {
    const budget = createRetryBudget({ maxRetries: 3, maxWaitMs: 1000 });
    expect(budget.trySpend(400)).toBe(true);
    expect(budget.trySpend(500)).toBe(true);
    expect(budget.trySpend(200)).toBe(false);
    expect(budget.trySpend(100)).toBe(true);
    expect(budget.trySpend(0)).toBe(false);
    expect(budget.used()).toEqual({ retries: 3, waitMs: 1000 });
  });
});

describe('decisions', () => {
  const response = (status: number): AttemptResult => ({
    type: 'response',
    status,
    body: undefined,
    retryAfter: undefined,
    requestId: null,
  });
  const read = { idempotent: true, passStatuses: [] as number[] };
  const write = { idempotent: false, passStatuses: [] as number[] };

  it('never retries 401 or 403', () => {
    expect(decide(response(401), read)).toEqual({ action: 'fail', kind: 'unauthorized' });
    expect(decide(response(403), read)).toEqual({ action: 'fail', kind: 'forbidden' });
    expect(decide(response(401), { idempotent: true, passStatuses: 'all' })).toEqual({ action: 'return' });
  });

  it('retries 429 for every method (the request was not processed)', () => {
    expect(decide(response(429), write)).toMatchObject({ action: 'retry', kind: 'rate_limited' });
  });

  it('retries 5xx, timeouts, resets and damaged bodies on reads; on creates they are unknown outcomes', () => {
    for (const result of [
      response(500),
      response(502),
      response(503),
      response(504),
      { type: 'timeout' } as const,
      { type: 'truncated', status: 200 } as const,
      { type: 'malformed', status: 201 } as const,
      { type: 'network', code: 'ECONNRESET', sent: true } as const,
    ]) {
      expect(decide(result, read).action).toBe('retry');
      expect(decide(result, write)).toEqual({ action: 'unknown-outcome' });
    }
  });

  it('retries a refused connection even for creates (nothing was sent)', () => {
    expect(decide({ type: 'network', code: 'ECONNREFUSED', sent: false }, write)).toMatchObject({ action: 'retry', kind: 'unreachable' });
  });

  it('fails other 4xx at once, unless the caller takes them', () => {
    expect(decide(response(400), read)).toEqual({ action: 'fail', kind: 'bad_request' });
    expect(decide(response(404), read)).toEqual({ action: 'fail', kind: 'not_found' });
    expect(decide(response(404), { idempotent: true, passStatuses: [404] })).toEqual({ action: 'return' });
    expect(decide(response(202), { ...read, retryStatuses: [202] }).action).toBe('retry');
    expect(decide({ type: 'cancelled' }, read)).toEqual({ action: 'fail', kind: 'cancelled' });
  });
});
