// The shared request loop against a real server on 127.0.0.1: what it sends, what a failure tells
// the user (status, the vendor's message, the transport detail, the request id), what the run log
// records for every attempt and wait, when a write is not repeated, and how a stop ends a call.
// Client and limiter share one manual clock, so every wait is an exact figure.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/main/core/http/clock.ts';
import type { ManualClock } from '../../../src/main/core/http/clock.ts';
import { HttpFailure } from '../../../src/main/core/http/errors.ts';
import { createRateLimiter } from '../../../src/main/core/http/rate-limiter.ts';
import type { RateLimiter } from '../../../src/main/core/http/rate-limiter.ts';
import { createHttpRecorder } from '../../../src/main/core/http/recorder.ts';
import type { MemoryHttpRecorder } from '../../../src/main/core/http/recorder.ts';
import type { RetryPolicy } from '../../../src/main/core/http/retry-policy.ts';
import { createTransport, probeVia } from '../../../src/main/core/http/transport.ts';
import type { FailureFacts, Transport, TransportRequest } from '../../../src/main/core/http/transport.ts';
import { createLogger } from '../../../src/main/core/logging/logger.ts';
import type { LogRecord } from '../../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';

const START = Date.UTC(2026, 0, 5, 9, 0, 0);

type Reply = (req: IncomingMessage, res: ServerResponse) => void;

/** What the server saw of one request. */
interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let servers: Server[] = [];
afterEach(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  servers = [];
});

