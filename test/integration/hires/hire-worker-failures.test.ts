// What the hire worker records when a hire cannot be processed, on a real state DB: the reason a
// consultant reads (a missing key says which one; anything else says it is retried), the log lines
// that explain it, and the automatic retries: failed hires go back in the queue until the attempt
// limit, decided ones never do.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLimiterRegistry } from '../../../src/main/core/http/limiter-registry.ts';
import { createInbox } from '../../../src/main/core/hires/inbox.ts';
import type { Inbox } from '../../../src/main/core/hires/inbox.ts';
import { createLedger } from '../../../src/main/core/hires/ledger.ts';
import { createHireWorker } from '../../../src/main/core/hires/worker.ts';
import type { HireStores, HireWorker, WorkerClients } from '../../../src/main/core/hires/worker.ts';
import { createLeverClient } from '../../../src/main/core/lever/client.ts';
import { createLogger } from '../../../src/main/core/logging/logger.ts';
import type { LogRecord } from '../../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';
import { openStateDb } from '../../../src/main/core/state/state-db.ts';
import type { StateDb } from '../../../src/main/core/state/state-db.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { queueHire as queueWebhookHire } from './queued-hire.ts';

const NOW = new Date(Date.UTC(2026, 10, 2, 9, 0, 0));
const NO_LEVER_KEY =
  'This profile has no Lever API key, so the hire cannot be checked in Lever and ChartHop. Set it in Setup, then press Replay.';
const NO_CHARTHOP_TOKEN =
  'This profile has no ChartHop API token and org, so the hire cannot be checked in Lever and ChartHop. Set it in Setup, then press Replay.';
const UNEXPECTED =
  'Processing failed on an unexpected error (the details are in the log). ReqBridge retries it; you can also press Replay.';

describe('the hire worker on failures', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let state: StateDb;
  let stores: HireStores;
  let logs: LogRecord[];

  beforeEach(() => {
    temp = makeTempDir('reqbridge-hire-worker-');
    state = openStateDb(`${temp.path}/state.sqlite`);
    stores = { state, inbox: createInbox(state), ledger: createLedger(state) };
    logs = [];
  });
  afterEach(() => {
    state.close();
    temp.cleanup();
  });

  function worker(clients: () => Promise<WorkerClients>, maxAttempts?: number): HireWorker {
    return createHireWorker({
      open: () => stores,
      clients,
      now: () => NOW,
      logger: createLogger({ redactor: createRedactor(), sink: (r) => logs.push(r), level: 'debug' }),
      direction: () => 'outbound',
      onChanged: () => undefined,
      ...(maxAttempts !== undefined ? { maxAttempts } : {}),
    });
  }

  function queueHire(inbox: Inbox, opportunityId: string): number {
    return queueWebhookHire(inbox, opportunityId, NOW);
  }

  it('a profile without a Lever key records a failed hire that says which key to set', async () => {
    const id = queueHire(stores.inbox, 'opp-1');
    await worker(async () => ({ lever: null, charthop: null })).drain();
    expect(stores.inbox.get(id)).toMatchObject({ status: 'failed', decision: 'failed', reason: NO_LEVER_KEY, attempts: 1 });
    expect(stores.ledger.get('opp-1')).toMatchObject({ decision: 'failed', reason: NO_LEVER_KEY, inboxId: id });
  });

  it('a profile with a Lever key but no ChartHop token records a failed hire that says what to set', async () => {
    const id = queueHire(stores.inbox, 'opp-5');
    const logger = createLogger({ redactor: createRedactor(), sink: () => undefined });
    // Never called: the missing ChartHop token stops the hire before Lever is asked.
    const baseUrl = 'http://127.0.0.1:9/v1';
    const lever = createLeverClient({ baseUrl, apiKey: 'k', limiter: createLimiterRegistry().get('lever', baseUrl, 'k'), logger });
    await worker(async () => ({ lever, charthop: null })).drain();
    expect(stores.inbox.get(id)).toMatchObject({ status: 'failed', decision: 'failed', reason: NO_CHARTHOP_TOKEN });
  });

  it('clients that cannot be built fail the hire with a retry promise, and the log says why', async () => {
    const id = queueHire(stores.inbox, 'opp-2');
    await worker(() => Promise.reject(new Error('socket hang up'))).drain();
    expect(stores.inbox.get(id)).toMatchObject({ status: 'failed', decision: 'failed', reason: UNEXPECTED });
    expect(logs.map((l) => `${l.level} ${l.message}`)).toEqual([
      'warn The clients of a profile could not be built for new hires Error: socket hang up',
      `warn Hire of opportunity opp-2 (inbox row ${id}) failed Error: socket hang up`,
    ]);
  });

  it('puts failed hires back in the queue until the attempt limit, and never a decided one', async () => {
    const failing = queueHire(stores.inbox, 'opp-3');
    const decided = queueHire(stores.inbox, 'opp-4');
    stores.inbox.claim(decided, 'elsewhere:1:x', NOW, 60_000, () => false);
    stores.inbox.decide(decided, { decision: 'created', reason: 'Created.', jobId: 'j', personId: 'p', detail: {}, status: 'done' }, NOW);
    const w = worker(async () => ({ lever: null, charthop: null }), 2);

    await w.drain();
    expect(stores.inbox.get(failing)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(w.retryable().map((r) => r.id)).toEqual([failing]);
    expect(w.retryFailed()).toBe(1);
    expect(stores.inbox.get(failing)).toMatchObject({ status: 'queued', attempts: 1 });
    expect(stores.inbox.pending()).toEqual([failing]);

    await w.drain();
    expect(stores.inbox.get(failing)).toMatchObject({ status: 'failed', attempts: 2, reason: NO_LEVER_KEY });
    expect(w.retryable()).toEqual([]);
    expect(w.retryFailed()).toBe(0);
    expect(stores.inbox.get(failing)?.status).toBe('failed');
    expect(stores.inbox.get(decided)).toMatchObject({ status: 'done', decision: 'created', attempts: 1 });
  });

  it("logs a pass that could not read the profile's queue", async () => {
    const w = worker(async () => ({ lever: null, charthop: null }));
    state.close();
    w.kick();
    for (let i = 0; i < 100 && logs.length === 0; i += 1) await new Promise((r) => setTimeout(r, 5));
    expect(logs.map((l) => `${l.level} ${l.message.split(' Error')[0]}`)).toEqual(['error The hire worker failed']);
    state = openStateDb(`${temp.path}/state.sqlite`);
  });
});
