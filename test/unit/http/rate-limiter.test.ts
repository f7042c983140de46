// The client-side token bucket on a manual clock: burst, steady rate (90 % of the configured one),
// FIFO queueing of concurrent callers, reconfiguration, cancellation, AIMD on 429s, and the shared
// registry.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/main/core/http/clock.ts';
import { createLimiterRegistry } from '../../../src/main/core/http/limiter-registry.ts';
import {
  CEILING_HOLD_MS,
  CEILING_SHARE,
  FLOOR_SHARE,
  RECOVERY_STEP_SHARE,
  TARGET_SHARE,
  createRateLimiter,
} from '../../../src/main/core/http/rate-limiter.ts';

describe('rate limiter', () => {
  it('lets a burst through at once, then one call per interval at 90 % of the configured rate', async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 20 }, clock);
    expect(limiter.currentRate()).toBeCloseTo(9, 10);
    const grants: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      await limiter.acquire();
      grants.push(clock.now());
    }
    expect(grants.slice(0, 20)).toEqual(Array(20).fill(0));
    // Each later grant waits for its slot, 1000/9 ms apart (rounded up, plus the 1 ms safety margin).
    expect(grants.slice(20)).toEqual([113, 224, 335, 446, 557]);
  });

  it('never grants more than burst + rate × t in any window, even for concurrent callers', async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter({ ratePerSecond: 4, burst: 3 }, clock);
    const grants: number[] = [];
    // Each caller reserves its slot synchronously, so concurrent callers queue in call order.
    await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const waited = await limiter.acquire();
        grants.push(i);
        return waited;
      }),
    );
    expect(grants).toEqual([...Array(12).keys()]);
    // The first three fit the burst; the other nine each wait one more interval of 1000/3.6 ms.
    expect(clock.sleeps).toHaveLength(9);
    expect(clock.sleeps[0]).toBe(279);
    for (let i = 1; i < clock.sleeps.length; i += 1)
      expect(Math.abs((clock.sleeps[i] ?? 0) - (clock.sleeps[i - 1] ?? 0) - 1000 / 3.6)).toBeLessThanOrEqual(1);
  });

  it('refills while idle, up to the burst only', async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 5 }, clock);
    for (let i = 0; i < 5; i += 1) await limiter.acquire();
    expect(limiter.pendingDelay()).toBe(113);
    clock.advance(60_000);
    for (let i = 0; i < 5; i += 1) expect(await limiter.acquire()).toBe(0);
    expect(await limiter.acquire()).toBe(113);
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

describe('adaptive pacing (AIMD)', () => {
  it('halves the rate on a bare 429, climbs back to 75 % of the refused rate while the ceiling holds, then to the 90 % target', () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 20 }, clock);
    limiter.throttled(null);
    expect(limiter.currentRate()).toBeCloseTo(4.5, 10);
    for (let i = 0; i < 10; i += 1) limiter.succeeded();
    expect(limiter.currentRate()).toBeCloseTo(4.5 + 10 * 10 * RECOVERY_STEP_SHARE, 10);
    for (let i = 0; i < 500; i += 1) limiter.succeeded();
    expect(limiter.currentRate()).toBeCloseTo(9 * CEILING_SHARE, 10);
    clock.advance(CEILING_HOLD_MS);
    for (let i = 0; i < 500; i += 1) limiter.succeeded();
    expect(limiter.currentRate()).toBeCloseTo(10 * TARGET_SHARE, 10);
    expect(limiter.settings()).toEqual({ ratePerSecond: 10, burst: 20 });
  });

  it('never falls below the floor, however many 429s arrive', () => {
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 20 }, createManualClock(0));
    for (let i = 0; i < 20; i += 1) limiter.throttled(null);
    expect(limiter.currentRate()).toBeCloseTo(10 * FLOOR_SHARE, 10);
  });

  it('drops the burst credit on a 429: the next grant waits one interval at the halved rate', async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 20 }, clock);
    expect(await limiter.acquire()).toBe(0);
    limiter.throttled(null);
    // 4.5/s: one interval is 222.2 ms.
    expect(await limiter.acquire()).toBe(224);
  });

  it('honours Retry-After: nobody is granted before it, and the pace resumes at the ceiling', async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 20 }, clock);
    await limiter.acquire();
    limiter.throttled(3000);
    // Resumes at the ceiling, 75 % of the rate the server refused, not at half of it.
    expect(limiter.currentRate()).toBeCloseTo(9 * CEILING_SHARE, 10);
    const waited = await Promise.all([limiter.acquire(), limiter.acquire()]);
    expect(waited[0]).toBeGreaterThanOrEqual(3000);
    expect(waited[1]).toBeGreaterThanOrEqual(3000);
  });

  it('keeps the adapted share when reconfigured', () => {
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 20 }, createManualClock(0));
    limiter.throttled(null);
    limiter.configure({ ratePerSecond: 20 });
    expect(limiter.currentRate()).toBeCloseTo(9, 10);
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
