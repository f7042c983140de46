import { afterEach, describe, expect, it } from 'vitest';
import { AUTH, readJson, startTiny } from './kit-fixtures.ts';
import type { TinyServer } from './kit-fixtures.ts';

let server: TinyServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ctl = (s: TinyServer, method: string, path: string, body?: unknown, token = 'ctl-token') =>
  fetch(`${s.url}/__sandbox${path}`, {
    method,
    headers: { 'x-sandbox-control': token, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });

describe('sandbox kit: HTTP control surface', () => {
  it('refuses calls without or with a wrong control token, and is off without one', async () => {
    server = await startTiny();
    const none = await fetch(`${server.url}/__sandbox/log`);
    expect(none.status).toBe(401);
    await none.body?.cancel();
    const wrong = await ctl(server, 'GET', '/log', undefined, 'ctl-tokeN');
    expect(wrong.status).toBe(401);
    await wrong.body?.cancel();
    const off = await startTiny({ controlToken: undefined });
    try {
      const res = await fetch(`${off.url}/__sandbox/log`, { headers: { 'x-sandbox-control': 'ctl-token' } });
      expect(res.status).toBe(404);
      await res.body?.cancel();
    } finally {
      await off.close();
    }
  });

  it('reads and seeds state', async () => {
    server = await startTiny();
    expect(await readJson(await ctl(server, 'GET', '/state'))).toEqual({ data: { items: ['a', 'b', 'c', 'd', 'e', 'f'] } });
    expect((await ctl(server, 'PUT', '/state', { items: ['z'] })).status).toBe(204);
    const list = await fetch(`${server.url}/api/items`, { headers: AUTH });
    expect((await readJson(list)).data).toEqual(['z']);
  });

  it('reads and clears the request log, with filters; control calls are not logged', async () => {
    server = await startTiny();
    for (const path of ['/api/items', '/api/echo/a/b?tag=1', '/api/items']) {
      const res = await fetch(`${server.url}${path}`, { headers: AUTH });
      await res.body?.cancel();
    }
    const unauth = await fetch(`${server.url}/api/items`);
    await unauth.body?.cancel();
    const log = (await readJson(await ctl(server, 'GET', '/log'))).data;
    expect(log.map((e: { path: string; status: number; identity?: string }) => [e.path, e.status, e.identity ?? null])).toEqual([
      ['/api/items', 200, 'key-1'],
      ['/api/echo/a/b', 200, 'key-1'],
      ['/api/items', 200, 'key-1'],
      ['/api/items', 401, null],
    ]);
    expect(log[1].query).toBe('tag=1');
    expect(typeof log[0].at).toBe('number');
    const filtered = (await readJson(await ctl(server, 'GET', '/log?path=/api/echo/:a/:b'))).data;
    expect(filtered).toHaveLength(1);
    expect((await readJson(await ctl(server, 'GET', '/log?status=401'))).data).toHaveLength(1);
    expect((await ctl(server, 'DELETE', '/log')).status).toBe(204);
    expect((await readJson(await ctl(server, 'GET', '/log'))).data).toEqual([]);
  });

  it('sets, lists and clears faults over HTTP; bad rules get 400', async () => {
    server = await startTiny();
    const created = await ctl(server, 'POST', '/faults', {
      method: 'GET',
      path: '/api/items',
      action: { kind: 'status', status: 429, retryAfter: 3 },
    });
    expect(created.status).toBe(201);
    const rule = (await readJson(created)).data;
    const hit = await fetch(`${server.url}/api/items`, { headers: AUTH });
    expect(hit.status).toBe(429);
    expect(hit.headers.get('retry-after')).toBe('3');
    await hit.body?.cancel();
    expect((await readJson(await ctl(server, 'GET', '/faults'))).data).toMatchObject([{ id: rule.id, calls: 1, fired: 1 }]);
    expect((await ctl(server, 'DELETE', `/faults/${rule.id}`)).status).toBe(204);
    expect((await ctl(server, 'DELETE', `/faults/${rule.id}`)).status).toBe(404);
    const ok = await fetch(`${server.url}/api/items`, { headers: AUTH });
    expect(ok.status).toBe(200);
    await ok.body?.cancel();
    const bad = await ctl(server, 'POST', '/faults', { path: '/api/items', action: { kind: 'nope' } });
    expect(bad.status).toBe(400);
    await bad.body?.cancel();
    await ctl(server, 'POST', '/faults', { path: '/api/items', action: { kind: 'reset' } });
    expect((await ctl(server, 'DELETE', '/faults')).status).toBe(204);
    expect((await readJson(await ctl(server, 'GET', '/faults'))).data).toEqual([]);
  });

  it('reads and changes the rate limit', async () => {
    server = await startTiny();
    expect((await readJson(await ctl(server, 'GET', '/rate-limit'))).data).toEqual({ ratePerSecond: 10, burst: 20, enabled: true });
    const changed = await ctl(server, 'PUT', '/rate-limit', { burst: 1, ratePerSecond: 0.001 });
    expect((await readJson(changed)).data).toEqual({ ratePerSecond: 0.001, burst: 1, enabled: true });
    const statuses: number[] = [];
    for (let i = 0; i < 2; i += 1) {
      const res = await fetch(`${server.url}/api/items`, { headers: AUTH });
      statuses.push(res.status);
      await res.body?.cancel();
    }
    expect(statuses).toEqual([200, 429]);
    expect((await ctl(server, 'PUT', '/rate-limit', { burst: 0 })).status).toBe(400);
  });
});
