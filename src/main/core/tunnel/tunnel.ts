/**
 * The Tunnel port: makes the webhook listener (and nothing else) reachable
 * from Lever. A driver knows one provider (ngrok, localtunnel, the user's own
 * public URL); the tunnel around it keeps the state the UI shows — starting,
 * up with its URL, down with the reason — and reconnects after a failure or a
 * drop with capped exponential backoff on injectable timers.
 */
import { AppError, isAppError } from '../errors.ts';
import type { Logger } from '../logging/logger.ts';

/** The providers ReqBridge knows. */
export type TunnelProvider = 'ngrok' | 'localtunnel' | 'public-url';

/** What the UI shows about a tunnel. */
export interface TunnelStatus {
  provider: TunnelProvider;
  state: 'off' | 'starting' | 'up' | 'down';
  /** The public base URL while up. */
  url: string | null;
  /** Why it is down (a sentence for the user). */
  error: string | null;
}

/** An open tunnel. */
export interface TunnelConnection {
  /** Public base URL (no path). */
  url: string;
  close(): Promise<void>;
}

/** Events a driver reports about an open connection. */
export interface TunnelEvents {
  /** The connection dropped. */
  lost(reason: string): void;
  /** The provider re-established it by itself. */
  restored?(): void;
}

/** One provider's way of opening a tunnel to 127.0.0.1:`port`. */
export interface TunnelDriver {
  readonly provider: TunnelProvider;
  connect(port: number, events: TunnelEvents): Promise<TunnelConnection>;
}

/** Timers, injected so reconnect schedules are testable. */
export interface TunnelTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A running tunnel. */
export interface Tunnel {
  status(): TunnelStatus;
  /** Opens (or reopens) the tunnel to `port`; resolves after the first attempt (up or down; down keeps retrying). */
  start(port: number): Promise<TunnelStatus>;
  stop(): Promise<void>;
  /** Subscribes to state changes; returns the unsubscribe function. */
  onChange(listener: (status: TunnelStatus) => void): () => void;
}

/** Options of {@link createTunnel}. */
export interface TunnelOptions {
  driver: TunnelDriver;
  logger: Logger;
  timers?: TunnelTimers;
  /** First reconnect delay, ms (default 1 000), doubled per failure up to `maxDelayMs` (default 60 000). */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Masks secrets in error sentences. */
  redact?: (text: string) => string;
}

const realTimers: TunnelTimers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A sentence for a driver failure (AppErrors already are; anything else is wrapped). */
export function tunnelErrorSentence(error: unknown, provider: TunnelProvider): string {
  if (isAppError(error)) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `The ${provider} tunnel failed (${detail.slice(0, 300)}). ReqBridge retries; check the network and the tunnel settings.`;
}

/** Wraps a driver with state, events and reconnection. */
export function createTunnel(options: TunnelOptions): Tunnel {
  const { driver, logger } = options;
  const timers = options.timers ?? realTimers;
  const redact = options.redact ?? ((t: string) => t);
  const initial = options.initialDelayMs ?? 1_000;
  const max = options.maxDelayMs ?? 60_000;
  const listeners = new Set<(status: TunnelStatus) => void>();
  let state: TunnelStatus = { provider: driver.provider, state: 'off', url: null, error: null };
  let connection: TunnelConnection | null = null;
  let port = 0;
  let failures = 0;
  let timer: unknown = null;
  let generation = 0;

  const set = (next: Omit<TunnelStatus, 'provider'>): void => {
    state = { provider: driver.provider, ...next, error: next.error === null ? null : redact(next.error) };
    for (const listener of listeners) {
      try {
        listener(state);
      } catch (error) {
        logger.error('A tunnel listener failed', error);
      }
    }
  };

  const schedule = (gen: number): void => {
    const delay = Math.min(max, initial * 2 ** Math.min(failures, 16));
    failures += 1;
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = null;
      if (gen === generation) void attempt(gen);
    }, delay);
  };

  async function attempt(gen: number): Promise<void> {
    set({ state: 'starting', url: null, error: state.error });
    let opened: TunnelConnection | null = null;
    const events: TunnelEvents = {
      lost: (reason) => {
        if (gen !== generation || !opened || connection !== opened) return;
        logger.warn(`The ${driver.provider} tunnel dropped: ${reason}`);
        const dropped = connection;
        connection = null;
        void dropped?.close().catch(() => undefined);
        set({ state: 'down', url: null, error: `The ${driver.provider} tunnel dropped (${reason}); reconnecting.` });
        schedule(gen);
      },
      restored: () => {
        if (gen === generation && connection === opened && opened) set({ state: 'up', url: opened.url, error: null });
      },
    };
    try {
      opened = await driver.connect(port, events);
    } catch (error) {
      if (gen !== generation) return;
      const sentence = tunnelErrorSentence(error, driver.provider);
      logger.warn(`The ${driver.provider} tunnel could not start: ${sentence}`);
      set({ state: 'down', url: null, error: sentence });
      schedule(gen);
      return;
    }
    if (gen !== generation) {
      await opened.close().catch(() => undefined);
      return;
    }
    connection = opened;
    failures = 0;
    set({ state: 'up', url: opened.url, error: null });
  }

  return {
    status: () => state,
    async start(targetPort) {
      if (!Number.isInteger(targetPort) || targetPort <= 0)
        throw new AppError('tunnel.no_listener', 'The tunnel has no listener to forward to: start the webhook listener first.');
      generation += 1;
      const gen = generation;
      port = targetPort;
      failures = 0;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      // A restart (e.g. a new authtoken) replaces the open connection.
      const previous = connection;
      connection = null;
      await previous?.close().catch(() => undefined);
      if (gen === generation) await attempt(gen);
      return state;
    },
    async stop() {
      generation += 1;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      const open = connection;
      connection = null;
      await open?.close().catch((error: unknown) => logger.warn('The tunnel did not close cleanly', error));
      set({ state: 'off', url: null, error: null });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
