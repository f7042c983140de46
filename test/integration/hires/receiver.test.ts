// The webhook receiver over real HTTP on 127.0.0.1 with a real SQLite inbox: reliability.md §5-A
// rows A2, A3, A5–A7, A9–A11 and A21 (duplicates, signatures, fields, freshness, the ping). The
// HTTP-level rows (A12–A20, F1–F5) are in listener.test.ts; the end-to-end rows (A1, A3, A4, A8)
// in delivery-flow.test.ts and rules.test.ts.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FRESHNESS } from '../../../src/main/core/hires/delivery.ts';
import { signed, tick } from './http-support.ts';
import { NOW, TOKEN, useReceiverHarness } from './receiver-fixture.ts';

const h = useReceiverHarness();

describe('valid deliveries, duplicates and the ping', () => {
  it('A2: the same delivery twice gets 202 then 200, one inbox row, one unit of work', async () => {
    const body = signed(TOKEN, { triggeredAt: NOW - 1000 });
    expect((await h.post(body)).status).toBe(202);
    expect((await h.post(body)).status).toBe(200);
    await tick();
    expect(h.rows()).toBe(1);
    expect(h.queued).toHaveLength(1);
  });

  it('A3: the same delivery ×100 concurrently: one row, every answer 2xx, one unit of work', async () => {
    const body = signed(TOKEN, { triggeredAt: NOW - 1000 });
    const answers = await Promise.all(Array.from({ length: 100 }, () => h.post(body)));
    expect(answers.every((a) => a.status === 200 || a.status === 202)).toBe(true);
    expect(answers.filter((a) => a.status === 202)).toHaveLength(1);
    await tick();
    expect(h.rows()).toBe(1);
    expect(h.queued).toHaveLength(1);
  });

  it('A21: the signed verification ping (no data) gets 200, is recorded as a ping and is not processed', async () => {
    expect((await h.post(signed(TOKEN, { triggeredAt: NOW, data: null }))).status).toBe(200);
    expect((await h.post(signed(TOKEN, { triggeredAt: NOW + 1, data: {} }))).status).toBe(200);
    await tick();
    expect(h.recorded).toEqual(['ping', 'ping']);
    expect(h.queued).toEqual([]);
    expect(h.inbox.lastReceived(['ping'])).toBe(new Date(NOW).toISOString());
  });

  it('answers 200 to a signed event other than candidateHired and does not process it', async () => {
    expect((await h.post(signed(TOKEN, { triggeredAt: NOW, event: 'candidateStageChange' }))).status).toBe(200);
    await tick();
    expect(h.recorded).toEqual(['ignored']);
    expect(h.queued).toEqual([]);
  });
});

describe('signatures and fields (A5–A7, A11)', () => {
  it('A5: a delivery signed with another token gets 401, no row, and a sig_invalid log without body or secret', async () => {
    const body = signed('some-other-signature-token', { triggeredAt: NOW });
    expect(await h.post(body)).toMatchObject({ status: 401, body: '' });
    expect(h.rows()).toBe(0);
    const text = h.logs.map((l) => l.message).join('\n');
    expect(text).toContain('sig_invalid');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(String(body['signature']));
    expect(text).not.toContain('opp-1');
  });

  it('A6: a mutated signature gets 401 (or 400 for a wrong type) and never 500', async () => {
    const good = signed(TOKEN, { triggeredAt: NOW });
    const sig = String(good['signature']);
    const flipped = `${sig.slice(0, 10)}${sig[10] === '0' ? '1' : '0'}${sig.slice(11)}`;
    const cases: Array<[unknown, number]> = [
      [flipped, 401],
      [sig.toUpperCase(), 401],
      [sig.slice(0, 63), 401],
      [`${sig.slice(0, 63)}z`, 401],
      [`${sig}00`, 401],
      ['', 401],
      ['é'.repeat(32), 401],
      [12345, 400],
      [[sig], 400],
      [null, 400],
      [{ sig }, 400],
    ];
    for (const [signature, status] of cases) {
      expect((await h.post({ ...good, signature })).status, JSON.stringify(signature)).toBe(status);
    }
    expect(h.rows()).toBe(0);
  });

  it('A7: a missing token, triggeredAt, signature or event gets 400', async () => {
    for (const field of ['token', 'triggeredAt', 'signature', 'event']) {
      const body: Record<string, unknown> = signed(TOKEN, { triggeredAt: NOW });
      delete body[field];
      expect((await h.post(body)).status, field).toBe(400);
    }
    expect(h.rows()).toBe(0);
  });

  it('A11: triggeredAt in seconds, negative, NaN, a string or 1e308 gets 400/401, no crash', async () => {
    for (const triggeredAt of [Math.floor(NOW / 1000), -NOW, 'NaN', String(NOW), 1e308, 0, 1.5e12 + 0.5, null]) {
      const body = { ...signed(TOKEN, { triggeredAt: NOW }), triggeredAt };
      expect([400, 401], JSON.stringify(triggeredAt)).toContain((await h.post(body)).status);
    }
    // Signed over the seconds value itself: still refused as seconds.
    expect((await h.post(signed(TOKEN, { triggeredAt: Math.floor(NOW / 1000) }))).status).toBe(400);
    expect(h.rows()).toBe(0);
  });

  it('refuses data that is not an object or ids that are not short strings', async () => {
    expect((await h.post({ ...signed(TOKEN, { triggeredAt: NOW }), data: ['x'] })).status).toBe(400);
    expect((await h.post(signed(TOKEN, { triggeredAt: NOW, data: { opportunityId: { $ne: 1 } } }))).status).toBe(400);
    expect((await h.post(signed(TOKEN, { triggeredAt: NOW, data: { opportunityId: 'x'.repeat(500) } }))).status).toBe(400);
  });
});

describe('freshness (A9, A10)', () => {
  it('A9: triggeredAt 10 minutes in the future gets 401; 4 minutes is within the skew', async () => {
    expect((await h.post(signed(TOKEN, { triggeredAt: NOW + 10 * 60_000 }))).status).toBe(401);
    expect((await h.post(signed(TOKEN, { triggeredAt: NOW + 4 * 60_000 }))).status).toBe(202);
  });

  it('A10: older than the past window gets 200 and is recorded stale, not processed; inside the window it is processed', async () => {
    const old = NOW - DEFAULT_FRESHNESS.pastWindowMs - 60_000;
    expect((await h.post(signed(TOKEN, { triggeredAt: old }))).status).toBe(200);
    expect((await h.post(signed(TOKEN, { triggeredAt: NOW - DEFAULT_FRESHNESS.pastWindowMs + 60_000 }))).status).toBe(202);
    await tick();
    const stale = h.inbox.listHires(10).find((r) => r.triggeredAt === old)!;
    expect(stale).toMatchObject({ status: 'stale', decision: 'failed' });
    expect(stale.reason).toContain('older than the 72-hour window');
    expect(h.queued).toHaveLength(1);
    expect(h.logs.some((l) => l.message.includes('stale_signed'))).toBe(true);
  });
});
