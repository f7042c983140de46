// The vendor's request id, from a real HTTP server on 127.0.0.1: sendOnce reads it from whichever
// common header carries it, the transport puts the last attempt's id on its HttpFailure, and
// errorDetailsOf turns a failure (or an error caused by one) into safe details only.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/errors.ts';
import { createManualClock } from '../../../src/main/core/http/clock.ts';
import { errorDetailsOf, httpFailureBehind } from '../../../src/main/core/http/error-details.ts';
import { HttpFailure, isHttpFailure } from '../../../src/main/core/http/errors.ts';
import { createRateLimiter } from '../../../src/main/core/http/rate-limiter.ts';
import { REQUEST_ID_HEADERS, requestIdOf, sendOnce } from '../../../src/main/core/http/send.ts';
import { createTransport } from '../../../src/main/core/http/transport.ts';
import { createLogger } from '../../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';

type Reply = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** Starts a server on 127.0.0.1, port 0, answering with `reply`; returns its base URL. */
async function serve(reply: Reply): Promise<string> {
  server = createServer(reply);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

const get = (url: string) => sendOnce({ method: 'GET', url, headers: { accept: 'application/json' }, timeoutMs: 5_000 });

describe('sendOnce captures the request id', () => {
  it('reads it from each common header name, on successes and on error statuses alike', async () => {
    const base = await serve((req, res) => {
      const name = new URL(req.url ?? '/', 'http://x').searchParams.get('h') ?? '';
      const status = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('s') ?? '200');
      json(res, status, { ok: true }, name ? { [name]: `id-from-${name}` } : {});
    });
    for (const name of REQUEST_ID_HEADERS) {
      expect(await get(`${base}/x?h=${name}`)).toMatchObject({ type: 'response', status: 200, requestId: `id-from-${name}` });
      expect(await get(`${base}/x?h=${name}&s=404`)).toMatchObject({ type: 'response', status: 404, requestId: `id-from-${name}` });
    }
    // Case of the header name does not matter (HTTP headers are case-insensitive).
    expect(await get(`${base}/x?h=X-Request-ID`)).toMatchObject({ requestId: 'id-from-X-Request-ID' });
    expect(await get(`${base}/x`)).toMatchObject({ type: 'response', status: 200, requestId: null });
  });

  it('prefers x-request-id when several are sent, and refuses values that are not a plain token', async () => {
    const base = await serve((req, res) => {
      const which = new URL(req.url ?? '/', 'http://x').pathname;
      if (which === '/both') json(res, 200, {}, { 'x-correlation-id': 'corr-1', 'x-request-id': 'req-1' });
      else if (which === '/spaces') json(res, 500, {}, { 'x-request-id': 'has a space' });
      else json(res, 200, {}, { 'x-request-id': 'a'.repeat(129) });
    });
    expect(await get(`${base}/both`)).toMatchObject({ requestId: 'req-1' });
    expect(await get(`${base}/spaces`)).toMatchObject({ status: 500, requestId: null });
    expect(await get(`${base}/long`)).toMatchObject({ requestId: null });
  });

  it('keeps it for a success whose body is not JSON', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'broken-1' });
      res.end('{"data": [');
    });
    expect(await get(`${base}/x`)).toEqual({ type: 'malformed', status: 200, requestId: 'broken-1' });
  });

  it('requestIdOf reads plain header objects too', () => {
    expect(requestIdOf({ 'request-id': ' r-9 ' })).toBe('r-9');
    expect(requestIdOf({})).toBeNull();
    expect(requestIdOf(undefined)).toBeNull();
  });
});

