// What one HTTP attempt is taken to mean, against a real server on 127.0.0.1: a blank success is an
// empty body, an error page is still its status, a cut-off error answer keeps its status and
// Retry-After, a refused connection names its code, and the run's stop and the timeout both apply.
import { afterEach, describe, expect, it } from 'vitest';
import { sendOnce } from '../../../src/main/core/http/send.ts';
import { closedPort, closeServers, serve as serveReplies } from './transport-loop-support.ts';
import type { Reply } from './transport-loop-support.ts';

afterEach(closeServers);

/** Starts a server on 127.0.0.1, port 0, answering every request with `reply`; returns its base URL. */
async function serve(reply: Reply): Promise<string> {
  return (await serveReplies(reply)).base;
}

const get = (url: string, extra: { signal?: AbortSignal; timeoutMs?: number } = {}) =>
  sendOnce({
    method: 'GET',
    url,
    headers: { accept: 'application/json' },
    timeoutMs: extra.timeoutMs ?? 5_000,
    ...(extra.signal ? { signal: extra.signal } : {}),
  });

describe('sendOnce', () => {
  it('takes a success whose body is only whitespace as an empty body, not as broken JSON', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(' \n\t ');
    });
    expect(await get(`${base}/blank`)).toEqual({ type: 'response', status: 200, body: undefined, retryAfter: undefined, requestId: null });
  });

  it("keeps a proxy's HTML error page as its status (502, 300), never as a malformed success", async () => {
    const base = await serve((req, res) => {
      res.writeHead(req.url === '/redirect' ? 300 : 502, { 'content-type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    });
    expect(await get(`${base}/gateway`)).toEqual({
      type: 'response',
      status: 502,
      body: undefined,
      retryAfter: undefined,
      requestId: null,
    });
    expect(await get(`${base}/redirect`)).toEqual({
      type: 'response',
      status: 300,
      body: undefined,
      retryAfter: undefined,
      requestId: null,
    });
  });

  it('a 400 whose body is cut off is still a 400; a cut-off 429 keeps its Retry-After', async () => {
    const base = await serve((req, res) => {
      const status = req.url === '/busy' ? 429 : 400;
      res.writeHead(status, { 'content-length': '100', 'retry-after': '7', 'x-request-id': `cut-${status}` });
      res.write('{"message":');
      setTimeout(() => res.destroy(), 20);
    });
    expect(await get(`${base}/bad`)).toEqual({ type: 'response', status: 400, body: undefined, retryAfter: '7', requestId: 'cut-400' });
    expect(await get(`${base}/busy`)).toEqual({ type: 'response', status: 429, body: undefined, retryAfter: '7', requestId: 'cut-429' });
  });

  it('a refused connection is a network error named by its code, known never to have been sent', async () => {
    expect(await get(`${await closedPort()}/x`)).toEqual({ type: 'network', code: 'ECONNREFUSED', sent: false });
  });

  it("the run's stop ends a hanging attempt as cancelled", async () => {
    const controller = new AbortController();
    const base = await serve(() => controller.abort());
    expect(await get(`${base}/hang`, { signal: controller.signal, timeoutMs: 4_000 })).toEqual({ type: 'cancelled' });
  });

  it('the per-request timeout still applies when the run passes its stop signal', async () => {
    const controller = new AbortController();
    const base = await serve(() => undefined);
    expect(await get(`${base}/hang`, { signal: controller.signal, timeoutMs: 100 })).toEqual({ type: 'timeout' });
    expect(controller.signal.aborted).toBe(false);
  }, 3_000);
});
