// The request loop's traffic and timing against a real server on 127.0.0.1: the headers every call
// carries, backoff and rate-limit waits (exact, on a manual clock) and their log lines, the shared
// pace after a 429, how the run's stop ends a call, and probes that are safe to repeat.
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/main/core/http/clock.ts';
import { createRateLimiter } from '../../../src/main/core/http/rate-limiter.ts';
import { probeVia } from '../../../src/main/core/http/transport.ts';
import { closedPort, closeServers, failureOf, json, loop, messages, serve, START } from './transport-loop-support.ts';

afterEach(closeServers);

describe('what the loop sends', () => {
  it('the credential, JSON accept and the ReqBridge user agent on every call; a JSON content type only with a body', async () => {
    const { base, seen } = await serve(json(200, { ok: true }), json(201, { id: 'new-1' }));
    const { transport } = loop(base);
    expect(await transport.request({ method: 'GET', path: '/things' })).toEqual({ status: 200, body: { ok: true } });
    expect(await transport.request({ method: 'POST', path: '/things', body: { name: 'Ada' } })).toEqual({
      status: 201,
      body: { id: 'new-1' },
    });
    const [read, write] = seen;
    expect(read?.headers).toMatchObject({ authorization: 'Basic dGVzdC1rZXk6', accept: 'application/json', 'user-agent': 'ReqBridge' });
    expect(read?.headers['content-type']).toBeUndefined();
    expect(read?.body).toBe('');
    expect(write?.headers).toMatchObject({ accept: 'application/json', 'user-agent': 'ReqBridge', 'content-type': 'application/json' });
    expect(write?.body).toBe('{"name":"Ada"}');
  });
});

describe('retries and waits', () => {
  it('a 503 on a read is retried after the recorded backoff, and the log says which attempt comes next', async () => {
    const { base, seen } = await serve(json(503, {}), json(200, { ok: true }));
    const { transport, clock, recorder, lines } = loop(base);
    expect(await transport.request({ method: 'GET', path: '/users' })).toEqual({ status: 200, body: { ok: true } });
    expect(seen).toHaveLength(2);
    expect(clock.sleeps).toEqual([250]);
    expect(recorder.waits()).toEqual([
      { type: 'wait', vendor: 'lever', endpoint: 'GET /users', attempt: 2, at: START, ms: 250, reason: 'backoff' },
    ]);
    expect(messages(lines)).toEqual(['info: GET /users: status 503; retrying in 250 ms (backoff, attempt 2 of 3)']);
  });

  it('a zero backoff retries at once without asking the clock to sleep', async () => {
    const { base, seen } = await serve(json(503, {}), json(200, { ok: true }));
    const { transport, clock, recorder } = loop(base, { retry: { random: () => 0 } });
    expect(await transport.request({ method: 'GET', path: '/users' })).toEqual({ status: 200, body: { ok: true } });
    expect(seen).toHaveLength(2);
    expect(clock.sleeps).toEqual([]);
    expect(recorder.waits().map((w) => [w.attempt, w.ms, w.reason])).toEqual([[2, 0, 'backoff']]);
  });

  it('a rate-limit wait is recorded from when it began', async () => {
    const clock = createManualClock(START);
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 1 }, clock);
    const { base } = await serve(json(200, {}));
    const { transport, recorder } = loop(base, { clock, limiter });
    await transport.request({ method: 'GET', path: '/users' });
    await transport.request({ method: 'GET', path: '/users' });
    const [wait] = recorder.waits();
    expect(wait).toMatchObject({ type: 'wait', endpoint: 'GET /users', attempt: 1, at: START, reason: 'rate-limit' });
    expect(wait?.ms).toBeGreaterThan(0);
    expect(recorder.attempts().map((a) => a.at)).toEqual([START, START + (wait?.ms ?? 0)]);
  });

  it('a connection error does not count as an answer that lets the shared pace climb back after a 429', async () => {
    const clock = createManualClock(START);
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 20 }, clock);
    const { base } = await serve(json(429, {}), json(200, {}));
    const throttled = loop(base, { clock, limiter, retry: { maxAttempts: 1 } });
    expect((await failureOf(throttled.transport, { method: 'GET', path: '/users' })).kind).toBe('rate_limited');
    expect(limiter.currentRate()).toBeCloseTo(4.5, 10);
    const refused = loop(await closedPort(), { clock, limiter, retry: { maxAttempts: 1 } });
    expect((await failureOf(refused.transport, { method: 'GET', path: '/users' })).kind).toBe('unreachable');
    expect(limiter.currentRate()).toBeCloseTo(4.5, 10);
    await throttled.transport.request({ method: 'GET', path: '/users' });
    expect(limiter.currentRate()).toBeCloseTo(4.6, 10);
  });
});

describe("the run's stop", () => {
  it('ends a call in flight with the cancelled sentence, not a vendor failure', async () => {
    const controller = new AbortController();
    const { base } = await serve(() => controller.abort());
    const { transport, facts, recorder } = loop(base, { signal: controller.signal, timeoutMs: 1_000 });
    const error = await failureOf(transport, { method: 'GET', path: '/users' });
    // The attempt itself was stopped, not left to run into its timeout.
    expect(recorder.events()).toEqual([
      { type: 'attempt', vendor: 'lever', endpoint: 'GET /users', attempt: 1, at: START, outcome: 'cancelled', status: null },
    ]);
    expect(error).toMatchObject({
      kind: 'cancelled',
      code: 'lever.cancelled',
      message: 'Lever call GET /users was cancelled because the run was stopped.',
    });
    expect(facts).toEqual([]);
  });

  it('ends a call waiting for its retry, without another attempt', async () => {
    const controller = new AbortController();
    const { base, seen } = await serve((req, res) => {
      json(503, {})(req, res);
      controller.abort();
    });
    const { transport } = loop(base, { signal: controller.signal });
    const error = await failureOf(transport, { method: 'GET', path: '/users' });
    expect(error.message).toBe('Lever call GET /users was cancelled because the run was stopped.');
    expect(seen).toHaveLength(1);
  });
});

describe('probes', () => {
  it('a probe by POST is safe to repeat: a 503 is retried and the answer returned', async () => {
    const { base, seen } = await serve(json(503, {}), json(200, { data: [] }));
    const { transport } = loop(base);
    expect(await probeVia(transport, { method: 'POST', path: '/probe', body: {} })).toEqual({
      status: 200,
      serverMessage: null,
      body: { data: [] },
    });
    expect(seen).toHaveLength(2);
  });

  it("a refused probe returns the status with the vendor's message cut to 300 characters", async () => {
    const { base } = await serve(json(403, { message: 'p'.repeat(400) }));
    const { transport } = loop(base);
    expect(await probeVia(transport, { method: 'GET', path: '/probe' })).toEqual({
      status: 403,
      serverMessage: 'p'.repeat(300),
      body: { message: 'p'.repeat(400) },
    });
  });
});
