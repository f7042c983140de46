import { afterEach, describe, expect, it } from 'vitest';
import { createFakeLever } from '../../../src/main/sandbox/lever/index.ts';
import type { FakeLever } from '../../../src/main/sandbox/lever/index.ts';
import { client, FULL_KEY, READ_KEY } from './lever-fixtures.ts';

let lever: FakeLever | undefined;
afterEach(async () => {
  await lever?.close();
  lever = undefined;
});

describe('fake Lever per-key rate limit', () => {
  it('lets the burst of 20 through, then answers 429 with Retry-After (frozen clock: exact)', async () => {
    let now = 1_790_000_000_000;
    lever = await createFakeLever({ seed: { keys: [FULL_KEY, READ_KEY] }, clock: () => now });
    const api = client(lever.url, FULL_KEY.secret);
    const replies = await Promise.all(Array.from({ length: 30 }, () => api.get('/users')));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    const limited = replies.find((r) => r.status === 429);
    expect(limited?.headers.get('retry-after')).toBe('1');
    expect(limited?.body.code).toBe('TooManyRequestsError');

    const log = lever.control.requestLog({ identity: 'key-full' });
    expect(log).toHaveLength(30);
    expect(log.slice(0, 20).every((e) => e.status === 200)).toBe(true);
    expect(log.slice(20).every((e) => e.status === 429)).toBe(true);
    expect(log.map((e) => e.tokens)).toEqual([...Array.from({ length: 20 }, (_, i) => 19 - i), ...Array(10).fill(0)]);

    expect((await client(lever.url, READ_KEY.secret).get('/users')).status).toBe(200);
    now += 100;
    expect((await api.get('/users')).status).toBe(200);
    expect((await api.get('/users')).status).toBe(429);
    now += 1000;
    const refilled = await Promise.all(Array.from({ length: 11 }, () => api.get('/users')));
    expect(refilled.filter((r) => r.status === 200)).toHaveLength(10);
  });

  it('with the real clock, 30 requests fired within one second: about 20 succeed, the rest 429', async () => {
    lever = await createFakeLever({ seed: { keys: [FULL_KEY] } });
    const api = client(lever.url, FULL_KEY.secret);
    const started = Date.now();
    const replies = await Promise.all(Array.from({ length: 30 }, () => api.get('/users')));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(1000);
    const ok = replies.filter((r) => r.status === 200).length;
    expect(ok).toBeGreaterThanOrEqual(20);
    expect(ok).toBeLessThanOrEqual(20 + Math.ceil(elapsed / 100));
    expect(replies.filter((r) => r.status === 429).every((r) => Number(r.headers.get('retry-after')) >= 1)).toBe(true);
    const log = lever.control.requestLog();
    const firstLimited = log.findIndex((e) => e.status === 429);
    expect(firstLimited).toBeGreaterThanOrEqual(20);
    expect(log[firstLimited]?.tokens).toBeLessThan(1);
  });

  it('honours configured limits and can be switched off', async () => {
    let now = 1_790_000_000_000;
    lever = await createFakeLever({ seed: { keys: [FULL_KEY] }, clock: () => now, rateLimit: { ratePerSecond: 2, burst: 3 } });
    const api = client(lever.url, FULL_KEY.secret);
    const first = await Promise.all(Array.from({ length: 5 }, () => api.get('/users')));
    expect(first.map((r) => r.status).sort()).toEqual([200, 200, 200, 429, 429]);
    expect(first.find((r) => r.status === 429)?.headers.get('retry-after')).toBe('1');
    now += 500;
    expect((await api.get('/users')).status).toBe(200);
    lever.control.setRateLimit({ enabled: false });
    const free = await Promise.all(Array.from({ length: 40 }, () => api.get('/users')));
    expect(free.every((r) => r.status === 200)).toBe(true);
  });
});
