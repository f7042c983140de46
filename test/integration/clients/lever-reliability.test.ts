// Reliability acceptance tests of the Lever client against the fake Lever (reliability.md §5, rows
// B*). Client and server share one manual clock, so rates and waits are exact, not timed.
import { afterEach, describe, expect, it } from 'vitest';
import { isHttpFailure } from '../../../src/main/core/http/errors.ts';
import { collect } from '../../../src/main/core/http/paginate.ts';
import { createFakeLever } from '../../../src/main/sandbox/lever/index.ts';
import type { FakeLever, LeverSeed } from '../../../src/main/sandbox/lever/index.ts';
import type { ClientKit } from './support.ts';
import { clientKit, FULL_KEY, leverClient, requisitions, sequenceRandom, USERS } from './support.ts';

let lever: FakeLever | undefined;
afterEach(async () => {
  await lever?.close();
  lever = undefined;
});

async function start(kit: ClientKit, seed: LeverSeed, options: Parameters<typeof createFakeLever>[0] = {}): Promise<FakeLever> {
  lever = await createFakeLever({ seed, clock: () => kit.clock.now(), ...options });
  return lever;
}

/** Items yielded before the listing failed, and the failure. */
async function drain<T>(items: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const out: T[] = [];
  try {
    for await (const item of items) out.push(item);
    return { items: out, error: undefined };
  } catch (error) {
    return { items: out, error };
  }
}

describe('429 storm (B1)', () => {
  it('survives it, never exceeds 10 req/s beyond the burst of 20, and every record arrives', async () => {
    const kit = clientKit();
    const fake = await start(kit, { keys: [FULL_KEY], users: USERS, requisitions: requisitions(3000) });
    expect(fake.control.rateLimit()).toMatchObject({ ratePerSecond: 10, burst: 20, enabled: true });
    fake.control.setFault({
      method: 'GET',
      path: '/v1/requisitions',
      nth: [2, 3, 4, 5, 6, 14, 15, 22, 23, 24, 40],
      action: { kind: 'status', status: 429, retryAfter: 1 },
    });
    fake.control.setFault({ method: 'GET', path: '/v1/requisitions', nth: [9, 10, 31], action: { kind: 'status', status: 429 } });
    const client = leverClient(kit, fake.url, FULL_KEY.secret, { pageSize: 50, retry: { maxAttempts: 8 } });

    const all = await collect(client.requisitions.list());
    expect(all).toHaveLength(3000);
    expect(new Set(all.map((r) => r.id)).size).toBe(3000);
    expect(all.map((r) => r.requisitionCode)).toEqual(requisitions(3000).map((r) => r.requisitionCode));

    const log = fake.control.requestLog();
    expect(log).toHaveLength(60 + 14);
    expect(log.filter((e) => e.fault === 'status')).toHaveLength(14);
    // The fake's own limiter (10/s, burst 20) never had to refuse the client.
    expect(log.filter((e) => e.status === 429 && e.fault === undefined)).toEqual([]);
    // Sliding windows over the server's arrival times: n requests within t ms ≤ 20 + t/100.
    for (let i = 0; i < log.length; i += 1) {
      for (let j = i; j < log.length; j += 1) {
        const span = (log[j]?.at ?? 0) - (log[i]?.at ?? 0);
        expect(j - i + 1).toBeLessThanOrEqual(20 + Math.floor(span / 100));
      }
    }
    const waits = kit.recorder.waits();
    expect(waits.filter((w) => w.reason === 'retry-after').map((w) => w.ms)).toEqual(Array(11).fill(1000));
    expect(waits.filter((w) => w.reason === 'backoff')).toHaveLength(3);
    expect(waits.filter((w) => w.reason === 'rate-limit').length).toBeGreaterThan(10);

    // The server's limiter is live: a client that does not pace itself collects 429s.
    const auth = `Basic ${Buffer.from(`${FULL_KEY.secret}:`).toString('base64')}`;
    const burst = await Promise.all(Array.from({ length: 40 }, () => fetch(`${fake.url}/users`, { headers: { authorization: auth } })));
    expect(burst.filter((r) => r.status === 429).length).toBeGreaterThan(0);
  });
});

