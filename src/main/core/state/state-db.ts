/**
 * A profile's state database: one SQLite file per profile (node:sqlite, built
 * into Node 24 and Electron), WAL mode, foreign keys on, migrated on open.
 */
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { AppError } from '../errors.ts';
import type { Migration } from './migrations.ts';
import { MIGRATIONS } from './migrations.ts';
import { ensurePrivateDir, makePrivate, touchPrivate } from '../files/private-files.ts';

/** An open state database. */
export interface StateDb {
  readonly db: DatabaseSync;
  readonly path: string;
  /** The schema version after migration. */
  readonly version: number;
  /** Run `work` in one transaction (rolled back if it throws). */
  transaction<T>(work: () => T): T;
  close(): void;
}

/** The file of a profile's state database inside the data directory. */
export function stateDbPath(dataDir: string, profileId: string): string {
  return join(dataDir, 'state', `${profileId}.sqlite`);
}

function migrate(db: DatabaseSync, migrations: readonly Migration[], path: string): number {
  const current = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new AppError(
      'state.too_new',
      `The state database ${path} was written by a newer ReqBridge (schema ${current}). Update ReqBridge to open it.`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migration.sql);
      db.exec(`PRAGMA user_version = ${migration.version}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw new AppError(
        'state.migration_failed',
        `Upgrading the state database ${path} failed at step ${migration.version} (${(error as Error).message}). The file is unchanged.`,
        { cause: error },
      );
    }
  }
  return latest;
}

/**
 * Open (creating and migrating when needed) the state database at `path`. The file is created
 * 0600 in a 0700 folder before SQLite opens it, so its -wal and -shm files (which SQLite creates
 * with the database's own mode) are private too.
 */
export function openStateDb(path: string, migrations: readonly Migration[] = MIGRATIONS): StateDb {
  if (path !== ':memory:') {
    ensurePrivateDir(dirname(path));
    touchPrivate(path);
  }
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  if (path !== ':memory:') for (const suffix of ['-wal', '-shm']) makePrivate(path + suffix);
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  const version = migrate(db, migrations, path);
  let depth = 0;
  return {
    db,
    path,
    version,
    transaction(work) {
      // Nested calls join the outer transaction.
      if (depth > 0) return work();
      db.exec('BEGIN IMMEDIATE');
      depth += 1;
      try {
        const result = work();
        db.exec('COMMIT');
        return result;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      } finally {
        depth -= 1;
      }
    },
    close: () => db.close(),
  };
}

/** Opens each profile's database once and keeps it for the process's life. */
export interface StateDbs {
  forProfile(profileId: string): StateDb;
  /** Close a profile's database (before deleting the profile). */
  release(profileId: string): void;
  closeAll(): void;
}

/** Per-profile state databases under `dataDir`. */
export function createStateDbs(dataDir: string): StateDbs {
  const open = new Map<string, StateDb>();
  return {
    forProfile(profileId) {
      let db = open.get(profileId);
      if (!db) {
        db = openStateDb(stateDbPath(dataDir, profileId));
        open.set(profileId, db);
      }
      return db;
    },
    release(profileId) {
      open.get(profileId)?.close();
      open.delete(profileId);
    },
    closeAll() {
      for (const db of open.values()) db.close();
      open.clear();
    },
  };
}
