/**
 * The durable inbox of a profile (state DB table `inbox`): one row per webhook
 * delivery, catch-up find or replay, unique on its dedupe key. A row is written
 * before the delivery is acknowledged, claimed by one worker at a time (a lease
 * that a crashed process's successor can take over), and ends with a decision.
 */
import type { HireDecision } from '../../../shared/api/hires-views.ts';
import type { StateDb } from '../state/state-db.ts';

/** Where a row came from. */
export type InboxSource = 'webhook' | 'catch-up' | 'replay';

/** What a row holds. `ping` and `ignored` rows are never processed. */
export type InboxKind = 'hire' | 'ping' | 'ignored';

/** Row lifecycle. */
export type InboxStatus = 'queued' | 'processing' | 'done' | 'failed' | 'stale' | 'ping' | 'ignored';

/** Display facts kept with a decision (no emails, phones or addresses). */
export interface InboxDetail {
  candidateName?: string | null;
  jobTitle?: string | null;
  startDate?: string | null;
}

/** An inbox row. */
export interface InboxRow {
  id: number;
  dedupeKey: string;
  source: InboxSource;
  kind: InboxKind;
  receivedAt: string;
  status: InboxStatus;
  attempts: number;
  opportunityId: string | null;
  triggeredAt: number | null;
  decision: HireDecision | null;
  reason: string | null;
  decidedAt: string | null;
  jobId: string | null;
  personId: string | null;
  detail: InboxDetail;
  replayOf: number | null;
  claimedBy: string | null;
  claimedAt: string | null;
}

/** A row to add. */
export interface NewInboxRow {
  dedupeKey: string;
  source: InboxSource;
  kind: InboxKind;
  status: InboxStatus;
  receivedAt: string;
  opportunityId: string | null;
  triggeredAt: number | null;
  /** Ids only, as JSON. */
  body: Record<string, unknown>;
  decision?: HireDecision | null;
  reason?: string | null;
  replayOf?: number | null;
}

/** A decision written to a row. */
export interface RowDecision {
  decision: HireDecision;
  reason: string;
  jobId: string | null;
  personId: string | null;
  detail: InboxDetail;
  /** `done` for rule outcomes and creations, `failed` for errors (retried later), `queued` to retry now. */
  status: 'done' | 'failed' | 'queued';
}

interface RawRow {
  id: number;
  dedupe_key: string;
  source: string;
  kind: string;
  received_at: string;
  status: string;
  attempts: number;
  opportunity_id: string | null;
  triggered_at: number | null;
  decision: string | null;
  reason: string | null;
  decided_at: string | null;
  charthop_job_id: string | null;
  person_id: string | null;
  detail: string | null;
  replay_of: number | null;
  claimed_by: string | null;
  claimed_at: string | null;
}

function parseDetail(text: string | null): InboxDetail {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as InboxDetail) : {};
  } catch {
    return {};
  }
}

function toRow(raw: RawRow): InboxRow {
  return {
    id: raw.id,
    dedupeKey: raw.dedupe_key,
    source: raw.source as InboxSource,
    kind: raw.kind as InboxKind,
    receivedAt: raw.received_at,
    status: raw.status as InboxStatus,
    attempts: raw.attempts,
    opportunityId: raw.opportunity_id,
    triggeredAt: raw.triggered_at,
    decision: raw.decision as HireDecision | null,
    reason: raw.reason,
    decidedAt: raw.decided_at,
    jobId: raw.charthop_job_id,
    personId: raw.person_id,
    detail: parseDetail(raw.detail),
    replayOf: raw.replay_of,
    claimedBy: raw.claimed_by,
    claimedAt: raw.claimed_at,
  };
}

/** The inbox of one profile's state DB. */
export interface Inbox {
  /** Inserts a row unless its dedupe key exists; `inserted: false` for a duplicate. Throws when the write fails. */
  insert(row: NewInboxRow): { inserted: boolean; id: number };
  get(id: number): InboxRow | null;
  byDedupeKey(key: string): InboxRow | null;
  /** Rows of hires for the Hires page, newest first (pings and ignored events are left out). */
  listHires(limit: number): InboxRow[];
  /** Ids of rows ready to process: queued, plus `processing` rows whose claim is stale (see `claim`). */
  pending(): number[];
  /**
   * Claims a row for `owner` if it is queued, or processing under an expired lease or a dead owner,
   * and no other live owner is processing a row of the same opportunity. Atomic across processes
   * (one IMMEDIATE transaction); false when someone else holds it or it is decided.
   */
  claim(id: number, owner: string, now: Date, leaseMs: number, ownerAlive: (owner: string) => boolean): boolean;
  /** Records a row's decision and releases its claim. */
  decide(id: number, decision: RowDecision, now: Date): void;
  /** Puts a decided or failed row back in the queue (automatic retry). */
  requeue(id: number): void;
  /** Puts a decided row back in the queue as a replay: the same row is decided again, none is added. */
  replay(id: number): void;
  /** Rows for an opportunity, newest first. */
  forOpportunity(opportunityId: string): InboxRow[];
  /** When the last webhook delivery of one of `kinds` was received, or null. */
  lastReceived(kinds: readonly InboxKind[]): string | null;
}

