// The webhook listener's size and encoding rules at their edges, over real sockets: a body of exactly
// the limit is accepted, a declared length over it is refused before any body is read, a chunked body
// without a declared length is read and accepted, `Content-Encoding: identity` in any case is plain, and a
// content type padded with non-breaking spaces is still JSON.
import { describe, expect, it } from 'vitest';
import { rawClient, send, signed } from './http-support.ts';
import { NOW, PATH, TOKEN, useReceiverHarness } from './receiver-fixture.ts';

const h = useReceiverHarness();

describe('body size and encoding at the edges', () => {
  it('accepts a body of exactly the limit, declared or not', async () => {
    const text = JSON.stringify(signed(TOKEN, { token: 'tok-a-declared', triggeredAt: NOW }));
    const chunked = JSON.stringify(signed(TOKEN, { token: 'tok-b-chunked0', triggeredAt: NOW }));
    expect(Buffer.byteLength(chunked)).toBe(Buffer.byteLength(text));
    await h.start({ bodyLimit: Buffer.byteLength(text) });
    expect((await h.post(text)).status).toBe(202);
    const client = await rawClient(h.listener.port);
    client.socket.write(`POST ${PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
    client.socket.write(`${Buffer.byteLength(chunked).toString(16)}\r\n${chunked}\r\n0\r\n\r\n`);
    expect(await client.waitFor(/HTTP\/1\.1 \d{3}/)).toMatch(/^HTTP\/1\.1 202/);
    client.socket.destroy();
    expect(h.rows()).toBe(2);
  });

  it('refuses a declared length over the limit at once, without waiting for the body', async () => {
    await h.start({ requestTimeoutMs: 5_000, headersTimeoutMs: 2_000 });
    const client = await rawClient(h.listener.port);
    client.socket.write(`POST ${PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${64 * 1024 + 1}\r\n\r\n`);
    expect(await client.waitFor(/HTTP\/1\.1 \d{3}/)).toMatch(/^HTTP\/1\.1 413/);
    client.socket.destroy();
    expect(h.rows()).toBe(0);
  });

  it('treats Content-Encoding: identity as a plain body, whatever its case', async () => {
    for (const [i, encoding] of ['identity', 'Identity', 'IDENTITY'].entries()) {
      const body = JSON.stringify(signed(TOKEN, { triggeredAt: NOW + i }));
      const answer = await send(h.listener.port, {
        path: PATH,
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body,
      });
      expect(answer.status, encoding).toBe(202);
    }
    expect(h.rows()).toBe(3);
  });

  it('reads a content type padded with non-breaking spaces as JSON', async () => {
    const body = JSON.stringify(signed(TOKEN, { triggeredAt: NOW }));
    const client = await rawClient(h.listener.port);
    const head = `POST ${PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: \u00a0application/json\u00a0\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    client.socket.write(Buffer.from(head + body, 'latin1'));
    expect(await client.waitFor(/HTTP\/1\.1 \d{3}/)).toMatch(/^HTTP\/1\.1 202/);
    client.socket.destroy();
    expect(h.rows()).toBe(1);
  });
});
