// An ngrok stand-in for the hires runtime's tunnel loaders (no network, no account), and timers that
// only record what a tunnel schedules, so reconnects happen when a test says so.
import type { NgrokModule } from '../../../src/main/core/tunnel/ngrok.ts';
import type { TunnelTimers } from '../../../src/main/core/tunnel/tunnel.ts';

/** The stand-in: what it was asked to forward, and its loader. */
export interface NgrokStandIn {
  forwards: Array<{ addr: string; authtoken: string }>;
  load: () => Promise<NgrokModule>;
  /** Lets the forwards held back so far answer. */
  release(): void;
}

/**
 * Records each forward and opens `https://fake-N.ngrok.test` (N: the forward's number); the first `failures`
 * forwards fail with `error`; with `held`, every forward waits for `release()` before answering.
 */
export function ngrokStandIn(options: { failures?: number; error?: string; held?: boolean } = {}): NgrokStandIn {
  const forwards: NgrokStandIn['forwards'] = [];
  let open: () => void = () => undefined;
  let gate = options.held ? new Promise<void>((resolve) => (open = resolve)) : Promise.resolve();
  const module: NgrokModule = {
    async forward(config) {
      forwards.push({ addr: config.addr, authtoken: config.authtoken });
      const n = forwards.length;
      await gate;
      if (n <= (options.failures ?? 0)) throw new Error(options.error ?? 'failed');
      const url = `https://fake-${n}.ngrok.test`;
      return { url: () => url, close: async () => undefined };
    },
  };
  return {
    forwards,
    load: async () => module,
    release() {
      open();
      gate = Promise.resolve();
    },
  };
}

/** Timers that only record what the tunnel schedules; a test fires them by hand. */
export function recordedTimers(): { scheduled: Array<{ ms: number; fire: () => void }>; timers: TunnelTimers } {
  const scheduled: Array<{ ms: number; fire: () => void }> = [];
  const timers: TunnelTimers = {
    setTimeout: (callback, ms) => {
      const entry = { ms, fire: callback };
      scheduled.push(entry);
      return entry;
    },
    clearTimeout: (handle) => {
      const at = scheduled.indexOf(handle as (typeof scheduled)[number]);
      if (at >= 0) scheduled.splice(at, 1);
    },
  };
  return { scheduled, timers };
}
