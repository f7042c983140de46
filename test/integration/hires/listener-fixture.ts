// A bare webhook listener with a handler chosen by each test and a log kept in memory, for the tests of
// the listener's own answers, connections and life cycle (no receiver, no inbox behind it).
import { afterEach } from 'vitest';
import { createWebhookListener, WEBHOOK_PATH_PREFIX } from '../../../src/main/core/hires/listener.ts';
import type { ListenerAnswer, WebhookListener, WebhookListenerOptions } from '../../../src/main/core/hires/listener.ts';
import { createLogger } from '../../../src/main/core/logging/logger.ts';
import type { LogLevel } from '../../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';

export const BARE_SECRET = 'bare-secret-7Qw2';
export const BARE_PATH = `${WEBHOOK_PATH_PREFIX}${BARE_SECRET}`;

/** Listeners started by a test and the log lines they wrote (level and message). */
export interface BareListeners {
  readonly logs: Array<{ level: LogLevel; message: string }>;
  start(handle: (body: Buffer) => Promise<ListenerAnswer>, options?: Partial<WebhookListenerOptions>): Promise<WebhookListener>;
}

/** Registers an afterEach hook that closes every listener the test started. */
export function useBareListeners(): BareListeners {
  const open: WebhookListener[] = [];
  let logs: Array<{ level: LogLevel; message: string }> = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((l) => l.close()));
    logs = [];
  });
  return {
    get logs() {
      return logs;
    },
    async start(handle, options = {}) {
      const logger = createLogger({
        redactor: createRedactor([]),
        sink: (r) => logs.push({ level: r.level, message: r.message }),
        level: 'debug',
      });
      const listener = await createWebhookListener({ secret: () => BARE_SECRET, handle, logger, ...options });
      open.push(listener);
      return listener;
    },
  };
}

/** Resolves with `promise`, or rejects when it takes longer than `ms` (a hang must fail the test, not time it out). */
export function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** A POST of `body` (JSON) to the bare listener's webhook path, as the raw bytes of an HTTP/1.1 request. */
export function rawDelivery(body: string): string {
  return `POST ${BARE_PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** A listener handler that holds the delivery it gets until the test releases it. */
export interface HeldHandler {
  /** The handler to start the listener with. */
  handle(): Promise<ListenerAnswer>;
  /** Resolves once a delivery has reached the handler. */
  started: Promise<void>;
  /** Lets the held delivery be answered with the handler's answer (does nothing before one has arrived). */
  release(): void;
}

/** A handler that, once a delivery reaches it, waits for {@link HeldHandler.release} and then answers `answer`. */
export function heldHandler(answer: ListenerAnswer): HeldHandler {
  let release: (() => void) | undefined;
  let handling: (() => void) | undefined;
  const started = new Promise<void>((resolve) => (handling = resolve));
  return {
    async handle() {
      handling?.();
      await new Promise<void>((resolve) => (release = resolve));
      return answer;
    },
    started,
    release: () => release?.(),
  };
}