describe('the transport puts the request id on its HttpFailure', () => {
  const clock = createManualClock();
  const transport = (baseUrl: string) =>
    createTransport({
      vendor: 'lever',
      baseUrl,
      authorization: 'Basic c2VjcmV0LWtleS12YWx1ZTo=',
      limiter: createRateLimiter({ ratePerSecond: 1000, burst: 1000 }, clock),
      messages: (facts) => `Lever refused ${facts.endpoint} (${String(facts.status)}).`,
      logger: createLogger({ redactor: createRedactor(), sink: () => {} }),
      clock,
      retry: { random: () => 0 },
    });

  it('a refused call fails at once with status, endpoint template, attempts and the id', async () => {
    const base = await serve((_req, res) =>
      json(res, 401, { code: 'UnauthorizedError', message: 'Invalid API key' }, { 'x-request-id': 'lever-req-401' }),
    );
    const error = await transport(base)
      .request({ method: 'GET', path: '/requisitions/r%2F1', route: '/requisitions/:id', query: { expand: 'owner' } })
      .catch((e: unknown) => e);
    expect(isHttpFailure(error, 'unauthorized')).toBe(true);
    expect(error).toMatchObject({
      vendor: 'lever',
      endpoint: 'GET /requisitions/:id',
      status: 401,
      attempts: 1,
      requestId: 'lever-req-401',
      serverMessage: 'Invalid API key',
    });
  });

  it("after retries, the failure carries the last attempt's id", async () => {
    let n = 0;
    const base = await serve((_req, res) => {
      n += 1;
      json(res, 503, { message: 'down' }, { 'x-request-id': `attempt-${n}` });
    });
    const error = await transport(base)
      .request({ method: 'GET', path: '/users' })
      .catch((e: unknown) => e);
    expect(isHttpFailure(error, 'unavailable')).toBe(true);
    expect(error).toMatchObject({ status: 503, attempts: n, requestId: `attempt-${n}` });
    expect(n).toBeGreaterThan(1);
  });

  it('a connection refused has no status and no id', async () => {
    const base = await serve((_req, res) => json(res, 200, {}));
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const error = await createTransport({
      vendor: 'charthop',
      baseUrl: base,
      authorization: 'Bearer t',
      limiter: createRateLimiter({ ratePerSecond: 1000, burst: 1000 }, clock),
      messages: () => 'unreachable',
      logger: createLogger({ redactor: createRedactor(), sink: () => {} }),
      clock,
      retry: { maxAttempts: 1 },
    })
      .request({ method: 'GET', path: '/v2/org/acme/job' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'unreachable', status: null, requestId: null });
  });
});

describe('errorDetailsOf', () => {
  const at = new Date('2026-01-05T09:00:00.000Z');
  const failure = (init: Partial<ConstructorParameters<typeof HttpFailure>[0]> = {}) =>
    new HttpFailure({
      vendor: 'charthop',
      kind: 'forbidden',
      endpoint: 'GET /v2/org/:org/job',
      status: 403,
      attempts: 1,
      requestId: 'ch-1',
      message: 'm',
      ...init,
    });

  it('lists the safe facts of an HttpFailure, and of an AppError caused by one', () => {
    const expected = {
      vendor: 'charthop',
      endpoint: 'GET /v2/org/:org/job',
      status: 403,
      requestId: 'ch-1',
      attempts: 1,
      at: '2026-01-05T09:00:00.000Z',
    };
    expect(errorDetailsOf(failure(), at)).toEqual(expected);
    const wrapped = new AppError('sync.listing_failed', 'Reading jobs failed.', { cause: failure() });
    expect(httpFailureBehind(wrapped)).toBeInstanceOf(HttpFailure);
    expect(errorDetailsOf(wrapped, at)).toEqual(expected);
  });

  it('gives only the time for any other error, and leaves out what is not known', () => {
    expect(errorDetailsOf(new AppError('settings.invalid', 'Bad.'), at)).toEqual({ at: '2026-01-05T09:00:00.000Z' });
    expect(errorDetailsOf(new Error('boom with secret-key-value'), at)).toEqual({ at: '2026-01-05T09:00:00.000Z' });
    expect(errorDetailsOf(undefined, at)).toEqual({ at: '2026-01-05T09:00:00.000Z' });
    expect(errorDetailsOf(failure({ status: null, requestId: null, kind: 'unreachable' }), at)).toEqual({
      vendor: 'charthop',
      endpoint: 'GET /v2/org/:org/job',
      attempts: 1,
      at: '2026-01-05T09:00:00.000Z',
    });
  });

  it('never carries a query string, and masks known secrets in the textual facts', () => {
    const redactor = createRedactor(['secret-key-value']);
    const details = errorDetailsOf(
      failure({ endpoint: 'GET /users?email=a@b.example&token=xyz', requestId: 'id-secret-key-value' }),
      at,
      (t) => redactor.redact(t),
    );
    expect(details).toMatchObject({ endpoint: 'GET /users', requestId: 'id-[redacted]' });
    expect(JSON.stringify(details)).not.toContain('secret-key-value');
    expect(JSON.stringify(details)).not.toContain('email=');
  });
});
