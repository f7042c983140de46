// The webhook listener's HTTP hardening over real sockets on 127.0.0.1 (reliability.md §1.5–1.6):
// §5-A rows A12–A20 (bodies, content types, methods and paths, slow clients, inbox failure) and
// §5-F rows F1–F5 (loopback only, no control surface, no CORS, route scan).
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Inbox } from '../../../src/main/core/hires/inbox.ts';
import { postJson, rawClient, send, signed, tick } from './http-support.ts';
import { NOW, PATH, SECRET, TOKEN, useReceiverHarness } from './receiver-fixture.ts';

const h = useReceiverHarness();

describe('bodies (A12–A16)', () => {
  it('A12: a 65 KiB body (limit 64 KiB) gets 413 and the connection is closed', async () => {
    const body = { ...signed(TOKEN, { triggeredAt: NOW }), pad: 'x'.repeat(65 * 1024) };
    const client = await rawClient(h.listener.port);
    const text = JSON.stringify(body);
    client.socket.write(
      `POST ${PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n`,
    );
    client.socket.write(text);
    expect(await client.waitFor(/HTTP\/1\.1 413/)).toMatch(/^HTTP\/1\.1 413/);
    await client.closed;
    expect(h.rows()).toBe(0);
  });

  it('A13: a chunked 10 MiB body without Content-Length gets 413 after the limit and the stream is cut', async () => {
    const client = await rawClient(h.listener.port);
    client.socket.write(`POST ${PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let written = 0;
    for (let i = 0; i < 160 && !client.isClosed(); i += 1) {
      const ok = client.socket.write(`${chunk.length.toString(16)}\r\n`) && client.socket.write(chunk) && client.socket.write('\r\n');
      written += chunk.length;
      if (!ok) await Promise.race([new Promise((r) => client.socket.once('drain', r)), client.closed]);
    }
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 413/);
    expect(written).toBeLessThan(10 * 1024 * 1024);
    expect(h.rows()).toBe(0);
  });

  it('A14: a Content-Length larger than the body sent gets 408 at the request timeout, no hang', async () => {
    await h.start({ requestTimeoutMs: 300, headersTimeoutMs: 200, checkIntervalMs: 50 });
    const client = await rawClient(h.listener.port);
    client.socket.write(`POST ${PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"token":`);
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('A15: malformed JSON gets 400 with no prototype pollution and no stack overflow', async () => {
    await h.start({ bodyLimit: 512 * 1024 });
    const good = JSON.stringify(signed(TOKEN, { triggeredAt: NOW }));
    const bodies: Array<string | Buffer> = [
      good.slice(0, good.length - 5),
      `\uFEFF${good}`,
      Buffer.concat([Buffer.from(good.slice(0, 20)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(good.slice(20))]),
      '[1,2,3]',
      '"a string"',
      '42',
      'null',
      '',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
      `{"token":"t","triggeredAt":${NOW},"signature":"x","event":"candidateHired","data":{"__proto__":{"polluted":true}}}`,
      '{"token":1e999999}',
    ];
    for (const body of bodies) {
      const answer = await send(h.listener.port, { path: PATH, headers: { 'content-type': 'application/json' }, body });
      expect([400, 401], String(body).slice(0, 40)).toContain(answer.status);
    }
    const withProto = { ...signed(TOKEN, { triggeredAt: NOW }), ['__proto__']: { polluted: true } };
    expect((await h.post(JSON.stringify(withProto).replace('"triggeredAt"', '"__proto__":{"polluted":true},"triggeredAt"'))).status).toBe(
      202,
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('A16: text/plain, multipart, a missing content type and a gzip-encoded body get 415', async () => {
    const body = JSON.stringify(signed(TOKEN, { triggeredAt: NOW }));
    for (const headers of [
      { 'content-type': 'text/plain' },
      { 'content-type': 'multipart/form-data; boundary=x' },
      { 'content-type': 'application/json; charset=latin1' },
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      {},
    ] as Record<string, string>[]) {
      expect(await send(h.listener.port, { path: PATH, headers, body }), JSON.stringify(headers)).toMatchObject({ status: 415, body: '' });
    }
    expect((await h.post(JSON.parse(body), { 'content-type': 'application/json; charset=utf-8' })).status).toBe(202);
  });
});

describe('methods, paths and slow clients (A17–A20)', () => {
  it('A17: other methods get 405, other paths 404, with empty bodies', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']) {
      const answer = await send(h.listener.port, { method, path: PATH });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow).toBe('POST');
      expect(answer.body).toBe('');
    }
    const body = signed(TOKEN, { triggeredAt: NOW });
    for (const path of [
      '/',
      '/webhooks/lever',
      '/webhooks/lever/',
      `/webhooks/lever/${SECRET}/`,
      `/webhooks/lever/${SECRET}?x=1`,
      `/webhooks/lever/../lever/${SECRET}`,
      `/webhooks/lever/%2e%2e/${SECRET}`,
      `/webhooks/lever/${SECRET.toLowerCase()}`,
      `/webhooks/lever/${SECRET}x`,
      '/webhooks/lever/wrong',
      '//webhooks/lever',
      `/WEBHOOKS/LEVER/${SECRET}`,
      '/favicon.ico',
      '*',
    ]) {
      const answer = await postJson(h.listener.port, path, body);
      expect(answer.status, path).toBe(404);
      expect(answer.body).toBe('');
    }
    expect(h.rows()).toBe(0);
  });

  it('A18: 50 slowloris sockets are closed at the header timeout while valid deliveries are still served', async () => {
    await h.start({ headersTimeoutMs: 300, requestTimeoutMs: 600, checkIntervalMs: 50 });
    const clients = await Promise.all(Array.from({ length: 50 }, () => rawClient(h.listener.port)));
    const header = `POST ${PATH} HTTP/1.1\r\nHost: x\r\nX-Slow: ${'a'.repeat(40)}`;
    let i = 0;
    const trickle = setInterval(() => {
      for (const c of clients) if (!c.isClosed()) c.socket.write(header[i] ?? 'a');
      i += 1;
    }, 50);
    try {
      expect((await h.post(signed(TOKEN, { triggeredAt: NOW }))).status).toBe(202);
      await Promise.all(clients.map((c) => c.closed));
    } finally {
      clearInterval(trickle);
    }
    expect(clients.every((c) => c.isClosed())).toBe(true);
    expect((await h.post(signed(TOKEN, { triggeredAt: NOW + 1 }))).status).toBe(202);
  });

  it('A19: a body trickled at 1 byte per tick is closed with 408 at the request timeout', async () => {
    await h.start({ headersTimeoutMs: 200, requestTimeoutMs: 400, checkIntervalMs: 50 });
    const client = await rawClient(h.listener.port);
    const body = JSON.stringify(signed(TOKEN, { triggeredAt: NOW }));
    client.socket.write(`POST ${PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    let i = 0;
    const trickle = setInterval(() => {
      if (!client.isClosed() && i < body.length) client.socket.write(body[i] ?? '');
      i += 1;
    }, 50);
    try {
      await client.closed;
    } finally {
      clearInterval(trickle);
    }
    expect(client.received()).toMatch(/^HTTP\/1\.1 408/);
    expect(i).toBeLessThan(body.length);
    expect(h.rows()).toBe(0);
  });

  it('A20: an inbox write failure gets 500 (so Lever retries) and leaves no half-state', async () => {
    const failing = (): Inbox => ({
      ...h.inbox,
      insert: () => {
        throw new Error('database or disk is full');
      },
    });
    await h.start({}, failing);
    const body = signed(TOKEN, { triggeredAt: NOW });
    expect((await h.post(body)).status).toBe(500);
    await tick();
    expect(h.rows()).toBe(0);
    expect(h.queued).toEqual([]);
    await h.start();
    expect((await h.post(body)).status).toBe(202);
  });

  it('answers 503 while no signature token is set or readable (the delivery cannot be verified; Lever retries)', async () => {
    await h.start({}, undefined, async () => null);
    expect((await h.post(signed(TOKEN, { triggeredAt: NOW }))).status).toBe(503);
    await h.start({}, undefined, async () => {
      throw new Error('The keychain is locked');
    });
    expect((await h.post(signed(TOKEN, { triggeredAt: NOW }))).status).toBe(503);
    expect(h.rows()).toBe(0);
  });
});

describe('the local server rows (F1–F5)', () => {
  it('F1: listens on 127.0.0.1 only (IPv6 loopback is refused)', async () => {
    expect(h.listener.url).toBe(`http://127.0.0.1:${h.listener.port}`);
    const refused = await new Promise<string>((resolve) => {
      const s = connect({ host: '::1', port: h.listener.port });
      s.once('connect', () => {
        s.destroy();
        resolve('connected');
      });
      s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(refused).not.toBe('connected');
  });

  it('F2–F4: no control surface on the tunnelled port, whatever the token, Host or Origin; no CORS headers', async () => {
    const probes: Array<{ method: string; path: string; headers?: Record<string, string> }> = [
      { method: 'GET', path: '/api/profiles:list' },
      { method: 'POST', path: '/api/profiles:list', headers: { authorization: 'Bearer wrong' } },
      { method: 'GET', path: '/api/events', headers: { cookie: 'reqbridge_token=x' } },
      { method: 'GET', path: '/', headers: { host: 'attacker.example' } },
      { method: 'OPTIONS', path: PATH, headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } },
      { method: 'POST', path: '/__sandbox/state', headers: { origin: 'https://evil.example' } },
    ];
    for (const probe of probes) {
      const answer = await send(h.listener.port, probe);
      expect([404, 405], probe.path).toContain(answer.status);
      expect(answer.body).toBe('');
      expect(Object.keys(answer.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
    const cross = await h.post(signed(TOKEN, { triggeredAt: NOW }), { origin: 'https://evil.example', host: 'attacker.example' });
    expect(cross.status).toBe(202);
    expect(Object.keys(cross.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('F5: a route scan finds nothing but 404s', async () => {
    const paths = [
      '/admin',
      '/api',
      '/health',
      '/status',
      '/metrics',
      '/.env',
      '/webhooks',
      '/webhooks/lever/admin',
      '/index.html',
      '/debug/pprof',
      '/%00',
      '/webhooks/lever/%00',
    ];
    for (const path of paths) {
      for (const method of ['GET', 'POST']) expect((await send(h.listener.port, { method, path })).status, `${method} ${path}`).toBe(404);
    }
  });
});
