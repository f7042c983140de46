import { afterEach, describe, expect, it } from 'vitest';
import { createFakeLever } from '../../../src/main/sandbox/lever/index.ts';
import type { FakeLever } from '../../../src/main/sandbox/lever/index.ts';
import { basic, client, FULL_KEY, readJson, seedWithRequisitions } from './lever-fixtures.ts';

let lever: FakeLever | undefined;
afterEach(async () => {
  await lever?.close();
  lever = undefined;
});

const body = { requisitionCode: 'CTR-1', name: 'Data Engineer', headcountTotal: 1 };

describe('fake Lever fault plans', () => {
  it('commit-then-reset on POST /requisitions creates the requisition although the client sees a reset', async () => {
    lever = await createFakeLever({ seed: seedWithRequisitions(0) });
    lever.control.setFault({ method: 'POST', path: '/v1/requisitions', nth: 1, action: { kind: 'commitThenReset' } });
    const api = client(lever.url, FULL_KEY.secret);
    await expect(api.post('/requisitions', body)).rejects.toThrow();
    const found = await api.get('/requisitions?requisition_code=CTR-1');
    expect(found.status).toBe(200);
    expect(found.body.data).toHaveLength(1);
    expect(found.body.data[0]).toMatchObject({ requisitionCode: 'CTR-1', name: 'Data Engineer' });
    expect(lever.control.requestLog({ method: 'POST' })).toMatchObject([
      { path: '/v1/requisitions', status: 0, fault: 'commitThenReset', identity: 'key-full' },
    ]);
    const retry = await api.post('/requisitions', body);
    expect(retry.status).toBe(400);
    expect(lever.control.state().requisitions).toHaveLength(1);
  });

  it('a reset before the handler creates nothing', async () => {
    lever = await createFakeLever({ seed: seedWithRequisitions(0) });
    lever.control.setFault({ method: 'POST', path: '/v1/requisitions', nth: 1, action: { kind: 'reset' } });
    await expect(client(lever.url, FULL_KEY.secret).post('/requisitions', body)).rejects.toThrow();
    expect(lever.control.state().requisitions).toHaveLength(0);
  });

  it("status faults carry Lever's error body and Retry-After; a 500 on page 3 interrupts a listing", async () => {
    lever = await createFakeLever({ seed: seedWithRequisitions(50), rateLimit: false });
    const api = client(lever.url, FULL_KEY.secret);
    lever.control.setFault({ method: 'GET', path: '/v1/requisitions', nth: 3, action: { kind: 'status', status: 500 } });
    lever.control.setFault({ method: 'GET', path: '/v1/requisitions/:id', nth: 1, action: { kind: 'status', status: 429, retryAfter: 2 } });
    let offset = '';
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await api.get(`/requisitions?confidentiality=all&limit=10${offset}`);
      statuses.push(res.status);
      if (res.status === 200) offset = `&offset=${res.body.next}`;
      else expect(res.body).toEqual({ code: 'InternalServerError', message: 'Injected fault' });
    }
    expect(statuses).toEqual([200, 200, 500]);
    const limited = await api.get('/requisitions/req-00001');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await api.get('/requisitions/req-00001')).status).toBe(200);
  });

  it('truncated and malformed list responses fail to parse instead of looking empty', async () => {
    lever = await createFakeLever({ seed: seedWithRequisitions(20), rateLimit: false });
    lever.control.setFault({ method: 'GET', path: '/v1/requisitions', nth: 1, action: { kind: 'truncateBody' } });
    lever.control.setFault({ method: 'GET', path: '/v1/requisitions', nth: 2, action: { kind: 'malformedJson' } });
    const get = () => fetch(`${lever!.url}/requisitions`, { headers: { authorization: basic(FULL_KEY.secret) } });
    await expect((await get()).text()).rejects.toThrow();
    await expect(readJson(await get())).rejects.toThrow(SyntaxError);
    expect((await readJson(await get())).data).toHaveLength(18);
  });

  it('probability faults are reproducible for the same random seed', async () => {
    const run = async (randomSeed: number) => {
      const lv = await createFakeLever({ seed: seedWithRequisitions(1), rateLimit: false, randomSeed });
      try {
        lv.control.setFault({ method: 'GET', path: '/v1/users', probability: 0.5, action: { kind: 'status', status: 503 } });
        const out: number[] = [];
        for (let i = 0; i < 16; i += 1) out.push((await client(lv.url, FULL_KEY.secret).get('/users')).status);
        return out.join(',');
      } finally {
        await lv.close();
      }
    };
    const a = await run(7);
    expect(await run(7)).toBe(a);
    expect(a).toContain('503');
    expect(a).toContain('200');
  });

  it('is drivable over the HTTP control surface by a test running the app as a child process', async () => {
    lever = await createFakeLever({ seed: seedWithRequisitions(0), controlToken: 'tok-123' });
    const root = lever.url.replace(/\/v1$/, '');
    const ctl = (method: string, path: string, payload?: unknown) =>
      fetch(`${root}/__sandbox${path}`, {
        method,
        headers: { 'x-sandbox-control': 'tok-123', 'content-type': 'application/json' },
        ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}),
      });
    expect((await ctl('PUT', '/state', seedWithRequisitions(3))).status).toBe(204);
    expect((await client(lever.url, FULL_KEY.secret).get('/requisitions?confidentiality=all')).body.data).toHaveLength(3);
    const rule = await ctl('POST', '/faults', { method: 'POST', path: '/v1/requisitions', nth: 1, action: { kind: 'commitThenReset' } });
    expect(rule.status).toBe(201);
    await expect(client(lever.url, FULL_KEY.secret).post('/requisitions', body)).rejects.toThrow();
    const state = (await readJson(await ctl('GET', '/state'))).data;
    expect(state.requisitions.map((r: { requisitionCode: string }) => r.requisitionCode)).toContain('CTR-1');
    const log = (await readJson(await ctl('GET', '/log?method=POST'))).data;
    expect(log).toMatchObject([{ status: 0, fault: 'commitThenReset' }]);
    expect((await ctl('PUT', '/state', { keys: [{ secret: 'x' }] })).status).toBe(400);
    expect((await fetch(`${root}/__sandbox/state`)).status).toBe(401);
  });
});
