// What the webhook listener answers when its own work fails, and when the work that follows an
// acknowledged delivery starts: a failing handler, or a failure around it, is answered 500 (so Lever
// retries) and logged, never left hanging; the follow-up work of a recorded delivery (queueing the
// hire, telling the app) runs once, after the answer, and still runs when Lever's connection drops.
import { describe, expect, it } from 'vitest';
import { rawClient, send, tick } from './http-support.ts';
import type { HeldHandler } from './listener-fixture.ts';
import { BARE_PATH, heldHandler, rawDelivery, useBareListeners, within } from './listener-fixture.ts';

const bare = useBareListeners();
const JSON_HEADERS = { 'content-type': 'application/json' };

/** Sends a delivery to a listener with `held`, drops the connection while the handler holds it, then releases the handler. */
async function dropWhileHeld(held: HeldHandler): Promise<void> {
  const listener = await bare.start(held.handle);
  const client = await rawClient(listener.port);
  client.socket.write(rawDelivery('{}'));
  await held.started;
  client.socket.destroy();
  await client.closed;
  for (let i = 0; i < 5; i += 1) await tick();
  held.release();
  for (let i = 0; i < 5; i += 1) await tick();
}

describe('failures while answering', () => {
  it('answers 500 and logs why when the handler fails, so Lever retries the delivery', async () => {
    const listener = await bare.start(async () => {
      throw new Error('database or disk is full');
    });
    const answer = await within(3_000, send(listener.port, { path: BARE_PATH, headers: JSON_HEADERS, body: '{}' }));
    expect(answer.status).toBe(500);
    expect(answer.body).toBe('');
    expect(bare.logs).toEqual([
      { level: 'error', message: 'The webhook handler failed; answered 500 so Lever retries Error: database or disk is full' },
    ]);
  });

  it('answers 500 and logs why when the webhook secret cannot be read, instead of leaving Lever waiting', async () => {
    const listener = await bare.start(async () => ({ status: 202 }), {
      secret: () => {
        throw new Error('The keychain is locked');
      },
    });
    const answer = await within(3_000, send(listener.port, { path: BARE_PATH, headers: JSON_HEADERS, body: '{}' }));
    expect(answer.status).toBe(500);
    expect(answer.headers['content-length']).toBe('0');
    expect(answer.headers.connection).toBe('close');
    expect(bare.logs).toEqual([{ level: 'error', message: 'The webhook listener failed on a request Error: The keychain is locked' }]);
  });

  it('answers an acknowledged delivery with an empty body of declared length 0', async () => {
    const listener = await bare.start(async () => ({ status: 202 }));
    const answer = await send(listener.port, { path: BARE_PATH, headers: JSON_HEADERS, body: '{}' });
    expect(answer.status).toBe(202);
    expect(answer.headers['content-length']).toBe('0');
    expect(answer.headers['transfer-encoding']).toBeUndefined();
    expect(answer.body).toBe('');
  });
});

describe('the work that follows an acknowledged delivery', () => {
  it('runs once, after the answer has been sent', async () => {
    const work: string[] = [];
    const listener = await bare.start(async (body) => ({ status: 202, afterResponse: () => work.push(body.toString('utf8')) }));
    const answer = await send(listener.port, { path: BARE_PATH, headers: JSON_HEADERS, body: '{"n":1}' });
    expect(answer.status).toBe(202);
    await tick();
    expect(work).toEqual(['{"n":1}']);
  });

  it("still runs when Lever's connection drops while the delivery is being recorded", async () => {
    const work: string[] = [];
    await dropWhileHeld(heldHandler({ status: 202, afterResponse: () => work.push('queued') }));
    expect(work).toEqual(['queued']);
  });

  it('logs nothing when the connection drops during a delivery that needs no follow-up', async () => {
    await dropWhileHeld(heldHandler({ status: 200 }));
    expect(bare.logs).toEqual([]);
  });

  it("still runs when Lever's connection is reset right after it sent the delivery", async () => {
    const work: string[] = [];
    const listener = await bare.start(async () => ({ status: 202, afterResponse: () => work.push('queued') }));
    const client = await rawClient(listener.port);
    client.socket.write(rawDelivery('{}'));
    client.socket.resetAndDestroy();
    await client.closed;
    for (let i = 0; i < 5; i += 1) await tick();
    expect(work).toEqual(['queued']);
  });
});
