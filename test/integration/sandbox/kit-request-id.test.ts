// The sandbox kit sends an x-request-id on every API response — handler answers, auth and routing
// errors, rate-limit refusals and injected faults — and records the same id in its request log.
import { afterEach, describe, expect, it } from 'vitest';
import { REQUEST_ID_HEADER } from '../../../src/main/sandbox/http/index.ts';
import { AUTH, startTiny } from './kit-fixtures.ts';
import type { TinyServer } from './kit-fixtures.ts';

let server: TinyServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('sandbox kit: request ids', () => {
  it('every API response carries a fresh x-request-id, the one its log entry keeps', async () => {
    // A bucket of 2 per key: the 200 and the 404 take a token; the 401 and the injected fault come before the limiter.
    server = await startTiny({ rateLimit: { ratePerSecond: 0.001, burst: 2 } });
    const url = server.url;
    server.app.control.setFault({ method: 'GET', path: '/api/echo/:a/:b', nth: 1, action: { kind: 'status', status: 503 } });
    const calls = [
      () => fetch(`${url}/api/items`, { headers: AUTH }), // 200
      () => fetch(`${url}/api/items`), // 401: no key
      () => fetch(`${url}/api/nowhere`, { headers: AUTH }), // 404: no route
      () => fetch(`${url}/api/echo/x/y`, { headers: AUTH }), // 503: injected
      () => fetch(`${url}/api/items`, { headers: AUTH }), // 429: the bucket is empty
    ];
    const responses = [];
    for (const call of calls) {
      const res = await call();
      await res.body?.cancel();
      responses.push(res);
    }
    expect(responses.map((r) => r.status)).toEqual([200, 401, 404, 503, 429]);
    const ids = responses.map((r) => r.headers.get(REQUEST_ID_HEADER));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(server.app.control.requestLog().map((e) => e.requestId)).toEqual(ids);
  });

  it('uses the injected id maker, and the control surface stays without one', async () => {
    let n = 0;
    server = await startTiny({ requestId: () => `req-${(n += 1)}` });
    const api = await fetch(`${server.url}/api/items`, { headers: AUTH });
    await api.body?.cancel();
    expect(api.headers.get(REQUEST_ID_HEADER)).toBe('req-1');
    const control = await fetch(`${server.url}/__sandbox/log`, { headers: { 'x-sandbox-control': 'ctl-token' } });
    expect(control.headers.get(REQUEST_ID_HEADER)).toBeNull();
    expect(((await control.json()) as { data: Array<{ requestId: string }> }).data.map((e) => e.requestId)).toEqual(['req-1']);
  });
});
