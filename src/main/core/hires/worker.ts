/**
 * The per-profile hire worker: takes queued inbox rows one at a time, claims
 * each (a lease other processes respect, taken over when its owner died or it
 * expired), applies the rules, and records the decision on the row and in the
 * ledger. Every drain is bounded to the rows it can claim; failures become a
 * `failed` decision with the reason, retried later up to a limit. Rows are
 * processed one at a time in this process, whoever asks: a drain pass and a
 * catch-up's batch take turns between rows, never within one.
 */
import { hostname } from 'node:os';
import type { HireDecision } from '../../../shared/api/hires-views.ts';
import type { ChartHopClient } from '../charthop/client.ts';
import { AppError, isAppError } from '../errors.ts';
import type { LeverClient } from '../lever/client.ts';
import type { Logger } from '../logging/logger.ts';
import type { StateDb } from '../state/state-db.ts';
import type { Inbox, InboxRow } from './inbox.ts';
import type { Ledger } from './ledger.ts';
import { hiredReasons } from './lever-facts.ts';
import type { HireOutcome } from './process-hire.ts';
import { processHire } from './process-hire.ts';

/** The clients of one drain; null where the credential is not set. */
export interface WorkerClients {
  lever: LeverClient | null;
  charthop: ChartHopClient | null;
}

/** A profile's state, opened for one pass (the DB may be closed and reopened between passes). */
export interface HireStores {
  state: StateDb;
  inbox: Inbox;
  ledger: Ledger;
}

/** What a worker is built from. */
export interface HireWorkerOptions {
  open: () => HireStores;
  clients: () => Promise<WorkerClients>;
  now: () => Date;
  logger: Logger;
  /** The profile's requisition flow, read for each row (it shapes a "Job missing" reason's advice). */
  direction: () => 'outbound' | 'inbound';
  /** Called after each row changes (queued → decided). */
  onChanged: (row: InboxRow) => void;
  /** Claim lease, ms (default 2 minutes). */
  leaseMs?: number;
  /** Automatic retries of a failed row (default 5 attempts). */
  maxAttempts?: number;
}

/** Rows processed on demand with one set of clients (a catch-up's hires). */
export interface HireBatch {
  /**
   * Processes one row now (after the row in progress, if any) and resolves with it afterwards;
   * a row someone else claimed or decided first is left as it is.
   */
  process(id: number): Promise<InboxRow | null>;
}

/** The worker of one profile. */
export interface HireWorker {
  /** Processes every claimable row, one at a time; concurrent calls share the same pass. */
  drain(): Promise<void>;
  /** Schedules a drain without waiting for it. */
  kick(): void;
  /** Puts failed rows under the attempt limit back in the queue. */
  retryFailed(): number;
  /** The failed rows under the attempt limit (what `retryFailed` would put back), without touching them. */
  retryable(): InboxRow[];
  /** A batch for processing chosen rows one by one, its clients built on the first row. */
  batch(): HireBatch;
  /** Stops taking new rows (the current one finishes). */
  stop(): void;
  /** Resolves when the row in progress (if any) is recorded; used after `stop()`. */
  idle(): Promise<void>;
}

