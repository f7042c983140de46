/**
 * Versioned schema migrations of a profile's state database. Append only: a
 * released migration is never edited; `PRAGMA user_version` records the last
 * one applied. The tables follow architecture.md §2.
 */

/** One schema step; `version` is its position starting at 1. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** Every migration, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'initial tables: meta, secret_meta, links, runs, run_items, intents, inbox, hires, cursors',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE secret_meta (name TEXT PRIMARY KEY, updated_at TEXT, verified_at TEXT);
      CREATE TABLE links (
        charthop_job_id TEXT PRIMARY KEY,
        lever_requisition_id TEXT NOT NULL UNIQUE,
        requisition_code TEXT,
        created_by_reqbridge INTEGER NOT NULL DEFAULT 0,
        field_hashes TEXT NOT NULL DEFAULT '{}',
        updated_at TEXT NOT NULL
      );
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        trigger TEXT NOT NULL,
        direction TEXT NOT NULL,
        status TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        counts TEXT NOT NULL DEFAULT '{}',
        error TEXT
      );
      CREATE TABLE run_items (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        record_key TEXT NOT NULL,
        title TEXT,
        action TEXT NOT NULL,
        outcome TEXT NOT NULL,
        reason TEXT NOT NULL,
        diff TEXT,
        error TEXT
      );
      CREATE INDEX run_items_by_run ON run_items(run_id);
      CREATE TABLE intents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id INTEGER REFERENCES runs(id),
        record_key TEXT NOT NULL,
        action TEXT NOT NULL,
        natural_key TEXT NOT NULL,
        payload TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('PLANNED', 'SENT', 'CONFIRMED', 'FAILED')),
        result TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX intents_open ON intents(state) WHERE state IN ('PLANNED', 'SENT');
      CREATE TABLE inbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        dedupe_key TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        received_at TEXT NOT NULL,
        body TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      );
      CREATE TABLE hires (
        opportunity_id TEXT PRIMARY KEY,
        charthop_job_id TEXT,
        person_id TEXT,
        decision TEXT NOT NULL,
        reason TEXT,
        decided_at TEXT NOT NULL,
        detail TEXT
      );
      CREATE TABLE cursors (name TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    description:
      'new hires: inbox rows carry their kind, opportunity, decision and processing claim; the hires ledger points at the row that decided',
    sql: `
      ALTER TABLE inbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'hire';
      ALTER TABLE inbox ADD COLUMN opportunity_id TEXT;
      ALTER TABLE inbox ADD COLUMN triggered_at INTEGER;
      ALTER TABLE inbox ADD COLUMN decision TEXT;
      ALTER TABLE inbox ADD COLUMN reason TEXT;
      ALTER TABLE inbox ADD COLUMN decided_at TEXT;
      ALTER TABLE inbox ADD COLUMN charthop_job_id TEXT;
      ALTER TABLE inbox ADD COLUMN person_id TEXT;
      ALTER TABLE inbox ADD COLUMN detail TEXT;
      ALTER TABLE inbox ADD COLUMN claimed_by TEXT;
      ALTER TABLE inbox ADD COLUMN claimed_at TEXT;
      ALTER TABLE inbox ADD COLUMN replay_of INTEGER;
      CREATE INDEX inbox_by_status ON inbox(status);
      CREATE INDEX inbox_by_opportunity ON inbox(opportunity_id);
      ALTER TABLE hires ADD COLUMN inbox_id INTEGER;
      ALTER TABLE hires ADD COLUMN updated_at TEXT;
      CREATE INDEX hires_by_job ON hires(charthop_job_id);
    `,
  },
  {
    version: 3,
    description: 'sync engine: last-synced values on links, reason text and record ids on run items, intents by natural key',
    sql: `
      ALTER TABLE links ADD COLUMN synced_values TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE run_items ADD COLUMN reason_text TEXT;
      ALTER TABLE run_items ADD COLUMN job_id TEXT;
      ALTER TABLE run_items ADD COLUMN requisition_id TEXT;
      ALTER TABLE run_items ADD COLUMN requisition_code TEXT;
      CREATE INDEX intents_by_natural_key ON intents(natural_key);
      CREATE INDEX runs_by_status ON runs(status);
    `,
  },
  {
    version: 4,
    description: 'runs stopped for confirmation keep their safety figures',
    sql: `ALTER TABLE runs ADD COLUMN safety TEXT;`,
  },
  {
    version: 5,
    description:
      'runs that failed on a vendor call keep the safe details of that call (status, endpoint, request id, attempts, time) as JSON',
    sql: `ALTER TABLE runs ADD COLUMN error_details TEXT;`,
  },
  {
    version: 6,
    description:
      'run items keep the odd data their record was written despite (a user who left Lever, a posting that is gone) as a JSON list of sentences',
    sql: `ALTER TABLE run_items ADD COLUMN warnings TEXT;`,
  },
  {
    version: 7,
    description:
      'API shapes: per endpoint, how many answers were parsed, and each difference from the schema (key path and JSON types only, never values) with counts and first/last seen',
    sql: `
      CREATE TABLE api_shape_endpoints (
        vendor TEXT NOT NULL,
        endpoint TEXT NOT NULL,
        responses INTEGER NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        PRIMARY KEY (vendor, endpoint)
      );
      CREATE TABLE api_shape_findings (
        vendor TEXT NOT NULL,
        endpoint TEXT NOT NULL,
        kind TEXT NOT NULL,
        path TEXT NOT NULL,
        observed TEXT NOT NULL DEFAULT '',
        expected TEXT,
        count INTEGER NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        PRIMARY KEY (vendor, endpoint, kind, path, observed)
      );
    `,
  },
  {
    version: 8,
    description: 'undo: a run records its kind (sync or undo) and, for an undo, the run it undid',
    sql: `
      ALTER TABLE runs ADD COLUMN kind TEXT NOT NULL DEFAULT 'sync';
      ALTER TABLE runs ADD COLUMN undoes INTEGER;
      CREATE INDEX runs_by_undoes ON runs(undoes) WHERE undoes IS NOT NULL;
    `,
  },
];
