// The completion lane: steps run one at a time in push order, push waits while the backlog is full,
// drain waits for everything and rethrows a step's unexpected throw after the others ran.
import { describe, expect, it } from 'vitest';
import { createCompletionLane } from '../../../src/main/core/sync/completion-lane.ts';

/** A promise with its resolver, to hold a step until the test lets it go. */
function gate(): { promise: Promise<void>; open(): void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('createCompletionLane', () => {
  it('runs steps one at a time, in the order pushed', async () => {
    const lane = createCompletionLane(10);
    const log: string[] = [];
    const first = gate();
    await lane.push(async () => {
      log.push('a:start');
      await first.promise;
      log.push('a:end');
    });
    await lane.push(() => void log.push('b'));
    await lane.push(async () => void log.push('c'));
    expect(log).toEqual(['a:start']);
    first.open();
    await lane.drain();
    expect(log).toEqual(['a:start', 'a:end', 'b', 'c']);
    expect(lane.pending()).toBe(0);
  });

  it('makes push wait while `limit` steps are pending', async () => {
    const lane = createCompletionLane(2);
    const held = gate();
    await lane.push(() => held.promise);
    await lane.push(() => undefined);
    let third = false;
    const pushing = lane.push(() => undefined).then(() => (third = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(third).toBe(false);
    expect(lane.pending()).toBe(2);
    held.open();
    await pushing;
    expect(third).toBe(true);
    await lane.drain();
  });

  it('keeps running after a step throws, and drain rethrows it', async () => {
    const lane = createCompletionLane(4);
    const ran: number[] = [];
    await lane.push(() => {
      throw new Error('a bug in a step');
    });
    await lane.push(() => void ran.push(2));
    await expect(lane.drain()).rejects.toThrow('a bug in a step');
    expect(ran).toEqual([2]);
  });

  it('runs a step pushed after the lane went idle, and drain waits for steps pushed while it waited', async () => {
    const lane = createCompletionLane(3);
    const ran: string[] = [];
    await lane.push(() => void ran.push('first'));
    await lane.drain();
    await lane.push(async () => {
      ran.push('second');
      await lane.push(() => void ran.push('pushed by second'));
    });
    await lane.drain();
    expect(ran).toEqual(['first', 'second', 'pushed by second']);
  });

  it('drain waits for a slow step pushed while it was already waiting', async () => {
    const lane = createCompletionLane(3);
    const held = gate();
    const ran: string[] = [];
    await lane.push(() => held.promise);
    const draining = lane.drain();
    await lane.push(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      ran.push('late');
    });
    held.open();
    await draining;
    expect(ran).toEqual(['late']);
  });
});
