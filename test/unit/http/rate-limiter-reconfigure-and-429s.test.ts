// The bucket's memory of a 429 survives a change of its settings (the ceiling scales with the new
// rate, so recovery stops at the same share of it), a `Retry-After: 0` counts as a bare 429 (the
// rate halves), and impossible settings are refused with a sentence naming the setting.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/main/core/http/clock.ts';
import { createRateLimiter } from '../../../src/main/core/http/rate-limiter.ts';

describe('rate limiter after a 429', () => {
  it('scales the post-429 ceiling with a new configured rate: recovery stops at 67.5 % of it', () => {
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 20 }, createManualClock(0));
    limiter.throttled(null);
    expect(limiter.currentRate()).toBe(4.5);
    limiter.configure({ ratePerSecond: 20 });
    for (let i = 0; i < 200; i += 1) limiter.succeeded();
    expect(limiter.currentRate()).toBeCloseTo(13.5, 10);
  });

  it('treats a Retry-After of zero as a bare 429: the rate halves and the next grant waits one interval', async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 1 }, clock);
    limiter.throttled(0);
    expect(limiter.currentRate()).toBe(4.5);
    expect(limiter.pendingDelay()).toBe(Math.ceil(1000 / 4.5) + 1);
  });
});

describe('rate limiter settings', () => {
  const clock = createManualClock(0);
  it('refuses a rate that is not a positive number', () => {
    expect(() => createRateLimiter({ ratePerSecond: 0, burst: 5 }, clock)).toThrow(
      new RangeError('ratePerSecond must be a positive number'),
    );
    expect(() => createRateLimiter({ ratePerSecond: 0, burst: 5 }, clock)).toThrow(/^ratePerSecond must be a positive number$/);
  });

  it('refuses a burst below 1', () => {
    expect(() => createRateLimiter({ ratePerSecond: 5, burst: 0 }, clock)).toThrow(/^burst must be at least 1$/);
  });
});
