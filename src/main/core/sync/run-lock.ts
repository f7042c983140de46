/**
 * At most one run per profile at a time: in this process (a second Sync now
 * while one runs gets a clear error) and across processes sharing the
 * profile's state DB (the app in the tray and `reqbridge sync` in a
 * terminal). The cross-process lock is a row in `meta` naming the holder's
 * pid; a holder whose process is gone (crashed, killed) is taken over.
 */
import { randomUUID } from 'node:crypto';
import type { SyncDirection } from '../../../shared/api/sync-views.ts';
import { AppError } from '../errors.ts';
import type { StateDb } from '../state/state-db.ts';

const LOCK_KEY = 'sync.run_lock';

/** A run in progress in this process. */
export interface ActiveRun {
  profileId: string;
  direction: SyncDirection;
  startedAt: Date;
  runId: number | null;
  /** Aborts in-flight reads (listing) at once. */
  controller: AbortController;
  /** Set by cancel: the apply loop stops between records. */
  cancelRequested: boolean;
  /** True while writes are going on (cancel then waits for the current record). */
  applying: boolean;
}

/** The per-profile run locks of one engine. */
export interface RunLocks {
  /** Takes the profile's lock or throws `sync.busy`. */
  acquire(profileId: string, state: StateDb, direction: SyncDirection, at: Date): ActiveRun;
  release(run: ActiveRun, state: StateDb): void;
  active(profileId: string): ActiveRun | undefined;
}

/** True when a process with this pid is alive (EPERM: alive, owned by someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the profile's run lock is held by another living process (a run is going there). */
export function lockHeldByOtherProcess(state: StateDb): boolean {
  const row = state.db.prepare('SELECT value FROM meta WHERE key = ?').get(LOCK_KEY) as { value: string } | undefined;
  if (!row) return false;
  const held = JSON.parse(row.value) as { pid: number };
  return held.pid !== process.pid && processAlive(held.pid);
}

function busy(detail: string): AppError {
  return new AppError(
    'sync.busy',
    `A sync run is already going for this profile (${detail}). Wait for it to finish, or cancel it, then try again.`,
  );
}

/** Creates the locks of one engine (its owner id tells its DB lock from another engine's). */
export function createRunLocks(): RunLocks {
  const owner = randomUUID();
  const runs = new Map<string, ActiveRun>();
  return {
    acquire(profileId, state, direction, at) {
      const mine = runs.get(profileId);
      if (mine) throw busy(`${mine.direction}${mine.runId ? `, run #${mine.runId}` : ''}, started ${mine.startedAt.toISOString()}`);
      state.transaction(() => {
        const row = state.db.prepare('SELECT value FROM meta WHERE key = ?').get(LOCK_KEY) as { value: string } | undefined;
        if (row) {
          const held = JSON.parse(row.value) as { pid: number; owner: string; at: string };
          if (held.owner !== owner && processAlive(held.pid)) throw busy(`in another ReqBridge process, pid ${held.pid}, since ${held.at}`);
        }
        state.db
          .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
          .run(LOCK_KEY, JSON.stringify({ pid: process.pid, owner, at: at.toISOString() }));
      });
      const run: ActiveRun = {
        profileId,
        direction,
        startedAt: at,
        runId: null,
        controller: new AbortController(),
        cancelRequested: false,
        applying: false,
      };
      runs.set(profileId, run);
      return run;
    },
    release(run, state) {
      if (runs.get(run.profileId) === run) runs.delete(run.profileId);
      try {
        state.transaction(() => {
          const row = state.db.prepare('SELECT value FROM meta WHERE key = ?').get(LOCK_KEY) as { value: string } | undefined;
          if (row && (JSON.parse(row.value) as { owner: string }).owner === owner)
            state.db.prepare('DELETE FROM meta WHERE key = ?').run(LOCK_KEY);
        });
      } catch {
        // The DB was closed under us (profile deleted, app quitting): nothing to release.
      }
    },
    active: (profileId) => runs.get(profileId),
  };
}