describe('transient failures (B4) and Retry-After (B1, B2)', () => {
  it('three 503s then success: the call succeeds; attempts and full-jitter backoff waits are recorded', async () => {
    const kit = clientKit();
    const fake = await start(kit, { keys: [FULL_KEY], users: USERS, requisitions: requisitions(1) });
    fake.control.setFault({ path: '/v1/requisitions/:id', nth: [1, 2, 3], action: { kind: 'status', status: 503 } });
    const client = leverClient(kit, fake.url, FULL_KEY.secret, { retry: { random: sequenceRandom([0.5, 0.25, 1]), baseDelayMs: 500 } });
    const before = kit.clock.now();
    const r = await client.requisitions.get('req-00000');
    expect(r.requisitionCode).toBe('ENG-00000');
    expect(kit.recorder.attempts().map((a) => [a.attempt, a.status])).toEqual([
      [1, 503],
      [2, 503],
      [3, 503],
      [4, 200],
    ]);
    // random × min(cap, 500 × 2^(n−1)): 0.5×500, 0.25×1000, 1×2000.
    expect(kit.recorder.waits().map((w) => [w.reason, w.ms])).toEqual([
      ['backoff', 250],
      ['backoff', 250],
      ['backoff', 2000],
    ]);
    expect(kit.clock.now() - before).toBe(2500);
    expect(fake.control.requestLog().map((e) => e.status)).toEqual([503, 503, 503, 200]);
  });

  it('honours Retry-After in seconds and as an HTTP date, clamps it, and falls back to backoff on garbage', async () => {
    const kit = clientKit(Date.UTC(2026, 0, 5, 9, 0, 0));
    const fake = await start(kit, { keys: [FULL_KEY], users: USERS, requisitions: requisitions(1) });
    const inTenSeconds = new Date(kit.clock.now() + 10_000).toUTCString();
    fake.control.setFault({ path: '/v1/requisitions/:id', nth: 1, action: { kind: 'status', status: 503, retryAfter: 3 } });
    fake.control.setFault({ path: '/v1/requisitions/:id', nth: 2, action: { kind: 'status', status: 429, retryAfter: inTenSeconds } });
    fake.control.setFault({ path: '/v1/requisitions/:id', nth: 3, action: { kind: 'status', status: 429, retryAfter: 'soon-ish' } });
    fake.control.setFault({ path: '/v1/requisitions/:id', nth: 4, action: { kind: 'status', status: 429, retryAfter: 86_400 } });
    const client = leverClient(kit, fake.url, FULL_KEY.secret, { retry: { random: () => 0.5, maxAttempts: 6, maxRetryAfterMs: 60_000 } });
    await client.requisitions.get('req-00000');
    // 3 s; the date is 10 s after the start, 3 s of which have passed; garbage → backoff 0.5 × 2000; a day → clamped.
    expect(kit.recorder.waits().map((w) => [w.reason, w.ms])).toEqual([
      ['retry-after', 3000],
      ['retry-after', 7000],
      ['backoff', 1000],
      ['retry-after', 60_000],
    ]);
  });

  it('adapts the shared bucket: a bare 429 halves its rate, successes step it back up, a Retry-After resumes below the refused rate', async () => {
    const kit = clientKit();
    const fake = await start(kit, { keys: [FULL_KEY], users: USERS, requisitions: requisitions(1) });
    const client = leverClient(kit, fake.url, FULL_KEY.secret, { retry: { random: () => 0 } });
    const bucket = kit.registry.get('lever', fake.url, FULL_KEY.secret);
    expect(bucket.currentRate()).toBeCloseTo(9, 10);
    fake.control.setFault({ path: '/v1/requisitions/:id', nth: 1, action: { kind: 'status', status: 429 } });
    await client.requisitions.get('req-00000');
    // Halved by the 429, then one step (1 % of 10/s) back up by the retry that went through.
    expect(bucket.currentRate()).toBeCloseTo(4.6, 10);
    for (let i = 0; i < 5; i += 1) await client.requisitions.get('req-00000');
    expect(bucket.currentRate()).toBeCloseTo(5.1, 10);
    // A Retry-After holds the bucket, and the pace resumes at 75 % of the refused rate (the ceiling for now).
    fake.control.setFault({ path: '/v1/requisitions/:id', nth: 1, action: { kind: 'status', status: 429, retryAfter: 2 } });
    await client.requisitions.get('req-00000');
    expect(bucket.currentRate()).toBeCloseTo(5.1 * 0.75, 10);
  });

  it("stops with a clear error when the run's retry budget is used up", async () => {
    const kit = clientKit();
    const fake = await start(kit, { keys: [FULL_KEY], users: USERS, requisitions: requisitions(1) });
    fake.control.setFault({ path: '/v1/requisitions/:id', action: { kind: 'status', status: 503 } });
    const { createRetryBudget } = await import('../../../src/main/core/http/retry-policy.ts');
    const { createLeverClient } = await import('../../../src/main/core/lever/client.ts');
    const client = createLeverClient({
      baseUrl: fake.url,
      apiKey: FULL_KEY.secret,
      limiter: kit.registry.get('lever', fake.url, FULL_KEY.secret),
      logger: kit.logging.logger,
      clock: kit.clock,
      budget: createRetryBudget({ maxRetries: 2 }),
      retry: { maxAttempts: 10 },
    });
    const error = await client.requisitions.get('req-00000').catch((e: unknown) => e);
    expect(isHttpFailure(error, 'retry_budget_exhausted')).toBe(true);
    expect(fake.control.requestLog()).toHaveLength(3);
  });
});

