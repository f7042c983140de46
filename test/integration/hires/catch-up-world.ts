// Helpers of the catch-up tests: the hires Lever lists as hired since a time, the profile's state
// opened as another ReqBridge process would (its own SQLite connection), rows written the way a
// delivery or an earlier attempt left them, and the catch-up run through the real service.
import { hostname } from 'node:os';
import type { CatchUpResult, HireDecision } from '../../../src/shared/api/hires-views.ts';
import { createInbox } from '../../../src/main/core/hires/inbox.ts';
import type { Inbox, InboxRow, InboxSource } from '../../../src/main/core/hires/inbox.ts';
import { createLedger } from '../../../src/main/core/hires/ledger.ts';
import type { Ledger } from '../../../src/main/core/hires/ledger.ts';
import { openStateDb, stateDbPath } from '../../../src/main/core/state/state-db.ts';
import { valueOf } from '../../support/test-core.ts';
import type { HiresWorld } from './support.ts';
import { PROFILE } from './support.ts';

/** Another ReqBridge process on the same profile: a live owner (this process's pid) other than the core's worker. */
export const OTHER_OWNER = `${hostname()}:${process.pid}:other-window`;

/** The profile's inbox and ledger through a connection of their own. */
export interface OtherProcess {
  inbox: Inbox;
  ledger: Ledger;
  /** The ids a row was recorded with, as stored. */
  storedBody(id: number): unknown;
  close(): void;
}

/** Opens the profile's state database as another process would. */
export function openOtherProcess(world: HiresWorld): OtherProcess {
  const state = openStateDb(stateDbPath(world.dataDir, PROFILE));
  const storedBody = (id: number): unknown => {
    const row = state.db.prepare('SELECT body FROM inbox WHERE id = ?').get(id) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as unknown) : undefined;
  };
  return { inbox: createInbox(state), ledger: createLedger(state), storedBody, close: () => state.close() };
}

/** The ids and archive times of the opportunities Lever holds as hired at or after `since`, oldest first. */
export function hiredSince(world: HiresWorld, since: number): Array<{ id: string; archivedAt: number }> {
  const state = world.sandbox.control.lever.state();
  const hired = new Set(state.archiveReasons.filter((r) => r.type === 'hired').map((r) => r.id));
  return state.opportunities
    .filter((o) => o.archived !== null && hired.has(o.archived.reason) && o.archived.archivedAt >= since)
    .map((o) => ({ id: o.id, archivedAt: o.archived?.archivedAt ?? 0 }))
    .sort((a, b) => a.archivedAt - b.archivedAt);
}

/** Writes a hire row for `opportunityId` as it arrived (queued, not yet processed). */
export function queuedRow(inbox: Inbox, opportunityId: string, source: InboxSource, dedupeKey: string, receivedAt: Date): number {
  return inbox.insert({
    dedupeKey,
    source,
    kind: 'hire',
    status: 'queued',
    receivedAt: receivedAt.toISOString(),
    opportunityId,
    triggeredAt: null,
    body: { opportunityId },
    decision: 'pending',
  }).id;
}

/** Leaves row `id` failed after `attempts` attempts, each claimed by another process and failed on a ChartHop outage. */
export function failAttempts(inbox: Inbox, id: number, attempts: number, now: Date): void {
  for (let n = 0; n < attempts; n += 1) {
    if (n > 0) inbox.requeue(id);
    if (!inbox.claim(id, OTHER_OWNER, now, 120_000, () => true)) throw new Error(`row ${id} could not be claimed`);
    inbox.decide(
      id,
      { decision: 'failed', reason: 'ChartHop was unavailable.', jobId: null, personId: null, detail: {}, status: 'failed' },
      now,
    );
  }
}

/** One row's status, source and decision, for exact comparisons. */
export function shape(row: InboxRow): { source: string; status: string; decision: HireDecision | null } {
  return { source: row.source, status: row.status, decision: row.decision };
}

/** Runs Catch up now through the service. */
export async function catchUp(world: HiresWorld): Promise<CatchUpResult> {
  return valueOf(await world.main.api.invoke('hires:catch-up', { profileId: PROFILE }));
}

/** The catch-up's own log lines (information and warnings), in order. */
export function catchUpLog(world: HiresWorld): string[] {
  return world.main.logs.filter((r) => /catch-up/i.test(r.message) && r.level !== 'debug').map((r) => r.message);
}
