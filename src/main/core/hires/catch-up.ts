/**
 * Catch-up (reliability.md §1.1 point 3): list the opportunities Lever archived
 * as hired since the last checkpoint and push each one ReqBridge has not
 * decided yet through the same inbox and worker as webhook deliveries, so a
 * hire that arrived while the laptop was closed is not lost.
 *
 * The hires are processed one by one, each queued in the inbox just before it
 * is processed, with progress (`reading`, then `processing` N of M) reported
 * as it goes. A cancelled catch-up stops between two hires — the one under way
 * finishes, the others are not queued — and leaves the checkpoint where it was,
 * so the next poll finds them again. The checkpoint (`cursors`) only moves once
 * every find is decided (or durably queued by another worker), and each poll
 * re-reads an overlap, relying on the ledger and the inbox's dedupe keys.
 */
import type { CatchUpProgress, CatchUpResult, HireDecision } from '../../../shared/api/hires-views.ts';
import { isHttpFailure } from '../http/errors.ts';
import type { LeverClient } from '../lever/client.ts';
import type { LeverOpportunity } from '../lever/schemas.ts';
import type { Logger } from '../logging/logger.ts';
import { createPhaseReporter } from '../sync/progress.ts';
import type { Inbox, InboxRow } from './inbox.ts';
import type { Ledger } from './ledger.ts';
import { hiredReasons } from './lever-facts.ts';
import type { HireWorker } from './worker.ts';

/** The checkpoint's name in `cursors`. */
export const CATCH_UP_CURSOR = 'hires.catch-up.archivedAt';

/** Hires processed before the progress gives an ETA (the first ones are too few to judge the pace). */
export const CATCH_UP_ETA_AFTER = 3;

/** What a catch-up poll needs. */
export interface CatchUpDeps {
  profileId: string;
  inbox: Inbox;
  ledger: Ledger;
  /** Reads the hired opportunities (its signal, if any, aborts the listing on cancel; hires are processed by the worker's own clients). */
  lever: LeverClient;
  worker: HireWorker;
  now: () => Date;
  logger: Logger;
  /** Announces a newly queued row. */
  onQueued: (row: InboxRow) => void;
  /** Receives `catch-up:progress` events. */
  onProgress?: (progress: CatchUpProgress) => void;
  /** True once the catch-up was asked to stop; checked between two hires. */
  isCancelled?: () => boolean;
  /** How far back the first poll looks, days (default 30). */
  lookbackDays?: number;
  /** How much each poll re-reads before the checkpoint, ms (default 1 hour). */
  overlapMs?: number;
}

const SETTLED: ReadonlySet<HireDecision> = new Set([
  'created',
  'job_missing',
  'person_exists',
  'not_first_hire',
  'no_email',
  'not_hired',
  'needs_attention',
]);

async function listHired(
  lever: LeverClient,
  reasonIds: string[],
  since: number,
  logger: Logger,
  onRead: (count: number) => void,
): Promise<LeverOpportunity[]> {
  const filter = { archived: true, archiveReasonId: reasonIds, archivedAtStart: since } as const;
  const collect = async (confidentiality?: 'all'): Promise<LeverOpportunity[]> => {
    const out: LeverOpportunity[] = [];
    for await (const o of lever.opportunities.list({ ...filter, ...(confidentiality ? { confidentiality } : {}) })) {
      out.push(o);
      onRead(out.length);
    }
    return out;
  };
  try {
    return await collect('all');
  } catch (error) {
    if (!isHttpFailure(error, 'forbidden', 'bad_request')) throw error;
    logger.warn('The Lever key cannot read confidential candidates; catch-up covers non-confidential hires only', error);
    return collect();
  }
}

const isOpen = (row: InboxRow): boolean => row.kind === 'hire' && (row.status === 'queued' || row.status === 'processing');

