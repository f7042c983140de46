import { afterEach, describe, expect, it } from 'vitest';
import { createFakeLever } from '../../../src/main/sandbox/lever/index.ts';
import type { FakeLever } from '../../../src/main/sandbox/lever/index.ts';
import { basic, client, FULL_KEY, READ_KEY, USERS } from './lever-fixtures.ts';

let lever: FakeLever | undefined;
afterEach(async () => {
  await lever?.close();
  lever = undefined;
});

const newReq = { requisitionCode: 'ENG-1', name: 'Backend Engineer', headcountTotal: 1 };

describe('fake Lever auth and permissions', () => {
  it('answers 401 without a key, with an unknown key, and with a Bearer header', async () => {
    lever = await createFakeLever({ seed: { keys: [FULL_KEY] } });
    const none = await client(lever.url).get('/requisitions');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('UnauthorizedError');
    expect(typeof none.body.message).toBe('string');
    expect((await client(lever.url, 'not-a-key').get('/requisitions')).status).toBe(401);
    const bearer = await fetch(`${lever.url}/requisitions`, { headers: { authorization: `Bearer ${FULL_KEY.secret}` } });
    expect(bearer.status).toBe(401);
    await bearer.body?.cancel();
    expect((await client(lever.url, FULL_KEY.secret).get('/requisitions')).status).toBe(200);
  });

  it('accepts the key as username whatever the password part holds', async () => {
    lever = await createFakeLever({ seed: { keys: [FULL_KEY] } });
    const res = await fetch(`${lever.url}/requisitions`, {
      headers: { authorization: `Basic ${Buffer.from(FULL_KEY.secret).toString('base64')}` },
    });
    expect(res.status).toBe(200);
    await res.body?.cancel();
  });

  it('refuses POST /requisitions with 403 and Lever\'s error body for a key without "Create requisitions"', async () => {
    lever = await createFakeLever({ seed: { keys: [FULL_KEY, READ_KEY], users: USERS } });
    const res = await client(lever.url, READ_KEY.secret).post('/requisitions', newReq);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 'ForbiddenError', message: "This API key does not have the 'Create requisitions' permission" });
    expect(lever.control.state().requisitions).toHaveLength(0);
    expect((await client(lever.url, FULL_KEY.secret).post('/requisitions', newReq)).status).toBe(201);
  });

  it("maps each write to the permission named in Lever's key settings", async () => {
    lever = await createFakeLever({ seed: { keys: [FULL_KEY, READ_KEY], users: USERS, postings: [{ id: 'p1', text: 'Backend' }] } });
    const full = client(lever.url, FULL_KEY.secret);
    const read = client(lever.url, READ_KEY.secret);
    const id = (await full.post('/requisitions', newReq)).body.data.id;
    const cases: [Promise<{ status: number; body: { message: string } }>, string][] = [
      [read.put(`/requisitions/${id}`, newReq), 'Create requisitions'],
      [read.del(`/requisitions/${id}`), 'Delete requisitions'],
      [read.post('/requisition_fields', { id: 'cost_center', text: 'Cost center', type: 'text' }), 'Update requisition fields'],
      [read.post('/postings/p1?perform_as=u-grace', { state: 'published' }), 'Update posting'],
      [read.post('/webhooks', { event: 'candidateHired', url: 'http://127.0.0.1:9/x' }), 'Manage webhooks'],
    ];
    for (const [call, permission] of cases) {
      const res = await call;
      expect(res.status).toBe(403);
      expect(res.body.message).toContain(`'${permission}'`);
    }
    const noReads = await createFakeLever({
      seed: {
        keys: [
          { id: 'k-none', secret: 's-none', permissions: ['Read users'] },
          { id: 'k-preset', secret: 's-preset', permissions: ['Select all read'] },
        ],
      },
    });
    try {
      expect((await client(noReads.url, 's-none').get('/requisitions')).status).toBe(403);
      expect((await client(noReads.url, 's-none').get('/users')).status).toBe(200);
      expect((await client(noReads.url, 's-preset').get('/requisitions')).status).toBe(200);
      expect((await client(noReads.url, 's-preset').post('/requisitions', newReq)).status).toBe(403);
    } finally {
      await noReads.close();
    }
  });

  it('hides confidential records unless asked, and refuses them to a key without confidential access', async () => {
    lever = await createFakeLever({
      seed: {
        keys: [FULL_KEY, READ_KEY],
        requisitions: [
          { id: 'r-open', requisitionCode: 'A', name: 'Open', headcountTotal: 1 },
          { id: 'r-secret', requisitionCode: 'B', name: 'Secret', headcountTotal: 1, confidentiality: 'confidential' },
        ],
      },
    });
    const full = client(lever.url, FULL_KEY.secret);
    const read = client(lever.url, READ_KEY.secret);
    expect((await full.get('/requisitions')).body.data.map((r: { id: string }) => r.id)).toEqual(['r-open']);
    expect((await full.get('/requisitions?confidentiality=all')).body.data).toHaveLength(2);
    expect((await full.get('/requisitions?confidentiality=confidential')).body.data.map((r: { id: string }) => r.id)).toEqual(['r-secret']);
    expect((await read.get('/requisitions?confidentiality=all')).status).toBe(403);
    expect((await read.get('/requisitions/r-secret')).status).toBe(403);
    expect((await full.get('/requisitions?confidentiality=bogus')).status).toBe(400);
  });

  it('logs the key id as identity and never the secret', async () => {
    lever = await createFakeLever({ seed: { keys: [FULL_KEY] } });
    await client(lever.url, FULL_KEY.secret).get('/requisitions?limit=5');
    await client(lever.url).get('/requisitions');
    const log = lever.control.requestLog();
    expect(log.map((e) => [e.method, e.path, e.query, e.status, e.identity])).toEqual([
      ['GET', '/v1/requisitions', 'limit=5', 200, 'key-full'],
      ['GET', '/v1/requisitions', '', 401, undefined],
    ]);
    const dump = JSON.stringify(log);
    expect(dump).not.toContain(FULL_KEY.secret);
    expect(dump).not.toContain(basic(FULL_KEY.secret).slice(6));
  });
});
