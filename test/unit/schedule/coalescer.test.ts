import { describe, expect, it } from 'vitest';
import { createCoalescer } from '../../../src/main/core/schedule/coalescer.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('trigger coalescing', () => {
  it('three triggers fired together → one run executes, one is queued, none dropped or duplicated', async () => {
    const gates: Array<ReturnType<typeof deferred>> = [];
    let started = 0;
    const coalescer = createCoalescer(async (key) => {
      started += 1;
      const gate = deferred();
      gates.push(gate);
      await gate.promise;
      return `${key}#${started}`;
    });
    const a = coalescer.trigger('acme:outbound');
    const b = coalescer.trigger('acme:outbound');
    const c = coalescer.trigger('acme:outbound');
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toBe(1);
    expect(coalescer.isRunning('acme:outbound')).toBe(true);
    gates[0]?.resolve();
    expect(await a).toBe('acme:outbound#1');
    await new Promise((r) => setImmediate(r));
    expect(started).toBe(2);
    gates[1]?.resolve();
    expect(await b).toBe('acme:outbound#2');
    expect(await c).toBe('acme:outbound#2');
    expect(started).toBe(2);
    expect(coalescer.isRunning('acme:outbound')).toBe(false);
  });

  it('merges the payloads of queued triggers into the one queued run', async () => {
    const payloads: Array<string[] | undefined> = [];
    let release!: () => void;
    const first = new Promise<void>((r) => (release = r));
    const coalescer = createCoalescer<void, string[]>(
      async (_key, payload) => {
        payloads.push(payload);
        if (payloads.length === 1) await first;
      },
      (queued, incoming) => [...(queued ?? []), ...(incoming ?? [])],
    );
    const running = coalescer.trigger('acme', ['j1']);
    const q1 = coalescer.trigger('acme', ['j2']);
    const q2 = coalescer.trigger('acme', ['j3']);
    release();
    await Promise.all([running, q1, q2]);
    expect(payloads).toEqual([['j1'], ['j2', 'j3']]);
  });

  it('keys run independently, and a failed run does not block the queued one', async () => {
    let calls = 0;
    const coalescer = createCoalescer(async (key) => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
      return key;
    });
    const failing = coalescer.trigger('x');
    const queued = coalescer.trigger('x');
    const other = coalescer.trigger('y');
    await expect(failing).rejects.toThrow('boom');
    expect(await queued).toBe('x');
    expect(await other).toBe('y');
  });
});
