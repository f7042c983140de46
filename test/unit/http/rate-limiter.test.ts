// The client-side token bucket on a manual clock: burst, steady rate, FIFO queueing of concurrent
// callers, reconfiguration, cancellation, and the shared registry.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/main/core/http/clock.ts';
import { createLimiterRegistry } from '../../../src/main/core/http/limiter-registry.ts';
import { createRateLimiter } from '../../../src/main/core/http/rate-limiter.ts';

describe('rate limiter', () => {
  it('lets a burst through at once, then one call per interval', async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 20 }, clock);
    const grants: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      await limiter.acquire();
      grants.push(clock.now());
    }
    expect(grants.slice(0, 20)).toEqual(Array(20).fill(0));
    // Each later grant waits for its slot (plus the 1 ms safety margin).
    expect(grants.slice(20)).toEqual([101, 201, 301, 401, 501]);
  });

  it('never grants more than burst + rate × t in any window, even for concurrent callers', async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter({ ratePerSecond: 4, burst: 3 }, clock);
    const grants: number[] = [];
    // Each caller reserves its slot synchronously, so concurrent callers queue in call order.
    await Promise.all(Array.from({ length: 12 }, async (_, i) => {
      const waited = await limiter.acquire();
      grants.push(i);
      return waited;
    }));
    expect(grants).toEqual([...Array(12).keys()]);
    expect(clock.sleeps).toEqual([251, 501, 751, 1001, 1251, 1501, 1751, 2001, 2251]);
  });

  it('refills while idle, up to the burst only', async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 5 }, clock);
    for (let i = 0; i < 5; i += 1) await limiter.acquire();
    expect(limiter.pendingDelay()).toBe(101);
    clock.advance(60_000);
    for (let i = 0; i < 5; i += 1) expect(await limiter.acquire()).toBe(0);
    expect(await limiter.acquire()).toBe(101);
  });

  it('can be reconfigured and rejects bad settings', async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 1 }, clock);
    await limiter.acquire();
    limiter.configure({ ratePerSecond: 2 });
    expect(limiter.settings()).toEqual({ ratePerSecond: 2, burst: 1 });
    expect(() => limiter.configure({ burst: 0 })).toThrow(RangeError);
    expect(() => createRateLimiter({ ratePerSecond: 0, burst: 1 }, clock)).toThrow(RangeError);
  });

  it('stops waiting when the signal aborts', async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 1 }, clock);
    await limiter.acquire();
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await expect(limiter.acquire(controller.signal)).rejects.toThrow('stopped');
  });
});

describe('limiter registry', () => {
  it('shares one bucket per vendor + API root + credential, with vendor defaults', () => {
    const registry = createLimiterRegistry(createManualClock(0));
    const a = registry.get('lever', 'https://api.lever.co/v1', 'key-1');
    expect(registry.get('lever', 'https://api.lever.co/v1/', 'key-1')).toBe(a);
    expect(registry.get('lever', 'https://api.lever.co/v1', 'key-2')).not.toBe(a);
    expect(registry.get('lever', 'https://api.eu.lever.co/v1', 'key-1')).not.toBe(a);
    expect(registry.get('charthop', 'https://api.lever.co/v1', 'key-1')).not.toBe(a);
    expect(a.settings()).toEqual({ ratePerSecond: 10, burst: 20 });
    expect(registry.size()).toBe(4);
  });

  it('reconfigures the shared bucket when settings change', () => {
    const registry = createLimiterRegistry(createManualClock(0));
    const a = registry.get('lever', 'https://api.lever.co/v1', 'key-1', { ratePerSecond: 5 });
    expect(a.settings()).toEqual({ ratePerSecond: 5, burst: 20 });
    registry.get('lever', 'https://api.lever.co/v1', 'key-1', { burst: 8 });
    expect(a.settings()).toEqual({ ratePerSecond: 5, burst: 8 });
  });
});
