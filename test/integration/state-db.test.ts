import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS } from '../../src/main/core/state/migrations.ts';
import { openStateDb, stateDbPath } from '../../src/main/core/state/state-db.ts';
import { createRunLog } from '../../src/main/core/sync/run-log.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

describe('state database (real SQLite files)', () => {
  it('creates the architecture tables in WAL mode, and reopening applies nothing twice', () => {
    const path = stateDbPath(temp.path, 'acme');
    const first = openStateDb(path);
    const tables = (
      first.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(tables).toEqual([
      'api_shape_endpoints',
      'api_shape_findings',
      'cursors',
      'hires',
      'inbox',
      'intents',
      'links',
      'meta',
      'run_items',
      'runs',
      'secret_meta',
    ]);
    expect((first.db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    first.db.prepare("INSERT INTO meta (key, value) VALUES ('k', 'v')").run();
    first.close();

    const second = openStateDb(path);
    expect(second.version).toBe(MIGRATIONS.length);
    expect(second.db.prepare("SELECT value FROM meta WHERE key = 'k'").get()).toEqual({ value: 'v' });
    second.close();
  });

  it('rolls a transaction back when the work throws', () => {
    const db = openStateDb(stateDbPath(temp.path, 'tx'));
    expect(() =>
      db.transaction(() => {
        db.db.prepare("INSERT INTO cursors (name, value, updated_at) VALUES ('a', '1', 'now')").run();
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.db.prepare('SELECT count(*) AS n FROM cursors').get()).toEqual({ n: 0 });
    db.close();
  });

  it('enforces the unique dedupe key of the webhook inbox', () => {
    const db = openStateDb(stateDbPath(temp.path, 'inbox'));
    const insert = db.db.prepare(
      "INSERT INTO inbox (dedupe_key, source, received_at, body, status) VALUES (?, 'webhook', 'now', '{}', 'new')",
    );
    insert.run('opp-1');
    expect(() => insert.run('opp-1')).toThrow(/UNIQUE/);
    db.close();
  });

  it('refuses a database written by a newer version, leaving it untouched', () => {
    const path = stateDbPath(temp.path, 'future');
    openStateDb(path).close();
    const raw = new DatabaseSync(path);
    raw.exec('PRAGMA user_version = 99');
    raw.close();
    expect(() => openStateDb(path)).toThrow(/newer ReqBridge/);
  });

  it("migration 5 adds the runs' error details to a version-4 file, keeping its runs; the run log stores and reads them", () => {
    const path = stateDbPath(temp.path, 'v4');
    const old = openStateDb(path, MIGRATIONS.slice(0, 4));
    expect(old.version).toBe(4);
    old.db
      .prepare(
        "INSERT INTO runs (trigger, direction, status, started_at, finished_at, error) VALUES ('manual', 'outbound', 'failed', 'then', 'then', 'Lever said no.')",
      )
      .run();
    old.close();

    const db = openStateDb(path);
    expect(db.version).toBe(MIGRATIONS.length);
    const log = createRunLog(db, 'v4', (text) => text);
    expect(log.list(5)).toMatchObject([{ status: 'failed', error: 'Lever said no.', errorDetails: null }]);
    const details = {
      vendor: 'lever' as const,
      endpoint: 'GET /requisitions',
      status: 401,
      requestId: 'req-1',
      attempts: 1,
      at: '2026-01-05T09:00:00.000Z',
    };
    const runId = log.start('manual', 'outbound', new Date('2026-01-05T09:00:00Z'));
    expect(
      log.finish(runId, { status: 'failed', at: new Date('2026-01-05T09:00:01Z'), error: 'Rejected.', errorDetails: details }).errorDetails,
    ).toEqual(details);
    expect(log.recordFailure('schedule', 'metrics', new Date(), 'No key.', { at: details.at }).errorDetails).toEqual({ at: details.at });
    expect(log.detail(runId)?.errorDetails).toEqual(details);
    // Something unreadable in the column reads as no details, never as a crash.
    db.db.prepare("UPDATE runs SET error_details = '{not json' WHERE id = ?").run(runId);
    expect(log.get(runId)?.errorDetails).toBeNull();
    db.close();
  });

  it('a failing migration leaves the file at its previous version', () => {
    const path = stateDbPath(temp.path, 'broken');
    openStateDb(path).close();
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, description: 'bad', sql: 'CREATE TABLE meta (x);' }];
    expect(() => openStateDb(path, broken)).toThrow(/Upgrading the state database/);
    const raw = new DatabaseSync(path);
    expect((raw.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(MIGRATIONS.length);
    raw.close();
  });
});
