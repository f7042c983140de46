// A webhook listener with its receiver over a real SQLite inbox in a temp dir, for the listener
// tests: processing is not started (onQueued only counts), the clock is injected.
import { afterEach, beforeEach } from 'vitest';
import { DEFAULT_FRESHNESS } from '../../../src/main/core/hires/delivery.ts';
import { createInbox } from '../../../src/main/core/hires/inbox.ts';
import type { Inbox, InboxKind } from '../../../src/main/core/hires/inbox.ts';
import { createWebhookListener, WEBHOOK_PATH_PREFIX } from '../../../src/main/core/hires/listener.ts';
import type { WebhookListener, WebhookListenerOptions } from '../../../src/main/core/hires/listener.ts';
import { createReceiver } from '../../../src/main/core/hires/receiver.ts';
import { createLogger } from '../../../src/main/core/logging/logger.ts';
import type { LogRecord } from '../../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';
import { openStateDb } from '../../../src/main/core/state/state-db.ts';
import type { StateDb } from '../../../src/main/core/state/state-db.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import type { Answer } from './http-support.ts';
import { postJson } from './http-support.ts';

export const TOKEN = 'sig-token-9f8e7d6c5b4a39281706f5e4d3c2b1a0c0ffee00';
export const SECRET = 'Zk3pQ9xW2vL8mN4rT6yU1a';
export const PATH = `${WEBHOOK_PATH_PREFIX}${SECRET}`;
export const NOW = Date.UTC(2026, 10, 2, 9);

/** The running listener and what it recorded. */
export interface ReceiverHarness {
  readonly state: StateDb;
  readonly inbox: Inbox;
  readonly listener: WebhookListener;
  readonly logs: LogRecord[];
  readonly queued: number[];
  readonly recorded: InboxKind[];
  /** (Re)starts the listener with other limits or an inbox stand-in. */
  start(
    options?: Partial<WebhookListenerOptions>,
    inbox?: () => Inbox,
    signatureToken?: () => Promise<string | null>,
  ): Promise<WebhookListener>;
  rows(): number;
  post(body: unknown, headers?: Record<string, string>): Promise<Answer>;
}

/** Registers beforeEach/afterEach hooks that give each test a fresh listener, inbox and log. */
export function useReceiverHarness(): ReceiverHarness {
  let temp: ReturnType<typeof makeTempDir>;
  let state: StateDb;
  let inbox: Inbox;
  let listener: WebhookListener | undefined;
  let logs: LogRecord[] = [];
  let queued: number[] = [];
  let recorded: InboxKind[] = [];
  const harness: ReceiverHarness = {
    get state() {
      return state;
    },
    get inbox() {
      return inbox;
    },
    get listener() {
      return listener as WebhookListener;
    },
    get logs() {
      return logs;
    },
    get queued() {
      return queued;
    },
    get recorded() {
      return recorded;
    },
    async start(options = {}, inboxOverride, signatureToken) {
      await listener?.close();
      const logger = createLogger({ redactor: createRedactor([TOKEN]), sink: (r) => logs.push(r), level: 'debug' });
      const handle = createReceiver({
        inbox: inboxOverride ?? (() => inbox),
        signatureToken: signatureToken ?? (async () => TOKEN),
        now: () => new Date(NOW),
        freshness: DEFAULT_FRESHNESS,
        logger,
        onQueued: (id) => queued.push(id),
        onRecorded: (kind) => recorded.push(kind),
      });
      listener = await createWebhookListener({ secret: () => SECRET, handle, logger, ...options });
      return listener;
    },
    rows: () => (state.db.prepare('SELECT COUNT(*) AS n FROM inbox').get() as { n: number }).n,
    post: (body, headers) => postJson(harness.listener.port, PATH, body, headers),
  };
  beforeEach(async () => {
    temp = makeTempDir('reqbridge-receiver-');
    state = openStateDb(`${temp.path}/state.sqlite`);
    inbox = createInbox(state);
    logs = [];
    queued = [];
    recorded = [];
    await harness.start();
  });
  afterEach(async () => {
    await listener?.close();
    listener = undefined;
    state.close();
    temp.cleanup();
  });
  return harness;
}