/** This process's claim owner: host, pid and a random part. */
export const PROCESS_OWNER = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 10)}`;

/** True unless the owner is a process on this host that no longer exists. */
export function ownerAlive(owner: string): boolean {
  const [host, pid] = owner.split(':');
  if (host !== hostname() || !/^\d+$/.test(String(pid))) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function failureReason(error: unknown): string {
  if (!isAppError(error))
    return 'Processing failed on an unexpected error (the details are in the log). ReqBridge retries it; you can also press Replay.';
  if (error.code === 'hires.not_configured' || error.code.startsWith('sandbox.')) return error.message;
  return `Processing failed: ${error.message} ReqBridge retries it; you can also fix the cause and press Replay.`;
}

/** Creates the worker of one profile. */
export function createHireWorker(options: HireWorkerOptions): HireWorker {
  const { logger } = options;
  const leaseMs = options.leaseMs ?? 120_000;
  const maxAttempts = options.maxAttempts ?? 5;
  let running: Promise<void> | null = null;
  // Stryker disable next-line BooleanLiteral: every drain sets it before a pass, and only reads it after one
  let again = false;
  let stopped = false;
  /** The tail of the rows being processed: each row waits for the one before it. */
  let lane: Promise<unknown> = Promise.resolve();

  /** Runs `work` after the row in progress, so two rows of this process are never processed at once. */
  function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const next = lane.then(work, work);
    lane = next.catch(() => undefined);
    return next;
  }

  /** Builds the clients of a pass or batch once; a failure is kept and recorded on each row it stops. */
  function clientSource(): () => Promise<{ clients: WorkerClients | Error; reasons: ReturnType<typeof hiredReasons> | null }> {
    let built: Promise<{ clients: WorkerClients | Error; reasons: ReturnType<typeof hiredReasons> | null }> | undefined;
    return () =>
      (built ??= options.clients().then(
        (clients) => ({ clients, reasons: clients.lever ? hiredReasons(clients.lever) : null }),
        (error: unknown) => {
          logger.warn('The clients of a profile could not be built for new hires', error);
          return { clients: error instanceof Error ? error : new Error(String(error)), reasons: null };
        },
      ));
  }

  const retryableRows = (inbox: Inbox): InboxRow[] =>
    inbox.listHires(10_000).filter((row) => row.status === 'failed' && row.attempts < maxAttempts);

  function record(stores: HireStores, row: InboxRow, result: HireOutcome, status: 'done' | 'failed'): void {
    const { inbox, ledger } = stores;
    const now = options.now();
    stores.state.transaction(() => {
      inbox.decide(row.id, { ...result, status }, now);
      const opportunityId = row.opportunityId;
      if (!opportunityId) return;
      const current = ledger.get(opportunityId);
      // A hire once created stays the ledger's answer; later rows only record their own decision.
      if (current?.decision === 'created' && result.decision !== 'created') return;
      ledger.put(
        {
          opportunityId,
          jobId: result.jobId ?? current?.jobId ?? null,
          personId: result.personId ?? current?.personId ?? null,
          decision: result.decision,
          reason: result.reason,
          decidedAt: now.toISOString(),
          inboxId: row.id,
          step: current?.step ?? null,
          startDate: result.detail.startDate ?? current?.startDate ?? null,
        },
        now,
      );
    });
  }

  async function processOne(
    stores: HireStores,
    id: number,
    clients: WorkerClients | Error,
    reasons: ReturnType<typeof hiredReasons> | null,
  ): Promise<void> {
    const { inbox, ledger } = stores;
    if (!inbox.claim(id, PROCESS_OWNER, options.now(), leaseMs, ownerAlive)) return;
    const row = inbox.get(id);
    if (!row) return;
    let result: HireOutcome;
    let status: 'done' | 'failed' = 'done';
    try {
      if (clients instanceof Error) throw clients;
      if (!clients.lever || !reasons) throw missing('Lever API key');
      if (!clients.charthop) throw missing('ChartHop API token and org');
      const priorDetail = (inboxId: number | null): InboxRow['detail'] => (inboxId === null ? {} : (inbox.get(inboxId)?.detail ?? {}));
      const context = {
        state: stores.state,
        ledger,
        lever: clients.lever,
        charthop: clients.charthop,
        reasons,
        now: options.now,
        logger,
        priorDetail,
      };
      result = await processHire({ ...context, direction: options.direction() }, row);
      if (result.decision === 'failed') status = 'failed';
    } catch (error) {
      // Stryker disable next-line StringLiteral: only hire rows are processed and they always name an opportunity (a delivery without one is a ping)
      const opportunity = row.opportunityId ?? '?';
      logger.warn(`Hire of opportunity ${opportunity} (inbox row ${id}) failed`, error);
      status = 'failed';
      const current = row.opportunityId ? ledger.get(row.opportunityId) : null;
      result = {
        decision: 'failed' satisfies HireDecision,
        reason: failureReason(error),
        jobId: current?.jobId ?? null,
        personId: current?.personId ?? null,
        detail: row.detail,
      };
    }
    record(stores, row, result, status);
    const after = inbox.get(id);
    if (after) options.onChanged(after);
  }

  function missing(what: string): AppError {
    return new AppError(
      'hires.not_configured',
      `This profile has no ${what}, so the hire cannot be checked in Lever and ChartHop. Set it in Setup, then press Replay.`,
    );
  }

  async function pass(): Promise<void> {
    const tried = new Set<number>();
    const source = clientSource();
    for (;;) {
      if (stopped) return;
      const next = options
        .open()
        .inbox.pending()
        .find((id) => !tried.has(id));
      if (next === undefined) return;
      tried.add(next);
      const { clients, reasons } = await source();
      await oneAtATime(() => processOne(options.open(), next, clients, reasons));
    }
  }

  function drain(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await pass();
        } while (again && !stopped);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  return {
    drain,
    kick() {
      // A stopped worker's drain returns at once, so a kick after stop() does nothing either.
      setImmediate(() => {
        drain().catch((error: unknown) => logger.error('The hire worker failed', error));
      });
    },
    retryFailed() {
      const { inbox } = options.open();
      const rows = retryableRows(inbox);
      for (const row of rows) inbox.requeue(row.id);
      return rows.length;
    },
    retryable: () => retryableRows(options.open().inbox),
    batch() {
      const source = clientSource();
      return {
        async process(id) {
          const { clients, reasons } = await source();
          return oneAtATime(async () => {
            const stores = options.open();
            if (!stopped) await processOne(stores, id, clients, reasons);
            return stores.inbox.get(id);
          });
        },
      };
    },
    stop() {
      stopped = true;
    },
    async idle() {
      await Promise.allSettled([running ?? Promise.resolve(), lane]);
    },
  };
}
