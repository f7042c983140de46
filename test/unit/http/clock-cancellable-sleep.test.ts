// The real clock's wait, as the rate limiter and the retry loop use it: a stopped run ends a pending
// wait at once with the user's sentence, leaves no timer holding the process open and no listener
// piling up on the run's stop signal, and a zero wait finishes even if the run stops right after.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createManualClock, systemClock } from '../../../src/main/core/http/clock.ts';

const STOPPED = 'The call was cancelled because the run was stopped.';

/** How many timers the process holds open right now. */
function openTimers(): number {
  return process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
}

describe('the real clock', () => {
  it('refuses to wait for a run that was already stopped, with the stop sentence', async () => {
    const stop = new AbortController();
    stop.abort('user pressed stop');
    await expect(systemClock.sleep(10, stop.signal)).rejects.toMatchObject({ code: 'http.cancelled', message: STOPPED });
  });

  it('keeps the reason a run was stopped with, when it is an error', async () => {
    const stop = new AbortController();
    const reason = new Error('profile switched');
    stop.abort(reason);
    await expect(systemClock.sleep(10, stop.signal)).rejects.toBe(reason);
  });

  it('ends a pending wait when the run stops, releasing its timer and its listener', async () => {
    const stop = new AbortController();
    const before = openTimers();
    const waiting = systemClock.sleep(600_000, stop.signal);
    expect(openTimers()).toBe(before + 1);
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(1);
    stop.abort('user pressed stop');
    await expect(waiting).rejects.toMatchObject({ code: 'http.cancelled', message: STOPPED });
    expect(openTimers()).toBe(before);
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
  });

  it('leaves no listener on the stop signal after a wait that ran its course', async () => {
    const stop = new AbortController();
    for (let i = 0; i < 3; i += 1) await systemClock.sleep(1, stop.signal);
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
    expect(stop.signal.aborted).toBe(false);
  });

  it('finishes a zero wait even when the run stops right after it was asked for', async () => {
    const stop = new AbortController();
    const waiting = systemClock.sleep(0, stop.signal);
    stop.abort();
    await expect(waiting).resolves.toBeUndefined();
  });
});

describe('the manual clock', () => {
  it('refuses a wait for a stopped run with the stop sentence, and records no wait', async () => {
    const clock = createManualClock(0);
    const stop = new AbortController();
    stop.abort('user pressed stop');
    await expect(clock.sleep(500, stop.signal)).rejects.toMatchObject({ code: 'http.cancelled', message: STOPPED });
    expect(clock.sleeps).toEqual([]);
    expect(clock.now()).toBe(0);
  });
});
