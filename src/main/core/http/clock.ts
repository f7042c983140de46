/**
 * Time for the HTTP layer: the rate limiter, backoff waits and Retry-After
 * dates all read and wait through this port, so tests can run hours of
 * simulated waiting in milliseconds. Per-request timeouts are about real I/O
 * and always use real timers.
 */
import { AppError } from '../errors.ts';

/** Milliseconds since the epoch, and a cancellable wait. */
export interface HttpClock {
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason (an AppError) when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason instanceof Error
    ? signal.reason
    : new AppError('http.cancelled', 'The call was cancelled because the run was stopped.');
}

/** The real clock: `Date.now` and `setTimeout`. */
export const systemClock: HttpClock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (ms <= 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortReason(signal as AbortSignal));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};

/** A clock whose time only moves when someone sleeps or calls `advance`: for tests and simulations. */
export interface ManualClock extends HttpClock {
  /** Moves time forward by `ms`. */
  advance(ms: number): void;
  /** Every sleep requested so far, in ms, in call order. */
  readonly sleeps: readonly number[];
}

/**
 * A manual clock starting at `start`. `sleep(ms)` resolves on the next macrotask with time moved to
 * at least (time at the call + ms): concurrent sleepers never move time backwards.
 */
export function createManualClock(start = Date.UTC(2026, 0, 5, 9, 0, 0)): ManualClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleeps,
    advance(ms) {
      now += Math.max(0, ms);
    },
    async sleep(ms, signal) {
      if (signal?.aborted) throw abortReason(signal);
      sleeps.push(ms);
      const wake = now + Math.max(0, ms);
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (signal?.aborted) throw abortReason(signal);
      now = Math.max(now, wake);
    },
  };
}
