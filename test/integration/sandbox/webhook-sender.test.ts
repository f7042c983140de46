import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/main/sandbox/http/index.ts';
import { buildCandidateHiredDelivery, createWebhookSender, signLeverWebhook } from '../../../src/main/sandbox/webhook/index.ts';
import { independentHmacSha256Hex, startReceiver, verifies } from './webhook-fixtures.ts';
import type { Receiver } from './webhook-fixtures.ts';

const TOKEN = '9f2c1a7b3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e2d';
let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('signed Lever webhook sender', () => {
  it("the test's own HMAC matches RFC 4231 test case 2", () => {
    expect(independentHmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('posts a candidateHired delivery that verifies with an independent HMAC over token + triggeredAt', async () => {
    receiver = await startReceiver();
    const sender = createWebhookSender({ random: createRng(5), clock: () => 1_782_975_400_123 });
    const report = await sender.sendCandidateHired(receiver.url, TOKEN, { opportunityId: 'opp-1', contactId: 'contact-1' });
    expect(report.delivered).toBe(true);
    expect(receiver.bodies).toHaveLength(1);
    const body = receiver.bodies[0];
    expect(receiver.contentTypes[0]).toContain('application/json');
    expect(body).toEqual({
      triggeredAt: 1_782_975_400_123,
      event: 'candidateHired',
      token: expect.stringMatching(/^[0-9a-f]{32}$/),
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
      data: { opportunityId: 'opp-1', candidateId: 'opp-1', contactId: 'contact-1' },
    });
    expect(verifies(body, TOKEN)).toBe(true);
    expect(verifies(body, `${TOKEN}x`)).toBe(false);
    expect(verifies({ ...body, triggeredAt: body.triggeredAt + 1 }, TOKEN)).toBe(false);
  });

  it('signs exactly token + triggeredAt (no separator) and not the body', () => {
    const d = buildCandidateHiredDelivery({ opportunityId: 'o', contactId: 'c' }, 'key', 1700000000000, { token: 'abc' });
    expect(d.signature).toBe(independentHmacSha256Hex('key', 'abc1700000000000'));
    expect(signLeverWebhook('key', 'abc', 1700000000000)).toBe(d.signature);
  });

  it('retries on failures following the configured schedule, with the same signed body each time', async () => {
    receiver = await startReceiver([500, 503]);
    const waits: number[] = [];
    const sender = createWebhookSender({
      retryDelaysMs: [100, 2000, 60_000],
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const report = await sender.sendCandidateHired(receiver.url, TOKEN, { opportunityId: 'o', contactId: 'c' });
    expect(report.delivered).toBe(true);
    expect(report.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(waits).toEqual([100, 2000]);
    expect(receiver.bodies).toHaveLength(3);
    expect(new Set(receiver.bodies.map((b) => JSON.stringify(b))).size).toBe(1);
  });

  it('gives up after the last retry and records network errors', async () => {
    receiver = await startReceiver([500, 500, 500]);
    const sender = createWebhookSender({ retryDelaysMs: [1, 1], sleep: async () => undefined });
    const failed = await sender.sendCandidateHired(receiver.url, TOKEN, { opportunityId: 'o', contactId: 'c' });
    expect(failed.delivered).toBe(false);
    expect(failed.attempts).toHaveLength(3);
    const url = receiver.url;
    await receiver.close();
    receiver = undefined;
    const unreachable = await sender.sendCandidateHired(url, TOKEN, { opportunityId: 'o', contactId: 'c' });
    expect(unreachable.delivered).toBe(false);
    expect(unreachable.attempts.every((a) => a.status === undefined && typeof a.error === 'string')).toBe(true);
    expect(sender.attempts()).toHaveLength(6);
  });

  it("sends Lever's signed verification ping without an opportunity", async () => {
    receiver = await startReceiver();
    const sender = createWebhookSender();
    const report = await sender.sendVerification(receiver.url, TOKEN);
    expect(report.delivered).toBe(true);
    const body = receiver.bodies[0];
    expect(body).not.toHaveProperty('data');
    expect(body.event).toBe('candidateHired');
    expect(verifies(body, TOKEN)).toBe(true);
  });

  it('when disabled, posts nothing (the "webhook never delivered" case)', async () => {
    receiver = await startReceiver();
    const sender = createWebhookSender({ enabled: false });
    const report = await sender.sendCandidateHired(receiver.url, TOKEN, { opportunityId: 'o', contactId: 'c' });
    expect(report).toMatchObject({ delivered: false, skipped: 'disabled', attempts: [] });
    sender.setEnabled(true);
    expect((await sender.sendVerification(receiver.url, TOKEN)).delivered).toBe(true);
    expect(receiver.bodies).toHaveLength(1);
  });

  it('stop() cancels a pending retry with real timers, so nothing is left hanging', async () => {
    receiver = await startReceiver([500]);
    const sender = createWebhookSender({ retryDelaysMs: [60_000] });
    const pending = sender.sendCandidateHired(receiver.url, TOKEN, { opportunityId: 'o', contactId: 'c' });
    await receiver.waitFor(1);
    sender.stop();
    const report = await pending;
    expect(report).toMatchObject({ delivered: false, skipped: 'stopped' });
    expect(report.attempts).toHaveLength(1);
  });
});
