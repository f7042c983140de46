import { afterEach, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/main/sandbox/http/index.ts';
import { AUTH, readJson, startTiny } from './kit-fixtures.ts';
import type { TinyServer } from './kit-fixtures.ts';

let server: TinyServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('sandbox kit: token-bucket rate limiter', () => {
  it('starts full at the burst, refills at the steady rate, and says when a token returns', () => {
    let now = 0;
    const limiter = createRateLimiter({}, () => now);
    const taken = Array.from({ length: 21 }, () => limiter.take('k').allowed);
    expect(taken.filter(Boolean)).toHaveLength(20);
    expect(taken[20]).toBe(false);
    expect(limiter.take('k').retryAfterMs).toBe(100);
    expect(limiter.take('other').allowed).toBe(true);
    now = 250;
    expect([limiter.take('k').allowed, limiter.take('k').allowed, limiter.take('k').allowed]).toEqual([true, true, false]);
    now = 100_000;
    expect(Array.from({ length: 25 }, () => limiter.take('k').allowed).filter(Boolean)).toHaveLength(20);
    limiter.reset('k');
    expect(limiter.take('k').tokens).toBe(19);
  });

  it('limits per identity over HTTP and answers 429 with Retry-After in whole seconds', async () => {
    let now = 1_000_000;
    server = await startTiny({ clock: () => now, rateLimit: { ratePerSecond: 0.5, burst: 2 } });
    const get = (key: string) => fetch(`${server!.url}/api/items`, { headers: { 'x-key': key } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await get('secret-1');
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get('retry-after')).toBe('2');
        expect(await readJson(res)).toEqual({ code: 'TooManyRequestsError', message: 'Rate limit exceeded; retry after 2 s' });
      } else await res.body?.cancel();
    }
    expect(statuses).toEqual([200, 200, 429]);
    const other = await get('secret-2');
    expect(other.status).toBe(200);
    await other.body?.cancel();
    now += 2000;
    const again = await fetch(`${server.url}/api/items`, { headers: AUTH });
    expect(again.status).toBe(200);
    await again.body?.cancel();
  });
});
