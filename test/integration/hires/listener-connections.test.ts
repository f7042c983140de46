// How the webhook listener treats connections: a refusal closes the connection even when the client
// asked to keep it; expired requests are swept every second by default and idle keep-alive sockets
// close after the configured time; closing the listener ends connections still in use at once; a
// port already taken is refused at start with a logged reason.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { rawClient } from './http-support.ts';
import { BARE_PATH, heldHandler, rawDelivery, useBareListeners, within } from './listener-fixture.ts';

const bare = useBareListeners();
const accept = async (): Promise<{ status: number }> => ({ status: 202 });

describe('connections', () => {
  it('closes the connection after a refusal, even when the client asked to keep it open', async () => {
    const listener = await bare.start(accept, { keepAliveTimeoutMs: 60_000 });
    const client = await rawClient(listener.port);
    client.socket.write('GET /not-the-webhook HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
    await within(2_000, client.closed);
    expect(client.received()).toMatch(/^HTTP\/1\.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n/);
  });

  it('sweeps a request past its time limit within about a second by default', async () => {
    const listener = await bare.start(accept, { requestTimeoutMs: 300, headersTimeoutMs: 200 });
    const client = await rawClient(listener.port);
    client.socket.write(`POST ${BARE_PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"tok`);
    await within(3_000, client.closed);
    expect(client.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes an idle keep-alive connection after the configured time', async () => {
    const listener = await bare.start(accept, { keepAliveTimeoutMs: 100 });
    const client = await rawClient(listener.port);
    client.socket.write(rawDelivery('{}'));
    expect(await client.waitFor(/HTTP\/1\.1 \d{3}/)).toMatch(/^HTTP\/1\.1 202/);
    expect(client.received()).toMatch(/\r\nKeep-Alive: timeout=0\r\n/);
    await within(3_000, client.closed);
  });

  it('closing the listener ends a connection whose delivery is still being handled, at once', async () => {
    const held = heldHandler({ status: 202 });
    const listener = await bare.start(held.handle);
    const client = await rawClient(listener.port);
    client.socket.write(rawDelivery('{}'));
    await held.started;
    try {
      await within(2_000, listener.close());
      await within(2_000, client.closed);
    } finally {
      held.release();
    }
    expect(client.received()).toBe('');
  });
});

describe('starting', () => {
  it('refuses to start on a port another program holds, and logs why', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as AddressInfo).port;
    try {
      await expect(bare.start(accept, { port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
    expect(bare.logs).toEqual([
      { level: 'error', message: `The webhook listener failed Error: listen EADDRINUSE: address already in use 127.0.0.1:${port}` },
    ]);
  });
});
