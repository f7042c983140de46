import { afterEach, describe, expect, it } from 'vitest';
import { createFakeLever } from '../../../src/main/sandbox/lever/index.ts';
import type { FakeLever } from '../../../src/main/sandbox/lever/index.ts';
import { client, FULL_KEY, seedWithRequisitions } from './lever-fixtures.ts';

let lever: FakeLever | undefined;
afterEach(async () => {
  await lever?.close();
  lever = undefined;
});

async function start(n: number): Promise<FakeLever> {
  lever = await createFakeLever({ seed: seedWithRequisitions(n), rateLimit: false });
  return lever;
}

describe('fake Lever pagination', () => {
  it('lists 1,000 requisitions with limit=100 in exactly 10 pages, no duplicates, no gaps', async () => {
    const { url } = await start(1000);
    const api = client(url, FULL_KEY.secret);
    const ids: string[] = [];
    let offset: string | undefined;
    let pages = 0;
    do {
      const res = await api.get(`/requisitions?confidentiality=all&limit=100${offset ? `&offset=${offset}` : ''}`);
      expect(res.status).toBe(200);
      pages += 1;
      expect(res.body.data).toHaveLength(100);
      ids.push(...res.body.data.map((r: { id: string }) => r.id));
      if (res.body.hasNext) expect(typeof res.body.next).toBe('string');
      else expect(res.body).not.toHaveProperty('next');
      offset = res.body.hasNext ? res.body.next : undefined;
    } while (offset && pages < 20);
    expect(pages).toBe(10);
    expect(new Set(ids).size).toBe(1000);
    const expected = Array.from({ length: 1000 }, (_, i) => `req-${String(i).padStart(5, '0')}`);
    expect(ids).toEqual(expected);
  });

  it("rejects an offset reused with a different filter with 400 and Lever's message", async () => {
    const { url } = await start(250);
    const api = client(url, FULL_KEY.secret);
    const first = await api.get('/requisitions?status=open&limit=50');
    expect(first.body.hasNext).toBe(true);
    const same = await api.get(`/requisitions?status=open&limit=50&offset=${first.body.next}`);
    expect(same.status).toBe(200);
    const reused = await api.get(`/requisitions?status=onHold&limit=50&offset=${first.body.next}`);
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual({ code: 'BadRequestError', message: 'Invalid offset token: Offset token is invalid for sort' });
    const invented = await api.get('/requisitions?status=open&offset=3');
    expect(invented.status).toBe(400);
  });

  it('accepts the token whether the client sends it verbatim or encoded once more', async () => {
    const { url } = await start(30);
    const api = client(url, FULL_KEY.secret);
    const first = await api.get('/requisitions?limit=10');
    const verbatim = await api.get(`/requisitions?limit=10&offset=${first.body.next}`);
    const reEncoded = await api.get(`/requisitions?limit=10&offset=${encodeURIComponent(first.body.next)}`);
    expect(verbatim.status).toBe(200);
    expect(reEncoded.body.data).toEqual(verbatim.body.data);
    expect(first.body.next).toMatch(/^%5B/);
  });

  it('validates limit 1..100 and defaults to pages of 100', async () => {
    const { url } = await start(150);
    const api = client(url, FULL_KEY.secret);
    expect((await api.get('/requisitions?limit=0')).status).toBe(400);
    expect((await api.get('/requisitions?limit=101')).status).toBe(400);
    expect((await api.get('/requisitions?limit=abc')).status).toBe(400);
    expect((await api.get('/requisitions?limit=100')).status).toBe(200);
    const all = await api.get('/requisitions?confidentiality=all');
    expect(all.body.data).toHaveLength(100);
    expect(all.body.hasNext).toBe(true);
  });

  it('returns a single last page with hasNext false and no next', async () => {
    const { url } = await start(5);
    const res = await client(url, FULL_KEY.secret).get('/requisitions?confidentiality=all&limit=100');
    expect(res.body.data).toHaveLength(5);
    expect(res.body.hasNext).toBe(false);
    expect(res.body).not.toHaveProperty('next');
  });

  it('pageRepeat serves the previous page again and pageSkip skips one page', async () => {
    const lv = await start(50);
    const api = client(lv.url, FULL_KEY.secret);
    const page = async (offset?: string) =>
      (await api.get(`/requisitions?confidentiality=all&limit=10${offset ? `&offset=${offset}` : ''}`)).body;
    const p1 = await page();
    lv.control.setFault({ method: 'GET', path: '/v1/requisitions', nth: 1, action: { kind: 'pageRepeat' } });
    const repeated = await page(p1.next);
    expect(repeated.data.map((r: { id: string }) => r.id)).toEqual(p1.data.map((r: { id: string }) => r.id));
    expect(repeated.next).toBe(p1.next);
    lv.control.clearFaults();
    lv.control.setFault({ method: 'GET', path: '/v1/requisitions', nth: 1, action: { kind: 'pageSkip' } });
    const skipped = await page(p1.next);
    expect(skipped.data[0].id).toBe('req-00020');
    lv.control.clearFaults();
    const normal = await page(p1.next);
    expect(normal.data[0].id).toBe('req-00010');
    const log = lv.control.requestLog({ path: '/v1/requisitions' });
    expect(log.map((e) => e.fault)).toEqual([undefined, 'pageRepeat', 'pageSkip', undefined]);
  });
});
