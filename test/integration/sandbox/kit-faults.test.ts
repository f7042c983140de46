import { afterEach, describe, expect, it } from 'vitest';
import { createFaultPlan, createRng } from '../../../src/main/sandbox/http/index.ts';
import { AUTH, readJson, startTiny } from './kit-fixtures.ts';
import type { TinyServer } from './kit-fixtures.ts';

let server: TinyServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const postItem = (s: TinyServer, name: string) =>
  fetch(`${s.url}/api/items`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify({ name }) });

describe('sandbox kit: fault plans', () => {
  it('status: answers the injected status with Retry-After without running the handler', async () => {
    server = await startTiny();
    server.app.control.setFault({ method: 'POST', path: '/api/items', nth: 1, action: { kind: 'status', status: 503, retryAfter: 2 } });
    const res = await postItem(server, 'g');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(await readJson(res)).toEqual({ code: 'ServiceUnavailableError', message: 'Injected fault' });
    expect(server.items).not.toContain('g');
    const second = await postItem(server, 'g');
    expect(second.status).toBe(201);
    await second.body?.cancel();
  });

  it('reset: destroys the socket before the handler runs, so nothing is written', async () => {
    server = await startTiny();
    server.app.control.setFault({ method: 'POST', path: '/api/items', action: { kind: 'reset' } });
    await expect(postItem(server, 'g')).rejects.toThrow();
    expect(server.items).not.toContain('g');
    expect(server.app.control.requestLog()).toMatchObject([{ status: 0, fault: 'reset' }]);
  });

  it('commitThenReset: the write happens but the client sees a reset', async () => {
    server = await startTiny();
    server.app.control.setFault({ method: 'POST', path: '/api/items', nth: 1, action: { kind: 'commitThenReset' } });
    await expect(postItem(server, 'g')).rejects.toThrow();
    expect(server.items).toContain('g');
    expect(server.app.control.requestLog()).toMatchObject([{ method: 'POST', status: 0, fault: 'commitThenReset', identity: 'key-1' }]);
  });

  it('truncateBody: headers promise the full body, the connection ends early', async () => {
    server = await startTiny();
    server.app.control.setFault({ path: '/api/items', nth: 1, action: { kind: 'truncateBody', keepBytes: 5 } });
    const res = await fetch(`${server.url}/api/items`, { headers: AUTH });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(5);
    await expect(res.text()).rejects.toThrow();
  });

  it('malformedJson: a complete response whose body does not parse', async () => {
    server = await startTiny();
    server.app.control.setFault({ path: '/api/items', nth: 1, action: { kind: 'malformedJson' } });
    const res = await fetch(`${server.url}/api/items`, { headers: AUTH });
    expect(res.headers.get('content-type')).toContain('application/json');
    const text = await res.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('delay: waits through the injected sleep before answering; after:true commits first', async () => {
    const waits: number[] = [];
    let release: () => void = () => undefined;
    server = await startTiny({
      sleep: (ms) => {
        waits.push(ms);
        return new Promise<void>((r) => {
          release = r;
        });
      },
    });
    server.app.control.setFault({ method: 'POST', path: '/api/items', nth: 1, action: { kind: 'delay', ms: 5000, after: true } });
    let answered = false;
    const pending = postItem(server, 'late').then((r) => {
      answered = true;
      return r;
    });
    while (!server.items.includes('late')) await new Promise((r) => setImmediate(r));
    expect(waits).toEqual([5000]);
    expect(answered).toBe(false);
    release();
    expect((await pending).status).toBe(201);

    server.app.control.setFault({ method: 'GET', path: '/api/items', nth: 1, action: { kind: 'delay', ms: 1234 } });
    const before = fetch(`${server.url}/api/items`, { headers: AUTH });
    while (waits.length < 2) await new Promise((r) => setImmediate(r));
    expect(waits).toEqual([5000, 1234]);
    release();
    expect((await before).status).toBe(200);
  });

  it('pageRepeat / pageSkip: a list handler serves the previous page again or skips a page', async () => {
    server = await startTiny();
    const page = async (n: number) => (await readJson(await fetch(`${server!.url}/api/items?page=${n}`, { headers: AUTH }))).data;
    server.app.control.setFault({ path: '/api/items', nth: 2, action: { kind: 'pageRepeat' } });
    expect([await page(0), await page(1), await page(2)]).toEqual([
      ['a', 'b'],
      ['a', 'b'],
      ['e', 'f'],
    ]);
    server.app.control.clearFaults();
    server.app.control.setFault({ path: '/api/items', nth: 2, action: { kind: 'pageSkip' } });
    expect([await page(0), await page(1), await page(2)]).toEqual([
      ['a', 'b'],
      ['e', 'f'],
      ['e', 'f'],
    ]);
  });

  it('matches by method and :param pattern, fires on the nth calls, and respects times', async () => {
    server = await startTiny();
    const rule = server.app.control.setFault({
      method: 'GET',
      path: '/api/echo/:a/:b',
      nth: [2, 3],
      action: { kind: 'status', status: 500 },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await fetch(`${server.url}/api/echo/x/${i}`, { headers: AUTH });
      statuses.push(res.status);
      await res.body?.cancel();
    }
    expect(statuses).toEqual([200, 500, 500, 200]);
    expect(server.app.control.faults()).toMatchObject([{ id: rule.id, calls: 4, fired: 2 }]);
    expect(server.app.control.clearFault(rule.id)).toBe(true);
    server.app.control.setFault({ path: '/api/items', times: 2, action: { kind: 'status', status: 502 } });
    const capped: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await fetch(`${server.url}/api/items`, { headers: AUTH });
      capped.push(res.status);
      await res.body?.cancel();
    }
    expect(capped).toEqual([502, 502, 200]);
  });

  it('probability rules are reproducible with a seeded RNG', () => {
    const pattern = (seed: number) => {
      const plan = createFaultPlan(createRng(seed));
      plan.add({ path: '/x', probability: 0.5, action: { kind: 'reset' } });
      return Array.from({ length: 40 }, () => (plan.match('GET', '/x') ? 1 : 0)).join('');
    };
    expect(pattern(42)).toBe(pattern(42));
    expect(pattern(42)).not.toBe(pattern(43));
    const fired = [...pattern(42)].filter((c) => c === '1').length;
    expect(fired).toBeGreaterThan(8);
    expect(fired).toBeLessThan(32);
    const never = createFaultPlan(createRng(1));
    never.add({ path: '/x', probability: 0, action: { kind: 'reset' } });
    expect(Array.from({ length: 20 }, () => never.match('GET', '/x')).every((a) => a === undefined)).toBe(true);
  });

  it('rejects malformed rules', () => {
    const plan = createFaultPlan(createRng(1));
    expect(() => plan.add({ path: 'no-slash', action: { kind: 'reset' } })).toThrow(/path/);
    expect(() => plan.add({ path: '/x', action: { kind: 'explode' } as never })).toThrow(/kind/);
    expect(() => plan.add({ path: '/x', nth: 0, action: { kind: 'reset' } })).toThrow(/nth/);
    expect(() => plan.add({ path: '/x', action: { kind: 'status', status: 42 } })).toThrow(/status/);
  });
});