/** Polls Lever for hires since the checkpoint, then queues and processes the undecided ones one by one. */
export async function runCatchUp(deps: CatchUpDeps): Promise<CatchUpResult> {
  const { inbox, ledger } = deps;
  const now = deps.now();
  const cancelled = (): boolean => deps.isCancelled?.() === true;
  const progress = createPhaseReporter<CatchUpProgress['phase']>(
    'reading',
    (counts, current) => deps.onProgress?.({ profileId: deps.profileId, ...counts, current }),
    () => deps.now().getTime(),
    // Each hire is reported as it is decided: the Hires list shows its decision at the same moment.
    { etaPhases: ['processing'], etaAfter: CATCH_UP_ETA_AFTER, everyItemPhases: ['processing'] },
  );
  const checkpoint = Number(ledger.cursor(CATCH_UP_CURSOR) ?? Number.NaN);
  const since = Number.isFinite(checkpoint)
    ? checkpoint - (deps.overlapMs ?? 3_600_000)
    : now.getTime() - (deps.lookbackDays ?? 30) * 86_400_000;

  progress.phase('reading');
  let found: LeverOpportunity[];
  try {
    const reasonIds = [...(await hiredReasons(deps.lever).ids())];
    found =
      reasonIds.length === 0
        ? []
        : (await listHired(deps.lever, reasonIds, since, deps.logger, (n) => progress.done(n, 0))).filter(
            (o) => o.archived?.reason && reasonIds.includes(o.archived.reason),
          );
  } catch (error) {
    // A cancel aborts the listing: nothing was queued or decided yet.
    if (!cancelled()) throw error;
    deps.logger.info('Catch-up cancelled while reading Lever; nothing was processed');
    return { found: 0, processed: 0, decisions: {}, cancelled: true };
  }

  let newest = Number.isFinite(checkpoint) ? checkpoint : 0;
  const settled = (opportunityId: string): boolean => SETTLED.has(ledger.get(opportunityId)?.decision ?? 'pending');
  const undecided = new Map<string, { opportunity: LeverOpportunity; archivedAt: number }>();
  for (const opportunity of found) {
    const archivedAt = opportunity.archived?.archivedAt ?? now.getTime();
    newest = Math.max(newest, archivedAt);
    if (!settled(opportunity.id) && !undecided.has(opportunity.id)) undecided.set(opportunity.id, { opportunity, archivedAt });
  }
  const todo = [...undecided.values()];
  // Failed hires get another attempt: those of the finds with them, the others after them (as `retryFailed` would).
  const retryable = deps.worker.retryable();

  /** The rows that decide one find: its open rows, else its failed ones put back, else a new catch-up row. */
  const rowsOf = (opportunity: LeverOpportunity, archivedAt: number): number[] => {
    const open = inbox.forOpportunity(opportunity.id).filter(isOpen);
    if (open.length > 0) return open.map((r) => r.id);
    const failed = retryable.filter((r) => r.opportunityId === opportunity.id && inbox.get(r.id)?.status === 'failed');
    if (failed.length > 0) {
      for (const row of failed) inbox.requeue(row.id);
      return failed.map((r) => r.id);
    }
    const written = inbox.insert({
      dedupeKey: `catch-up:${opportunity.id}:${archivedAt}`,
      source: 'catch-up',
      kind: 'hire',
      status: 'queued',
      receivedAt: now.toISOString(),
      opportunityId: opportunity.id,
      triggeredAt: null,
      body: { opportunityId: opportunity.id, archivedAt },
      decision: 'pending',
    });
    // A row of an earlier catch-up of the same find is put back; on a new row (already queued) this changes nothing.
    inbox.requeue(written.id);
    const row = inbox.get(written.id);
    if (row) deps.onQueued(row);
    return [written.id];
  };

  progress.phase('processing', todo.length);
  const batch = deps.worker.batch();
  const decisions: Partial<Record<HireDecision, number>> = {};
  let processed = 0;
  let done = 0;
  let stopped = false;
  for (const { opportunity, archivedAt } of todo) {
    if (cancelled()) {
      stopped = true;
      break;
    }
    done += 1;
    // A webhook may have decided it since the listing: then there is nothing left to do.
    if (settled(opportunity.id)) {
      progress.done(done, todo.length);
      continue;
    }
    let decidedAll = true;
    let name: string | null = null;
    for (const id of rowsOf(opportunity, archivedAt)) {
      const row = await batch.process(id);
      if (!row?.decision || isOpen(row)) {
        decidedAll = false;
        continue;
      }
      decisions[row.decision] = (decisions[row.decision] ?? 0) + 1;
      name ??= row.detail.candidateName ?? null;
    }
    if (decidedAll) processed += 1;
    progress.done(done, todo.length, name);
  }

  if (stopped) {
    deps.logger.info(`Catch-up cancelled after ${processed} of ${todo.length} hires; the others are found again by the next catch-up`);
    return { found: found.length, processed, decisions, cancelled: true };
  }
  if (newest > 0) ledger.setCursor(CATCH_UP_CURSOR, String(newest), now);
  for (const row of retryable) {
    // Stryker disable next-line StringLiteral: hire rows always carry an opportunity id, so the fallback key never meets a find
    const ofAFind = undecided.has(row.opportunityId ?? '');
    if (!ofAFind && inbox.get(row.id)?.status === 'failed') inbox.requeue(row.id);
  }
  await deps.worker.drain();
  deps.logger.info(`Catch-up: ${found.length} hired since ${new Date(since).toISOString()}, ${processed} processed`);
  return { found: found.length, processed, decisions, cancelled: false };
}