/** A server on 127.0.0.1, port 0, answering the n-th request with `replies[n]` (the last one repeats). */
async function serve(...replies: Reply[]): Promise<{ base: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const reply = replies[Math.min(seen.length, replies.length) - 1] as Reply;
      reply(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** A base URL where nothing listens (a server bound, then closed). */
async function closedPort(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
const text =
  (status: number, body: string, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
const cutOff =
  (status: number, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res.writeHead(status, { 'content-length': '100', ...headers });
    res.write('{"items":[');
    setTimeout(() => res.destroy(), 20);
  };
const hangUp: Reply = (req) => req.socket.destroy();

interface Loop {
  transport: Transport;
  clock: ManualClock;
  limiter: RateLimiter;
  recorder: MemoryHttpRecorder;
  facts: FailureFacts[];
  lines: LogRecord[];
}

/** A Lever transport on a manual clock; failure messages name kind and endpoint, and their facts are kept. */
function loop(
  baseUrl: string,
  options: { retry?: Partial<RetryPolicy>; signal?: AbortSignal; timeoutMs?: number; clock?: ManualClock; limiter?: RateLimiter } = {},
): Loop {
  const clock = options.clock ?? createManualClock(START);
  const limiter = options.limiter ?? createRateLimiter({ ratePerSecond: 1000, burst: 1000 }, clock);
  const recorder = createHttpRecorder();
  const facts: FailureFacts[] = [];
  const lines: LogRecord[] = [];
  const transport = createTransport({
    vendor: 'lever',
    baseUrl,
    authorization: 'Basic dGVzdC1rZXk6',
    limiter,
    messages: (f) => {
      facts.push(f);
      return `Lever ${f.endpoint} failed: ${f.kind}.`;
    },
    logger: createLogger({ redactor: createRedactor(), sink: (r) => lines.push(r), level: 'debug' }),
    clock,
    recorder,
    retry: { random: () => 0.5, maxAttempts: 3, ...options.retry },
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  return { transport, clock, limiter, recorder, facts, lines };
}

async function failureOf(transport: Transport, request: TransportRequest): Promise<HttpFailure> {
  try {
    await transport.request(request);
  } catch (error) {
    if (error instanceof HttpFailure) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

const messages = (lines: LogRecord[]) => lines.map((l) => `${l.level}: ${l.message}`);

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

describe('what a failure tells', () => {
  it("a 404 names the route template, the status, the vendor's trimmed message and its request id", async () => {
    const { base } = await serve(json(404, { message: '  No such requisition  ' }, { 'x-request-id': 'rid-404' }));
    const { transport, facts, recorder } = loop(base);
    const error = await failureOf(transport, { method: 'GET', path: '/requisitions/r-7', route: '/requisitions/:id' });
    expect(error).toMatchObject({
      kind: 'not_found',
      endpoint: 'GET /requisitions/:id',
      status: 404,
      attempts: 1,
      serverMessage: 'No such requisition',
      requestId: 'rid-404',
      message: 'Lever GET /requisitions/:id failed: not_found.',
    });
    expect(facts).toEqual([
      {
        kind: 'not_found',
        method: 'GET',
        route: '/requisitions/:id',
        endpoint: 'GET /requisitions/:id',
        status: 404,
        attempts: 1,
        serverMessage: 'No such requisition',
        detail: null,
      },
    ]);
    expect(recorder.attempts()).toEqual([
      { type: 'attempt', vendor: 'lever', endpoint: 'GET /requisitions/:id', attempt: 1, at: START, outcome: 'http-error', status: 404 },
    ]);
  });

  it('a blank or null message is no message; a long one is cut to 300 characters', async () => {
    const long = `  ${'m'.repeat(400)}`;
    const { base } = await serve(json(400, { message: '   ' }), json(400, null), json(400, { message: long }));
    const { transport } = loop(base);
    expect((await failureOf(transport, { method: 'GET', path: '/a' })).serverMessage).toBeNull();
    expect((await failureOf(transport, { method: 'GET', path: '/b' })).serverMessage).toBeNull();
    expect((await failureOf(transport, { method: 'GET', path: '/c' })).serverMessage).toBe('m'.repeat(300));
  });

  it('a success that is not JSON keeps its status, the reason and the request id, in the failure and the run log', async () => {
    const { base } = await serve(text(200, '<html>login</html>', { 'x-request-id': 'rid-html' }));
    const { transport, facts, recorder } = loop(base, { retry: { maxAttempts: 1 } });
    const error = await failureOf(transport, { method: 'GET', path: '/users' });
    expect(error).toMatchObject({ kind: 'bad_response', status: 200, requestId: 'rid-html', attempts: 1 });
    expect(facts.map((f) => [f.status, f.detail])).toEqual([[200, 'the response body is not valid JSON']]);
    expect(recorder.attempts()).toEqual([
      {
        type: 'attempt',
        vendor: 'lever',
        endpoint: 'GET /users',
        attempt: 1,
        at: START,
        outcome: 'bad-response',
        status: 200,
        error: 'the response body is not valid JSON',
      },
    ]);
  });

  it('a success cut off mid-body keeps its status, the reason and the request id', async () => {
    const { base } = await serve(cutOff(200, { 'x-request-id': 'rid-cut' }));
    const { transport, facts, recorder } = loop(base, { retry: { maxAttempts: 1 } });
    const error = await failureOf(transport, { method: 'GET', path: '/users' });
    expect(error).toMatchObject({ kind: 'bad_response', status: 200, requestId: 'rid-cut' });
    expect(facts.map((f) => [f.status, f.detail])).toEqual([[200, 'the response body was cut off']]);
    expect(recorder.attempts().map((a) => [a.outcome, a.status, a.error])).toEqual([
      ['bad-response', 200, 'the response body was cut off'],
    ]);
  });

  it('a refused connection names its code, with no status and no id', async () => {
    const { transport, facts, recorder } = loop(await closedPort(), { retry: { maxAttempts: 1 } });
    const error = await failureOf(transport, { method: 'GET', path: '/users' });
    expect(error).toMatchObject({ kind: 'unreachable', status: null, requestId: null, attempts: 1 });
    expect(facts.map((f) => [f.status, f.detail])).toEqual([[null, 'ECONNREFUSED']]);
    expect(recorder.attempts()).toEqual([
      {
        type: 'attempt',
        vendor: 'lever',
        endpoint: 'GET /users',
        attempt: 1,
        at: START,
        outcome: 'network-error',
        status: null,
        error: 'ECONNREFUSED',
      },
    ]);
  });

  it('no answer within the timeout says so', async () => {
    const { base } = await serve(() => undefined);
    const { transport, facts, recorder } = loop(base, { retry: { maxAttempts: 1 }, timeoutMs: 100 });
    const error = await failureOf(transport, { method: 'GET', path: '/users' });
    expect(error).toMatchObject({ kind: 'timeout', status: null });
    expect(facts.map((f) => f.detail)).toEqual(['no answer within the timeout']);
    expect(recorder.attempts().map((a) => a.error)).toEqual(['no answer within the timeout']);
  });
});

describe('writes whose outcome is unknown are not repeated', () => {
  it('a POST answered 503 is sent once and logged as unknown, for a lookup before any resend', async () => {
    const { base, seen } = await serve(json(503, { message: 'busy' }));
    const { transport, lines } = loop(base);
    const error = await failureOf(transport, { method: 'POST', path: '/requisitions', body: { code: 'ENG-1' } });
    expect(error).toMatchObject({ kind: 'unknown_outcome', status: 503, attempts: 1 });
    expect(seen).toHaveLength(1);
    expect(messages(lines)).toEqual([
      'warn: POST /requisitions: the outcome of this write is unknown (status 503); it will be looked up before any resend',
    ]);
  });

  it('a POST whose connection drops after sending is logged with the transport reason', async () => {
    const { base, seen } = await serve(hangUp);
    const { transport, lines } = loop(base);
    const error = await failureOf(transport, { method: 'POST', path: '/requisitions', body: { code: 'ENG-1' } });
    expect(error).toMatchObject({ kind: 'unknown_outcome', status: null, attempts: 1 });
    expect(seen).toHaveLength(1);
    expect(messages(lines)).toEqual([
      'warn: POST /requisitions: the outcome of this write is unknown (ECONNRESET); it will be looked up before any resend',
    ]);
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
