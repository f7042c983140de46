import { afterEach, describe, expect, it } from 'vitest';
import { createFakeLever, DEFAULT_ARCHIVE_REASONS } from '../../../src/main/sandbox/lever/index.ts';
import type { FakeLever, LeverSeed } from '../../../src/main/sandbox/lever/index.ts';
import { client, FULL_KEY, READ_KEY, readJson, USERS } from './lever-fixtures.ts';
import { startReceiver, verifies } from './webhook-fixtures.ts';
import type { Receiver } from './webhook-fixtures.ts';

const NOW = 1_795_000_000_000;
const HIRED = DEFAULT_ARCHIVE_REASONS[0]!.id;
const seed: LeverSeed = {
  keys: [FULL_KEY, READ_KEY],
  users: USERS,
  requisitions: [{ id: 'r-1', requisitionCode: 'ENG-1', name: 'Backend', headcountTotal: 1, hiringManager: 'u-grace' }],
  postings: [{ id: 'p-1', text: 'Backend Engineer', requisitionCodes: ['ENG-1'] }],
  opportunities: [
    { id: 'o-1', name: 'Ada Example', contact: 'c-1', emails: ['ada@example.com'], origin: 'applied', application: { posting: 'p-1' } },
    { id: 'o-2', name: 'Sam Sourced', contact: 'c-2', emails: ['sam@example.com'], origin: 'sourced', application: { posting: 'p-1' } },
  ],
};

let lever: FakeLever | undefined;
let receiver: Receiver | undefined;
let second: Receiver | undefined;
afterEach(async () => {
  await lever?.close();
  await receiver?.close();
  await second?.close();
  lever = undefined;
  receiver = undefined;
  second = undefined;
});

describe('fake Lever webhooks API', () => {
  it('returns signatureToken only on create, lists without it and without hasNext, deletes with 204', async () => {
    lever = await createFakeLever({ seed, clock: () => NOW });
    const api = client(lever.url, FULL_KEY.secret);
    const created = await api.post('/webhooks', { event: 'candidateHired', url: 'https://example.test/hook' });
    expect(created.status).toBe(201);
    const token = created.body.data.configuration.signatureToken;
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    expect(created.body.data.configuration.conditions.origins).toEqual([
      'applied',
      'sourced',
      'referred',
      'university',
      'internal',
      'agency',
    ]);
    const list = await api.get('/webhooks');
    expect(list.body).not.toHaveProperty('hasNext');
    expect(list.body.data).toEqual([
      {
        id: created.body.data.id,
        event: 'candidateHired',
        url: 'https://example.test/hook',
        configuration: { conditions: { origins: ['applied', 'sourced', 'referred', 'university', 'internal', 'agency'] } },
        createdAt: NOW,
        updatedAt: NOW,
      },
    ]);
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect((await api.post('/webhooks', { event: 'candidateExploded', url: 'https://example.test/x' })).status).toBe(400);
    expect((await api.post('/webhooks', { event: 'candidateHired', url: 'not a url' })).status).toBe(400);
    expect((await api.del(`/webhooks/${created.body.data.id}`)).status).toBe(204);
    expect((await api.del(`/webhooks/${created.body.data.id}`)).status).toBe(404);
    expect((await api.get('/webhooks')).body.data).toEqual([]);
  });
});

