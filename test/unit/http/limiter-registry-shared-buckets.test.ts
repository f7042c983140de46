// The process-wide buckets that keep every caller of one vendor key under its rate limit: an API
// root typed with extra trailing slashes still shares the bucket, and asking for the bucket again
// with settings changes exactly the values given — a partial or repeated request neither breaks
// the bucket nor disturbs the pace it adapted after a 429.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/main/core/http/clock.ts';
import { createLimiterRegistry } from '../../../src/main/core/http/limiter-registry.ts';

const ROOT = 'https://api.lever.co/v1';

describe('shared rate-limit buckets', () => {
  it('shares the bucket of an API root written with several trailing slashes', () => {
    const registry = createLimiterRegistry(createManualClock(0));
    const bucket = registry.get('lever', ROOT, 'key-1');
    expect(registry.get('lever', `${ROOT}//`, 'key-1')).toBe(bucket);
    expect(registry.size()).toBe(1);
  });

  it('applies a changed rate even when the burst asked for is the one already in force', () => {
    const registry = createLimiterRegistry(createManualClock(0));
    const bucket = registry.get('lever', ROOT, 'key-1');
    registry.get('lever', ROOT, 'key-1', { ratePerSecond: 5, burst: 20 });
    expect(bucket.settings()).toEqual({ ratePerSecond: 5, burst: 20 });
  });

  it('changes only the values given, skipping ones left undefined', () => {
    const registry = createLimiterRegistry(createManualClock(0));
    const bucket = registry.get('lever', ROOT, 'key-1', { ratePerSecond: 8, burst: 12 });
    expect(registry.get('lever', ROOT, 'key-1', { ratePerSecond: undefined, burst: undefined })).toBe(bucket);
    expect(bucket.settings()).toEqual({ ratePerSecond: 8, burst: 12 });
    registry.get('lever', ROOT, 'key-1', { ratePerSecond: 5, burst: undefined });
    expect(bucket.settings()).toEqual({ ratePerSecond: 5, burst: 12 });
  });

  it('keeps the pace a 429 taught the bucket when the same settings are asked for again', () => {
    const clock = createManualClock(0);
    const registry = createLimiterRegistry(clock);
    const bucket = registry.get('lever', ROOT, 'key-1', { ratePerSecond: 3, burst: 2 });
    bucket.throttled(null);
    for (let i = 0; i < 7; i += 1) bucket.succeeded();
    const rate = bucket.currentRate();
    const delay = bucket.pendingDelay();
    registry.get('lever', ROOT, 'key-1', { ratePerSecond: 3, burst: 2 });
    registry.get('lever', ROOT, 'key-1', { ratePerSecond: 3 });
    expect(bucket.currentRate()).toBe(rate);
    expect(bucket.pendingDelay()).toBe(delay);
    expect(bucket.settings()).toEqual({ ratePerSecond: 3, burst: 2 });
  });
});