describe('401 mid-listing (B8)', () => {
  it('stops at once with a message naming the Lever key; no retries', async () => {
    const kit = clientKit();
    const fake = await start(kit, { keys: [FULL_KEY], users: USERS, requisitions: requisitions(250) });
    fake.control.setFault({ method: 'GET', path: '/v1/requisitions', nth: 3, action: { kind: 'status', status: 401 } });
    const client = leverClient(kit, fake.url, FULL_KEY.secret);
    const { items, error } = await drain(client.requisitions.list());
    expect(items).toHaveLength(200);
    expect(isHttpFailure(error, 'unauthorized')).toBe(true);
    expect((error as Error).message).toMatch(/Lever rejected the Lever API key \(401 Unauthorized on GET \/requisitions\)/);
    expect((error as Error).message).toContain('paste it as the Lever API key on the Setup page');
    expect(fake.control.requestLog().map((e) => e.status)).toEqual([200, 200, 401]);
    expect(kit.recorder.waits().filter((w) => w.reason !== 'rate-limit')).toEqual([]);
  });
});

describe('error answers with unreadable bodies', () => {
  it('a 401 whose body is not JSON is still a 401: no retry', async () => {
    const kit = clientKit();
    const fake = await start(kit, { keys: [FULL_KEY], users: USERS });
    fake.control.setFault({ path: '/v1/users', action: { kind: 'malformedJson' } });
    const error = await collect(leverClient(kit, fake.url, 'lever-not-a-key').account.users()).catch((e: unknown) => e);
    expect(isHttpFailure(error, 'unauthorized')).toBe(true);
    expect(fake.control.requestLog()).toHaveLength(1);
  });
});

describe('damaged pages (B13)', () => {
  it('a truncated JSON page is a clear error, never an empty or short list', async () => {
    const kit = clientKit();
    const fake = await start(kit, { keys: [FULL_KEY], users: USERS, requisitions: requisitions(250) });
    fake.control.setFault({ method: 'GET', path: '/v1/requisitions', nth: [2, 3, 4, 5, 6], action: { kind: 'truncateBody' } });
    const client = leverClient(kit, fake.url, FULL_KEY.secret);
    const listing = collect(client.requisitions.list());
    await expect(listing).rejects.toMatchObject({ code: 'lever.bad_response' });
    const error = await listing.catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /Lever's answer to GET \/requisitions was incomplete or not valid JSON \(the response body was cut off; tried 5 times\)/,
    );
    expect(kit.recorder.attempts().filter((a) => a.outcome === 'bad-response')).toHaveLength(5);
  });

  it('a page cut off or malformed once is fetched again and every record arrives', async () => {
    const kit = clientKit();
    const fake = await start(kit, { keys: [FULL_KEY], users: USERS, requisitions: requisitions(250) });
    fake.control.setFault({ method: 'GET', path: '/v1/requisitions', nth: 2, action: { kind: 'truncateBody' } });
    fake.control.setFault({ method: 'GET', path: '/v1/requisitions', nth: 4, action: { kind: 'malformedJson' } });
    const all = await collect(leverClient(kit, fake.url, FULL_KEY.secret).requisitions.list());
    expect(all).toHaveLength(250);
  });

  it('a page served twice yields its records once', async () => {
    const kit = clientKit();
    const fake = await start(kit, { keys: [FULL_KEY], users: USERS, requisitions: requisitions(250) });
    fake.control.setFault({ method: 'GET', path: '/v1/requisitions', nth: 2, action: { kind: 'pageRepeat' } });
    const all = await collect(leverClient(kit, fake.url, FULL_KEY.secret).requisitions.list());
    expect(all.map((r) => r.id)).toEqual(requisitions(250).map((r) => r.id));
  });
});

