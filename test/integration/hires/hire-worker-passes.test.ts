// How the hire worker's passes share the queue on a real state DB: a drain asked while one runs
// waits for that same pass, which goes round again for a row put back meanwhile (a replay is never
// left queued); a stopped worker processes nothing more, not even a row a catch-up hands it; and
// idle() waits for a row a pass was about to start, so nothing is written after the profile closed.
// Also the reason of a hire failed because the embedded sandbox is not running: its own sentence.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/errors.ts';
import { createInbox } from '../../../src/main/core/hires/inbox.ts';
import type { InboxRow } from '../../../src/main/core/hires/inbox.ts';
import { createLedger } from '../../../src/main/core/hires/ledger.ts';
import { createHireWorker } from '../../../src/main/core/hires/worker.ts';
import type { HireStores, HireWorker, WorkerClients } from '../../../src/main/core/hires/worker.ts';
import { createLogger } from '../../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';
import { openStateDb } from '../../../src/main/core/state/state-db.ts';
import type { StateDb } from '../../../src/main/core/state/state-db.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { queueHire as queueWebhookHire } from './queued-hire.ts';

const NOW = new Date(Date.UTC(2026, 10, 2, 9, 0, 0));
const NO_LEVER_KEY =
  'This profile has no Lever API key, so the hire cannot be checked in Lever and ChartHop. Set it in Setup, then press Replay.';
const NO_KEYS = async (): Promise<WorkerClients> => ({ lever: null, charthop: null });

describe('the hire worker passes', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let state: StateDb;
  let stores: HireStores;

  beforeEach(() => {
    temp = makeTempDir('reqbridge-hire-passes-');
    state = openStateDb(`${temp.path}/state.sqlite`);
    stores = { state, inbox: createInbox(state), ledger: createLedger(state) };
  });
  afterEach(() => {
    state.close();
    temp.cleanup();
  });

  function worker(clients: () => Promise<WorkerClients>, onChanged: (row: InboxRow) => void = () => undefined): HireWorker {
    return createHireWorker({
      open: () => stores,
      clients,
      now: () => NOW,
      logger: createLogger({ redactor: createRedactor(), sink: () => undefined }),
      direction: () => 'outbound',
      onChanged,
    });
  }

  function queueHire(opportunityId: string): number {
    return queueWebhookHire(stores.inbox, opportunityId, NOW);
  }

  const shape = (id: number) => {
    const row = stores.inbox.get(id);
    return row ? { status: row.status, attempts: row.attempts, reason: row.reason } : null;
  };

  it('a drain asked during a pass shares it, and the pass goes round again for a row put back meanwhile', async () => {
    const id = queueHire('opp-1');
    let during: Promise<void> | undefined;
    const w: HireWorker = worker(NO_KEYS, (row) => {
      if (row.id !== id || during) return;
      // Replayed as soon as it was decided, while the pass that decided it still runs.
      stores.inbox.replay(id);
      during = w.drain();
    });
    const first = w.drain();
    await first;
    expect(during).toBe(first);
    expect(shape(id)).toEqual({ status: 'failed', attempts: 1, reason: NO_LEVER_KEY });
    expect(stores.inbox.get(id)?.source).toBe('replay');
  });

  it('a stopped worker processes no row a batch hands it', async () => {
    const id = queueHire('opp-2');
    const w = worker(NO_KEYS);
    const batch = w.batch();
    w.stop();
    expect((await batch.process(id))?.status).toBe('queued');
    expect(shape(id)).toEqual({ status: 'queued', attempts: 0, reason: null });
  });

  it('idle() waits for the row a pass was starting when the worker stopped', async () => {
    const id = queueHire('opp-3');
    let build: ((clients: WorkerClients) => void) | undefined;
    const w = worker(() => new Promise<WorkerClients>((resolve) => (build = resolve)));
    const drained = w.drain();
    for (let i = 0; i < 100 && !build; i += 1) await new Promise((r) => setTimeout(r, 1));
    w.stop();
    const idle = w.idle();
    build?.({ lever: null, charthop: null });
    await idle;
    expect(shape(id)).toEqual({ status: 'failed', attempts: 1, reason: NO_LEVER_KEY });
    await drained;
  });

  it('a hire stopped because the embedded sandbox is not running reads that sentence, as it is', async () => {
    const id = queueHire('opp-4');
    const message = 'The embedded sandbox is not running in this host. Start the app or run: npm run sandbox';
    await worker(() => Promise.reject(new AppError('sandbox.not_running', message))).drain();
    expect(shape(id)).toEqual({ status: 'failed', attempts: 1, reason: message });
  });
});