describe('fake Lever hireOpportunity', () => {
  it('archives as hired, records the offer, counts the requisition and fires a signed candidateHired', async () => {
    receiver = await startReceiver();
    lever = await createFakeLever({ seed, clock: () => NOW });
    const api = client(lever.url, FULL_KEY.secret);
    const hook = await api.post('/webhooks', { event: 'candidateHired', url: receiver.url });
    const signatureToken = hook.body.data.configuration.signatureToken;
    await api.post('/webhooks', { event: 'candidateStageChange', url: receiver.url });

    const result = await lever.control.hireOpportunity('o-1', {
      startDate: 1_796_000_000_000,
      salary: 95000,
      currency: 'EUR',
      equity: '0.1%',
    });
    expect(result).toMatchObject({ opportunityId: 'o-1', requisitionId: 'r-1', webhooks: 1 });

    expect(receiver.bodies).toHaveLength(1);
    const delivery = receiver.bodies[0];
    expect(delivery).toMatchObject({
      event: 'candidateHired',
      triggeredAt: NOW,
      data: { opportunityId: 'o-1', candidateId: 'o-1', contactId: 'c-1' },
    });
    expect(verifies(delivery, signatureToken)).toBe(true);

    const opp = (await api.get('/opportunities/o-1?expand=applications')).body.data;
    expect(opp.archived).toEqual({ reason: HIRED, archivedAt: NOW });
    expect(opp.stage).toBe('offer');
    expect(opp.applications[0].requisitionForHire).toEqual({ id: 'r-1', requisitionCode: 'ENG-1', hiringManagerOnHire: 'u-grace' });
    expect(
      (await api.get(`/opportunities?archive_reason_id=${HIRED}&archived_posting_id=p-1`)).body.data.map((o: { id: string }) => o.id),
    ).toEqual(['o-1']);
    const offers = (await api.get('/opportunities/o-1/offers')).body.data;
    expect(offers).toHaveLength(1);
    expect(offers[0].status).toBe('signed');
    const field = (id: string) => offers[0].fields.find((f: { identifier: string }) => f.identifier === id)?.value;
    expect([field('anticipated_start_date'), field('salary_amount'), field('compensation_currency'), field('equity')]).toEqual([
      1_796_000_000_000,
      95000,
      'EUR',
      '0.1%',
    ]);
    const req = (await api.get('/requisitions/r-1')).body.data;
    expect(req).toMatchObject({ headcountHired: 1, status: 'closed', closedAt: NOW });

    await lever.control.hireOpportunity('o-1');
    expect((await api.get('/requisitions/r-1')).body.data.headcountHired).toBe(1);
    expect(receiver.bodies).toHaveLength(2);
  });

  it('fires for every registered candidateHired webhook, each signed with its own signature token', async () => {
    receiver = await startReceiver();
    second = await startReceiver();
    lever = await createFakeLever({ seed, clock: () => NOW });
    const api = client(lever.url, FULL_KEY.secret);
    const first = await api.post('/webhooks', { event: 'candidateHired', url: receiver.url });
    const other = await api.post('/webhooks', { event: 'candidateHired', url: second.url });
    const tokenA: string = first.body.data.configuration.signatureToken;
    const tokenB: string = other.body.data.configuration.signatureToken;
    expect(tokenA).not.toBe(tokenB);

    const result = await lever.control.hireOpportunity('o-1', { startDate: 1_796_000_000_000 });
    expect(result.webhooks).toBe(2);
    // hireOpportunity resolves once every delivery was answered.
    expect(receiver.bodies).toHaveLength(1);
    expect(second.bodies).toHaveLength(1);
    for (const body of [receiver.bodies[0], second.bodies[0]]) {
      expect(body).toMatchObject({
        event: 'candidateHired',
        triggeredAt: NOW,
        data: { opportunityId: 'o-1', candidateId: 'o-1', contactId: 'c-1' },
      });
    }
    // Each delivery verifies with its own webhook's token, and not with the other's.
    expect(verifies(receiver.bodies[0], tokenA)).toBe(true);
    expect(verifies(second.bodies[0], tokenB)).toBe(true);
    expect(verifies(receiver.bodies[0], tokenB)).toBe(false);
    expect(verifies(second.bodies[0], tokenA)).toBe(false);
  });

  it('honours origin conditions, and sends nothing when webhooks are disabled', async () => {
    receiver = await startReceiver();
    lever = await createFakeLever({ seed, clock: () => NOW });
    const api = client(lever.url, FULL_KEY.secret);
    await api.post('/webhooks', { event: 'candidateHired', url: receiver.url, configuration: { conditions: { origins: ['applied'] } } });
    expect((await lever.control.hireOpportunity('o-2')).webhooks).toBe(0);
    lever.control.setWebhooksEnabled(false);
    expect((await lever.control.hireOpportunity('o-1')).webhooks).toBe(1);
    expect(receiver.bodies).toHaveLength(0);
    expect(lever.control.webhookDeliveries()).toEqual([]);
    expect((await api.get('/opportunities/o-1')).body.data.archived?.reason).toBe(HIRED);
  });

  it('retries a failing receiver on the configured schedule, and can be triggered over the control surface', async () => {
    receiver = await startReceiver([503]);
    const waits: number[] = [];
    lever = await createFakeLever({
      seed,
      clock: () => NOW,
      controlToken: 'ctl',
      webhooks: {
        retryDelaysMs: [250],
        sleep: async (ms) => {
          waits.push(ms);
        },
      },
    });
    const api = client(lever.url, FULL_KEY.secret);
    await api.post('/webhooks', { event: 'candidateHired', url: receiver.url });
    const root = lever.url.replace(/\/v1$/, '');
    const res = await fetch(`${root}/__sandbox/opportunities/o-1/hire`, {
      method: 'POST',
      headers: { 'x-sandbox-control': 'ctl', 'content-type': 'application/json' },
      body: JSON.stringify({ startDate: 1 }),
    });
    expect(res.status).toBe(200);
    expect((await readJson(res)).data).toMatchObject({ opportunityId: 'o-1', webhooks: 1 });
    await receiver.waitFor(2);
    expect(waits).toEqual([250]);
    expect(receiver.bodies[0]).toEqual(receiver.bodies[1]);
    const missing = await fetch(`${root}/__sandbox/opportunities/nope/hire`, { method: 'POST', headers: { 'x-sandbox-control': 'ctl' } });
    expect(missing.status).toBe(404);
    await missing.body?.cancel();
  });

  it('refuses to hire an unknown opportunity', async () => {
    lever = await createFakeLever({ seed });
    await expect(lever.control.hireOpportunity('nope')).rejects.toThrow(/opportunity/);
  });
});
