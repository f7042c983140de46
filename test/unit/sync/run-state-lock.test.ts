// One run per profile: the lock a run takes in its profile's state DB and in the engine, what a second
// run is told, and that releasing a run never frees a lock that another run or another engine holds.
import { afterEach, describe, expect, it } from 'vitest';
import { openStateDb } from '../../../src/main/core/state/state-db.ts';
import type { StateDb } from '../../../src/main/core/state/state-db.ts';
import { createRunLocks, lockHeldByOtherProcess } from '../../../src/main/core/sync/run-lock.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const AT = new Date(Date.UTC(2026, 0, 5, 9));
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function stateDb(): StateDb {
  const dir = makeTempDir();
  const state = openStateDb(`${dir.path}/acme.sqlite`);
  cleanups.push(() => {
    state.close();
    dir.cleanup();
  });
  return state;
}

function writeLock(state: StateDb, pid: number): void {
  state.db
    .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
    .run('sync.run_lock', JSON.stringify({ pid, owner: 'someone-else', at: AT.toISOString() }));
}

describe('one run per profile', () => {
  it('a second run in the same engine is told which run is going and since when', () => {
    const state = stateDb();
    const locks = createRunLocks();
    const first = locks.acquire('acme', state, 'outbound', AT);
    expect(() => locks.acquire('acme', state, 'inbound', AT)).toThrow(
      'A sync run is already going for this profile (outbound, started 2026-01-05T09:00:00.000Z). Wait for it to finish, or cancel it, then try again.',
    );
    first.runId = 12;
    expect(() => locks.acquire('acme', state, 'inbound', AT)).toThrow(
      'A sync run is already going for this profile (outbound, run #12, started 2026-01-05T09:00:00.000Z). Wait for it to finish, or cancel it, then try again.',
    );
  });

  it('releasing a run that already ended does not free the lock of the run that followed it', () => {
    const state = stateDb();
    const locks = createRunLocks();
    const first = locks.acquire('acme', state, 'outbound', AT);
    locks.release(first, state);
    const second = locks.acquire('acme', state, 'outbound', AT);
    locks.release(first, state);
    expect(locks.active('acme')).toBe(second);
  });

  it("releasing a run never frees another engine's lock in the state DB", () => {
    const state = stateDb();
    const mine = createRunLocks();
    const theirs = createRunLocks();
    const theirRun = theirs.acquire('acme', state, 'outbound', AT);
    const stale = { ...theirRun };
    mine.release(stale, state);
    expect(state.db.prepare('SELECT COUNT(*) AS n FROM meta WHERE key = ?').get('sync.run_lock')).toEqual({ n: 1 });
    theirs.release(theirRun, state);
    expect(state.db.prepare('SELECT COUNT(*) AS n FROM meta WHERE key = ?').get('sync.run_lock')).toEqual({ n: 0 });
  });
});

describe('a run going in another process', () => {
  it('is seen only when the lock names another living process', () => {
    const state = stateDb();
    expect(lockHeldByOtherProcess(state)).toBe(false);
    writeLock(state, process.pid);
    expect(lockHeldByOtherProcess(state)).toBe(false);
    writeLock(state, process.ppid);
    expect(lockHeldByOtherProcess(state)).toBe(true);
    // A pid above the kernel's limit belongs to no process: the lock is stale.
    writeLock(state, 2 ** 22 + 1);
    expect(lockHeldByOtherProcess(state)).toBe(false);
  });
});
