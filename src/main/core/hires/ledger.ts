/**
 * The hires ledger (state DB table `hires`): per Lever opportunity, the latest
 * decision and — while a creation is under way — how far it got, so a retry
 * after a crash resumes instead of writing twice. Also the profile's webhook
 * secret (table `meta`) and the catch-up checkpoint (table `cursors`).
 */
import { randomBytes } from 'node:crypto';
import type { HireDecision } from '../../../shared/api/hires-views.ts';
import type { StateDb } from '../state/state-db.ts';

/** How far a creation got: the person exists, the hire exists, the job is Pending. */
export type CreationStep = 'person' | 'hire' | 'recruit';

/** One opportunity's entry. */
export interface LedgerEntry {
  opportunityId: string;
  jobId: string | null;
  personId: string | null;
  decision: HireDecision;
  reason: string | null;
  decidedAt: string;
  /** The inbox row that made this decision. */
  inboxId: number | null;
  step: CreationStep | null;
  startDate: string | null;
}

interface RawEntry {
  opportunity_id: string;
  charthop_job_id: string | null;
  person_id: string | null;
  decision: string;
  reason: string | null;
  decided_at: string;
  detail: string | null;
  inbox_id: number | null;
}

type EntryDetail = { step?: CreationStep; startDate?: string };

/** The stored detail of an entry; a damaged one reads as no detail. */
function detailOf(text: string | null): EntryDetail {
  if (!text) return {};
  try {
    return JSON.parse(text) as EntryDetail;
  } catch {
    return {};
  }
}

function toEntry(raw: RawEntry): LedgerEntry {
  const detail = detailOf(raw.detail);
  return {
    opportunityId: raw.opportunity_id,
    jobId: raw.charthop_job_id,
    personId: raw.person_id,
    decision: raw.decision as HireDecision,
    reason: raw.reason,
    decidedAt: raw.decided_at,
    inboxId: raw.inbox_id,
    step: detail.step ?? null,
    startDate: detail.startDate ?? null,
  };
}

/** The ledger, secret and checkpoint of one profile. */
export interface Ledger {
  get(opportunityId: string): LedgerEntry | null;
  /** Writes (replaces) an opportunity's entry. */
  put(entry: LedgerEntry, now: Date): void;
  /** Entries of opportunities that ReqBridge hired into `jobId`, other than `exceptOpportunityId`. */
  createdForJob(jobId: string, exceptOpportunityId: string): LedgerEntry[];
  /** The webhook path secret, generated (128 bits, URL-safe) on first use and kept. */
  webhookSecret(): string;
  /** Replaces the webhook secret; the old URL stops working. */
  rotateWebhookSecret(): string;
  cursor(name: string): string | null;
  setCursor(name: string, value: string, now: Date): void;
}

const SECRET_KEY = 'webhook.secret';

/** Makes a fresh webhook secret: 128 random bits, base64url. */
export function newWebhookSecret(): string {
  return randomBytes(16).toString('base64url');
}

/** The ledger over a profile's state DB. */
export function createLedger(state: StateDb): Ledger {
  const db = state.db;
  const readSecret = (): string | null =>
    (db.prepare('SELECT value FROM meta WHERE key = ?').get(SECRET_KEY) as { value: string } | undefined)?.value ?? null;
  const writeSecret = (value: string): void => {
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(SECRET_KEY, value);
  };
  return {
    get(opportunityId) {
      const raw = db
        .prepare(
          'SELECT opportunity_id, charthop_job_id, person_id, decision, reason, decided_at, detail, inbox_id FROM hires WHERE opportunity_id = ?',
        )
        .get(opportunityId) as RawEntry | undefined;
      return raw ? toEntry(raw) : null;
    },
    put(entry, now) {
      db.prepare(
        `INSERT INTO hires (opportunity_id, charthop_job_id, person_id, decision, reason, decided_at, detail, inbox_id, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(opportunity_id) DO UPDATE SET charthop_job_id = excluded.charthop_job_id, person_id = excluded.person_id,
           decision = excluded.decision, reason = excluded.reason, decided_at = excluded.decided_at, detail = excluded.detail,
           inbox_id = excluded.inbox_id, updated_at = excluded.updated_at`,
      ).run(
        entry.opportunityId,
        entry.jobId,
        entry.personId,
        entry.decision,
        entry.reason,
        entry.decidedAt,
        JSON.stringify({ step: entry.step, startDate: entry.startDate }),
        entry.inboxId,
        now.toISOString(),
      );
    },
    createdForJob(jobId, exceptOpportunityId) {
      return (
        db
          .prepare(
            "SELECT opportunity_id, charthop_job_id, person_id, decision, reason, decided_at, detail, inbox_id FROM hires WHERE charthop_job_id = ? AND opportunity_id != ? AND (decision = 'created' OR (decision IN ('pending', 'failed') AND person_id IS NOT NULL))",
          )
          .all(jobId, exceptOpportunityId) as unknown as RawEntry[]
      ).map(toEntry);
    },
    webhookSecret() {
      // INSERT OR IGNORE makes two processes agree on one secret.
      const existing = readSecret();
      if (existing) return existing;
      db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(SECRET_KEY, newWebhookSecret());
      return readSecret() as string;
    },
    rotateWebhookSecret() {
      const value = newWebhookSecret();
      writeSecret(value);
      return value;
    },
    cursor(name) {
      return (db.prepare('SELECT value FROM cursors WHERE name = ?').get(name) as { value: string } | undefined)?.value ?? null;
    },
    setCursor(name, value, now) {
      db.prepare(
        'INSERT INTO cursors (name, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      ).run(name, value, now.toISOString());
    },
  };
}
