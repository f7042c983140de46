import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRouter, listen, matchPattern, route, json } from '../../../src/main/sandbox/http/index.ts';
import { AUTH, readJson, startTiny } from './kit-fixtures.ts';
import type { TinyServer } from './kit-fixtures.ts';

let server: TinyServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('sandbox kit: router', () => {
  it('matches methods and :params, decodes segments, and tells 404 from 405', () => {
    const ok = () => json({});
    const router = createRouter([route('GET', '/v1/items/deleted', ok), route('GET', '/v1/items/:id', ok), route('post', '/v1/items', ok)]);
    const m = router.match('GET', '/v1/items/a%2Fb');
    expect(m.kind === 'match' && m.params).toEqual({ id: 'a/b' });
    const stat = router.match('GET', '/v1/items/deleted');
    expect(stat.kind === 'match' && stat.route.pattern).toBe('/v1/items/deleted');
    expect(router.match('PUT', '/v1/items')).toEqual({ kind: 'method-not-allowed', allowed: ['POST'] });
    expect(router.match('GET', '/v1/other').kind).toBe('not-found');
    expect(matchPattern('/v1/items/:id', '/v1/items/')).toBeUndefined();
    expect(matchPattern('/v1/items/:id', '/v1/items/x/')).toEqual({ id: 'x' });
  });

  it('serves params, repeated query keys and identity over real HTTP; errors as JSON', async () => {
    server = await startTiny();
    const res = await fetch(`${server.url}/api/echo/x%20y/2?tag=a&tag=b`, { headers: AUTH });
    expect(await readJson(res)).toEqual({ params: { a: 'x y', b: '2' }, tags: ['a', 'b'], identity: 'key-1' });
    const missing = await fetch(`${server.url}/api/nothing`, { headers: AUTH });
    expect(missing.status).toBe(404);
    expect(await readJson(missing)).toEqual({ code: 'NotFoundError', message: 'No route for GET /api/nothing' });
    const wrong = await fetch(`${server.url}/api/items`, { method: 'PATCH', headers: AUTH });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, POST');
    await wrong.body?.cancel();
    const del = await fetch(`${server.url}/api/items/a`, { method: 'DELETE', headers: AUTH });
    expect(del.status).toBe(204);
    expect(await del.text()).toBe('');
  });

  it('reads JSON bodies: 400 for invalid JSON, 413 over the size limit', async () => {
    server = await startTiny({ bodyLimitBytes: 100 });
    const post = (body: string) =>
      fetch(`${server!.url}/api/items`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body });
    const created = await post('{"name":"g"}');
    expect(created.status).toBe(201);
    await created.body?.cancel();
    const invalid = await post('{"name":');
    expect(invalid.status).toBe(400);
    expect((await readJson(invalid)).message).toBe('Request body is not valid JSON');
    const big = await post(JSON.stringify({ name: 'x'.repeat(200) }));
    expect(big.status).toBe(413);
    await big.body?.cancel();
    expect(server.items).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('listens on 127.0.0.1 only and close() destroys idle keep-alive sockets', async () => {
    const l = await listen((_req, res) => res.end('ok'));
    expect(l.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const socket = connect(l.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const closedSocket = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await l.close();
    await closedSocket;
    expect(socket.destroyed).toBe(true);
    await l.close();
    await expect(fetch(`${l.url}/`)).rejects.toThrow();
  });
});