describe('writes with an unknown outcome (B5–B7)', () => {
  const input = { requisitionCode: 'ENG-777', name: 'Platform Engineer', headcountTotal: 1 };
  const count = (fake: FakeLever): number => fake.control.state().requisitions.filter((r) => r.requisitionCode === 'ENG-777').length;

  it('commit-then-reset on create: the requisition is found by its code, not created twice', async () => {
    const kit = clientKit();
    // Duplicate codes allowed, so a blind re-POST would visibly create a second requisition.
    const fake = await start(kit, { keys: [FULL_KEY], users: USERS }, { uniqueRequisitionCodes: false });
    fake.control.setFault({ method: 'POST', path: '/v1/requisitions', nth: 1, action: { kind: 'commitThenReset' } });
    const result = await leverClient(kit, fake.url, FULL_KEY.secret).requisitions.create(input);
    expect(result.outcome).toBe('recovered');
    expect(result.record.requisitionCode).toBe('ENG-777');
    expect(count(fake)).toBe(1);
    expect(fake.control.requestLog({ method: 'POST' })).toHaveLength(1);
    expect(kit.recorder.events().filter((e) => e.type === 'recovery')).toMatchObject([{ result: 'found' }]);
  });

  it('reset before the write happened: looked up, absent, sent again — one requisition', async () => {
    const kit = clientKit();
    const fake = await start(kit, { keys: [FULL_KEY], users: USERS }, { uniqueRequisitionCodes: false });
    fake.control.setFault({ method: 'POST', path: '/v1/requisitions', nth: 1, action: { kind: 'reset' } });
    const result = await leverClient(kit, fake.url, FULL_KEY.secret).requisitions.create(input);
    expect(result.outcome).toBe('created');
    expect(count(fake)).toBe(1);
    expect(fake.control.requestLog({ method: 'POST' })).toHaveLength(2);
  });

  it('a create whose every send is lost is sent three times in all, each re-send after a lookup found nothing, then reported unknown', async () => {
    const kit = clientKit();
    const fake = await start(kit, { keys: [FULL_KEY], users: USERS }, { uniqueRequisitionCodes: false });
    fake.control.setFault({ method: 'POST', path: '/v1/requisitions', action: { kind: 'reset' } });
    const error = await leverClient(kit, fake.url, FULL_KEY.secret)
      .requisitions.create(input)
      .catch((e: unknown) => e);
    expect(isHttpFailure(error, 'unknown_outcome')).toBe(true);
    expect(count(fake)).toBe(0);
    expect(fake.control.requestLog().map((e) => e.method)).toEqual(['POST', 'GET', 'POST', 'GET', 'POST', 'GET']);
    expect(kit.recorder.events().filter((e) => e.type === 'recovery')).toMatchObject([
      { result: 'absent-resent' },
      { result: 'absent-resent' },
    ]);
  });

  it('a create that times out after committing is found, not repeated', async () => {
    const kit = clientKit();
    const fake = await start(
      kit,
      { keys: [FULL_KEY], users: USERS },
      {
        // The server commits at once, then holds its answer (real time) well past the client's timeout.
        uniqueRequisitionCodes: false,
        sleep: () => new Promise((resolve) => setTimeout(resolve, 1500)),
      },
    );
    fake.control.setFault({ method: 'POST', path: '/v1/requisitions', nth: 1, action: { kind: 'delay', ms: 1500, after: true } });
    const result = await leverClient(kit, fake.url, FULL_KEY.secret, { timeoutMs: 300 }).requisitions.create(input);
    expect(result.outcome).toBe('recovered');
    expect(count(fake)).toBe(1);
    expect(kit.recorder.attempts().find((a) => a.endpoint === 'POST /requisitions')?.outcome).toBe('timeout');
  });

  it('a 503 on create is not blindly repeated either', async () => {
    const kit = clientKit();
    const fake = await start(kit, { keys: [FULL_KEY], users: USERS }, { uniqueRequisitionCodes: false });
    fake.control.setFault({ method: 'POST', path: '/v1/requisitions', nth: 1, action: { kind: 'status', status: 503 } });
    const result = await leverClient(kit, fake.url, FULL_KEY.secret).requisitions.create(input);
    expect(result.outcome).toBe('created');
    expect(count(fake)).toBe(1);
    expect(fake.control.requestLog().map((e) => `${e.method} ${e.status}`)).toEqual(['POST 503', 'GET 200', 'POST 201', 'GET 200']);
  });
});

describe('cancellation', () => {
  it('stops a listing when the run is cancelled', async () => {
    const kit = clientKit();
    const fake = await start(kit, { keys: [FULL_KEY], users: USERS, requisitions: requisitions(250) });
    const controller = new AbortController();
    const client = leverClient(kit, fake.url, FULL_KEY.secret, { signal: controller.signal });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const r of client.requisitions.list()) {
        seen.push(r.id);
        if (seen.length === 100) controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(isHttpFailure(error, 'cancelled')).toBe(true);
    expect(seen).toHaveLength(100);
    expect(fake.control.requestLog()).toHaveLength(1);
  });
});
