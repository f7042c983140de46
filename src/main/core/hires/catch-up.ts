/**
 * Catch-up (reliability.md §1.1 point 3): list the opportunities Lever archived
 * as hired since the last checkpoint and push each one ReqBridge has not
 * decided yet through the same inbox and worker as webhook deliveries, so a
 * hire that arrived while the laptop was closed is not lost. The checkpoint
 * (`cursors`) only moves after the finds are durably queued, and each poll
 * re-reads an overlap, relying on the inbox's dedupe keys.
 */
import type { CatchUpResult, HireDecision } from '../../../shared/api/hires-views.ts';
import { isHttpFailure } from '../http/errors.ts';
import type { LeverClient } from '../lever/client.ts';
import type { LeverOpportunity } from '../lever/schemas.ts';
import type { Logger } from '../logging/logger.ts';
import type { Inbox, InboxRow } from './inbox.ts';
import type { Ledger } from './ledger.ts';
import { hiredReasons } from './lever-facts.ts';
import type { HireWorker } from './worker.ts';

/** The checkpoint's name in `cursors`. */
export const CATCH_UP_CURSOR = 'hires.catch-up.archivedAt';

/** What a catch-up poll needs. */
export interface CatchUpDeps {
  inbox: Inbox;
  ledger: Ledger;
  lever: LeverClient;
  worker: HireWorker;
  now: () => Date;
  logger: Logger;
  /** Announces a newly queued row. */
  onQueued: (row: InboxRow) => void;
  /** How far back the first poll looks, days (default 30). */
  lookbackDays?: number;
  /** How much each poll re-reads before the checkpoint, ms (default 1 hour). */
  overlapMs?: number;
}

const SETTLED: ReadonlySet<HireDecision> = new Set(['created', 'job_missing', 'person_exists', 'not_first_hire', 'no_email', 'not_hired']);

async function listHired(lever: LeverClient, reasonIds: string[], since: number, logger: Logger): Promise<LeverOpportunity[]> {
  const filter = { archived: true, archiveReasonId: reasonIds, archivedAtStart: since } as const;
  const collect = async (confidentiality?: 'all'): Promise<LeverOpportunity[]> => {
    const out: LeverOpportunity[] = [];
    for await (const o of lever.opportunities.list({ ...filter, ...(confidentiality ? { confidentiality } : {}) })) out.push(o);
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

/** Polls Lever for hires since the checkpoint, queues the undecided ones and processes them. */
export async function runCatchUp(deps: CatchUpDeps): Promise<CatchUpResult> {
  const { inbox, ledger } = deps;
  const now = deps.now();
  const reasonIds = [...(await hiredReasons(deps.lever).ids())];
  const checkpoint = Number(ledger.cursor(CATCH_UP_CURSOR) ?? Number.NaN);
  const since = Number.isFinite(checkpoint)
    ? checkpoint - (deps.overlapMs ?? 3_600_000)
    : now.getTime() - (deps.lookbackDays ?? 30) * 86_400_000;
  const found = reasonIds.length === 0 ? [] : (await listHired(deps.lever, reasonIds, since, deps.logger)).filter((o) => o.archived?.reason && reasonIds.includes(o.archived.reason));

  const rowIds: number[] = [];
  let newest = Number.isFinite(checkpoint) ? checkpoint : 0;
  for (const opportunity of found) {
    const archivedAt = opportunity.archived?.archivedAt ?? now.getTime();
    newest = Math.max(newest, archivedAt);
    const decided = ledger.get(opportunity.id);
    if (decided && SETTLED.has(decided.decision)) continue;
    const open = inbox.forOpportunity(opportunity.id).filter((r) => r.kind === 'hire' && (r.status === 'queued' || r.status === 'processing'));
    if (open.length > 0) {
      rowIds.push(...open.map((r) => r.id));
      continue;
    }
    const written = inbox.insert({
      dedupeKey: `catch-up:${opportunity.id}:${archivedAt}`,
      source: 'catch-up', kind: 'hire', status: 'queued', receivedAt: now.toISOString(), opportunityId: opportunity.id, triggeredAt: null,
      body: { opportunityId: opportunity.id, archivedAt }, decision: 'pending',
    });
    if (!written.inserted) inbox.requeue(written.id);
    rowIds.push(written.id);
    const row = inbox.get(written.id);
    if (row) deps.onQueued(row);
  }
  if (newest > 0) ledger.setCursor(CATCH_UP_CURSOR, String(newest), now);

  await deps.worker.drain();
  const decisions: Partial<Record<HireDecision, number>> = {};
  let processed = 0;
  for (const id of new Set(rowIds)) {
    const row = inbox.get(id);
    if (!row?.decision || row.status === 'queued' || row.status === 'processing') continue;
    processed += 1;
    decisions[row.decision] = (decisions[row.decision] ?? 0) + 1;
  }
  deps.logger.info(`Catch-up: ${found.length} hired since ${new Date(since).toISOString()}, ${processed} processed`);
  return { found: found.length, processed, decisions };
}
