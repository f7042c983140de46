// What a failed call tells the user and the run log, against a real server on 127.0.0.1: the route
// template, the status, the vendor's own message (trimmed, bounded), the transport reason and the
// request id; and that a write whose outcome is unknown is sent once and logged for a lookup.
import { afterEach, describe, expect, it } from 'vitest';
import { closedPort, closeServers, cutOff, failureOf, hangUp, json, loop, messages, serve, START, text } from './transport-loop-support.ts';

afterEach(closeServers);

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
