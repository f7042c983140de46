import { writeFileSync, mkdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostServer } from '../../src/main/host/host-server.ts';
import { startHostServer } from '../../src/main/host/host-server.ts';
import { openEventStream, parseEventBlock } from '../../src/renderer/src/bridge/event-stream.ts';
import type { TestCore } from '../support/test-core.ts';
import { startTestCore } from '../support/test-core.ts';
import { makeTempDir } from '../support/temp-dir.ts';

let t: TestCore;
let host: HostServer;
const renderer = makeTempDir('reqbridge-renderer-');

/** A raw request, so Host and Origin headers can be forged as an attacker would. */
function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: Number(url.port),
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
        setHost: !options.headers?.host,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.setTimeout(5000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = () => ({ authorization: `Bearer ${host.token}`, 'content-type': 'application/json' });

beforeAll(async () => {
  mkdirSync(join(renderer.path, 'assets'));
  writeFileSync(join(renderer.path, 'index.html'), '<!doctype html><title>ReqBridge</title>');
  writeFileSync(join(renderer.path, 'assets', 'app.js'), 'export {};');
  t = startTestCore();
  host = await startHostServer({
    dispatch: t.core.service.dispatch,
    events: t.core.events,
    logger: t.core.logger,
    rendererDir: renderer.path,
  });
});
afterAll(async () => {
  await host.close();
  t.dispose();
  renderer.cleanup();
});

describe('browser host', () => {
  it('binds 127.0.0.1 and prints a URL carrying the token in its fragment (never sent to a server)', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
    expect(decodeURIComponent(new URL(host.url).hash.slice('#token='.length))).toBe(host.token);
  });

  it('answers 401 to the API and the event stream without the token in the Authorization header', async () => {
    expect((await raw('/api/profiles:list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(
      401,
    );
    expect(
      (
        await raw('/api/profiles:list', {
          method: 'POST',
          headers: { authorization: 'Bearer wrong', 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(401);
    expect((await raw('/api/events')).status).toBe(401);
    expect(
      (
        await raw(`/api/profiles:list?token=${encodeURIComponent(host.token)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(401);
  });

  it('refuses a request that carries only the cookie the host used to set, on /api and /api/events', async () => {
    const cookie = `reqbridge_token=${encodeURIComponent(host.token)}`;
    const call = await raw('/api/profiles:list', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(call.status).toBe(401);
    expect(call.body).not.toContain('"ok":true');
    expect((await raw('/api/events', { headers: { cookie } })).status).toBe(401);
    // The printed address sets no cookie any more.
    expect((await raw('/')).headers['set-cookie']).toBeUndefined();
  });

  it('answers 403 to a foreign Host (DNS rebinding) or a foreign Origin, even with the token', async () => {
    const port = new URL(host.origin).port;
    expect(
      (await raw('/api/profiles:list', { method: 'POST', headers: { ...auth(), host: `evil.example:${port}` }, body: '{}' })).status,
    ).toBe(403);
    expect(
      (await raw('/api/profiles:list', { method: 'POST', headers: { ...auth(), origin: 'http://evil.example' }, body: '{}' })).status,
    ).toBe(403);
    expect((await raw('/api/profiles:list', { method: 'POST', headers: { ...auth(), origin: host.origin }, body: '{}' })).status).toBe(200);
  });

  it('answers 404 to an unknown channel and 400 to invalid input', async () => {
    const unknown = await raw('/api/files:read', { method: 'POST', headers: auth(), body: '{}' });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'api.unknown_channel' } });
    expect((await raw('/api/settings:get', { method: 'POST', headers: auth(), body: '{"profileId":"../x"}' })).status).toBe(400);
    expect((await raw('/api/settings:get', { method: 'POST', headers: auth(), body: '{not json' })).status).toBe(400);
    expect(
      (
        await raw('/api/settings:get', {
          method: 'POST',
          headers: { authorization: `Bearer ${host.token}`, 'content-type': 'text/plain' },
          body: '{}',
        })
      ).status,
    ).toBe(415);
    expect((await raw('/api/settings:get', { headers: auth() })).status).toBe(405);
  });

  it('serves the page itself (no data in it) without the token, with its security headers', async () => {
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>ReqBridge</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('serves assets, falls back to index.html for app routes, and never leaves the renderer folder', async () => {
    expect((await raw('/assets/app.js', { headers: auth() })).headers['content-type']).toContain('text/javascript');
    expect((await raw('/options', { headers: auth() })).body).toContain('<title>ReqBridge</title>');
    expect((await raw('/assets/missing.js', { headers: auth() })).status).toBe(404);
    expect((await raw('/..%2f..%2f..%2fetc%2fpasswd', { headers: auth() })).body).not.toContain('root:');
    expect((await raw('/%2e%2e/%2e%2e/package.json', { headers: auth() })).body).not.toContain('"name"');
  });

  it('streams push events over SSE', async () => {
    const url = new URL(host.origin);
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: Number(url.port), path: '/api/events', headers: { authorization: `Bearer ${host.token}` } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes(': connected')) {
              void raw('/api/profiles:create', { method: 'POST', headers: auth(), body: JSON.stringify({ name: 'SSE Client' }) });
            }
            if (text.includes('event: profiles:changed')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.setTimeout(5000, () => req.destroy(new Error('no event within 5 s')));
      req.on('error', reject);
      req.end();
    });
    expect(received).toMatch(/event: profiles:changed\ndata: \{.*"SSE Client"/);
  });

  it("the page's event stream (fetch with the token in the Authorization header) receives events, and gives up on a refused token", async () => {
    const received = await new Promise<{ event: string; data: string }>((resolve, reject) => {
      const stream = openEventStream({
        url: `${host.origin}/api/events`,
        token: () => host.token,
        onEvent: (event, data) => {
          if (event !== 'profiles:changed') return;
          stream.close();
          resolve({ event, data });
        },
      });
      setTimeout(() => reject(new Error('no event within 5 s')), 5000);
      // The stream is open once the host counts a listener; then make an event.
      setTimeout(
        () => void raw('/api/profiles:create', { method: 'POST', headers: auth(), body: JSON.stringify({ name: 'Stream Client' }) }),
        300,
      );
    });
    expect(JSON.parse(received.data)).toMatchObject({
      profiles: expect.arrayContaining([expect.objectContaining({ name: 'Stream Client' })]),
    });

    let tries = 0;
    const refused = openEventStream({
      url: `${host.origin}/api/events`,
      token: () => (tries++, 'wrong-token'),
      onEvent: () => undefined,
      retryMs: 10,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    refused.close();
    expect(tries).toBe(1);
    expect(parseEventBlock('event: run:progress\ndata: {"a":1}\ndata: 2')).toEqual({ event: 'run:progress', data: '{"a":1}\n2' });
    expect(parseEventBlock(': heartbeat')).toBeNull();
  });

  it('never returns a secret value in any response', async () => {
    const canary = 'host-canary-secret-51ac-QRST';
    const calls: Array<[string, unknown]> = [
      ['secrets:set', { profileId: 'sandbox', name: 'charthopToken', value: canary }],
      ['secrets:status', { profileId: 'sandbox' }],
      ['settings:get', { profileId: 'sandbox' }],
      ['profiles:export', { id: 'sandbox' }],
      ['profiles:list', {}],
      ['app:info', {}],
    ];
    const bodies: string[] = [];
    for (const [channel, input] of calls)
      bodies.push((await raw(`/api/${channel}`, { method: 'POST', headers: auth(), body: JSON.stringify(input) })).body);
    expect(JSON.parse(bodies[0] ?? '{}')).toMatchObject({ ok: true, value: { set: true, last4: 'QRST' } });
    expect(bodies.join('\n')).not.toContain(canary);
  });
});