/** The inbox over a profile's state DB. */
export function createInbox(state: StateDb): Inbox {
  const db = state.db;
  const select =
    'SELECT id, dedupe_key, source, kind, received_at, status, attempts, opportunity_id, triggered_at, decision, reason, decided_at, charthop_job_id, person_id, detail, replay_of, claimed_by, claimed_at FROM inbox';
  return {
    insert(row) {
      const result = db
        .prepare(
          `INSERT INTO inbox (dedupe_key, source, kind, received_at, body, status, opportunity_id, triggered_at, decision, reason, replay_of)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(dedupe_key) DO NOTHING`,
        )
        .run(
          row.dedupeKey,
          row.source,
          row.kind,
          row.receivedAt,
          JSON.stringify(row.body),
          row.status,
          row.opportunityId,
          row.triggeredAt,
          row.decision ?? null,
          row.reason ?? null,
          row.replayOf ?? null,
        );
      if (Number(result.changes) === 1) return { inserted: true, id: Number(result.lastInsertRowid) };
      const existing = db.prepare('SELECT id FROM inbox WHERE dedupe_key = ?').get(row.dedupeKey) as { id: number } | undefined;
      return { inserted: false, id: existing?.id ?? 0 };
    },
    get(id) {
      const raw = db.prepare(`${select} WHERE id = ?`).get(id) as RawRow | undefined;
      return raw ? toRow(raw) : null;
    },
    byDedupeKey(key) {
      const raw = db.prepare(`${select} WHERE dedupe_key = ?`).get(key) as RawRow | undefined;
      return raw ? toRow(raw) : null;
    },
    listHires(limit) {
      return (db.prepare(`${select} WHERE kind = 'hire' ORDER BY id DESC LIMIT ?`).all(limit) as unknown as RawRow[]).map(toRow);
    },
    pending() {
      return (
        db.prepare("SELECT id FROM inbox WHERE kind = 'hire' AND status IN ('queued', 'processing') ORDER BY id").all() as { id: number }[]
      ).map((r) => r.id);
    },
    claim(id, owner, now, leaseMs, ownerAlive) {
      const held = (by: string | null, at: string | null): boolean =>
        Boolean(by && by !== owner && at && Date.parse(at) + leaseMs > now.getTime() && ownerAlive(by));
      // One IMMEDIATE transaction: the check and the update are atomic across processes.
      return state.transaction(() => {
        const row = db.prepare('SELECT status, opportunity_id, claimed_by, claimed_at FROM inbox WHERE id = ?').get(id) as
          { status: string; opportunity_id: string | null; claimed_by: string | null; claimed_at: string | null } | undefined;
        if (!row) return false;
        if (row.status !== 'queued' && row.status !== 'processing') return false;
        // Only a processing row carries a claim: queueing, replaying and deciding a row all clear it.
        if (held(row.claimed_by, row.claimed_at)) return false;
        // Another process working on the same opportunity (e.g. a catch-up find of a webhook hire) goes first;
        // a row without an opportunity matches none (`= NULL` is never true).
        const others = db
          .prepare("SELECT claimed_by, claimed_at FROM inbox WHERE opportunity_id = ? AND id != ? AND status = 'processing'")
          .all(row.opportunity_id, id) as Array<{ claimed_by: string | null; claimed_at: string | null }>;
        if (others.some((o) => held(o.claimed_by, o.claimed_at))) return false;
        db.prepare("UPDATE inbox SET status = 'processing', claimed_by = ?, claimed_at = ?, attempts = attempts + 1 WHERE id = ?").run(
          owner,
          now.toISOString(),
          id,
        );
        return true;
      });
    },
    decide(id, d, now) {
      db.prepare(
        `UPDATE inbox SET status = ?, decision = ?, reason = ?, decided_at = ?, charthop_job_id = ?, person_id = ?, detail = ?,
           last_error = CASE WHEN ? = 'failed' THEN ? ELSE NULL END, claimed_by = NULL, claimed_at = NULL WHERE id = ?`,
      ).run(d.status, d.decision, d.reason, now.toISOString(), d.jobId, d.personId, JSON.stringify(d.detail), d.status, d.reason, id);
    },
    requeue(id) {
      db.prepare("UPDATE inbox SET status = 'queued', decision = 'pending', claimed_by = NULL, claimed_at = NULL WHERE id = ?").run(id);
    },
    replay(id) {
      db.prepare(
        `UPDATE inbox SET source = 'replay', status = 'queued', decision = 'pending', attempts = 0, claimed_by = NULL, claimed_at = NULL
        WHERE id = ?`,
      ).run(id);
    },
    forOpportunity(opportunityId) {
      return (db.prepare(`${select} WHERE opportunity_id = ? ORDER BY id DESC`).all(opportunityId) as unknown as RawRow[]).map(toRow);
    },
    lastReceived(kinds) {
      const marks = kinds.map(() => '?').join(', ');
      const row = db
        .prepare(`SELECT received_at FROM inbox WHERE source = 'webhook' AND kind IN (${marks}) ORDER BY id DESC LIMIT 1`)
        .get(...kinds) as { received_at: string } | undefined;
      return row?.received_at ?? null;
    },
  };
}
