// A run lock held by a living process of another user (ReqBridge in another account on a shared
// machine) is respected: the operating system refuses to signal that process, which still means it
// is alive, so its run is not taken over. As root every process can be signalled, so the case only
// arises, and only runs, for an ordinary user.
import { describe, expect, it } from 'vitest';
import { processAlive } from '../../../src/main/core/sync/run-lock.ts';

const ROOT = process.geteuid?.() === 0;
/** The init process: always alive, and owned by root. */
const INIT_PID = 1;

describe('a run lock held by another user’s process', () => {
  it.skipIf(ROOT)('counts that process as alive, so its lock is not taken over', () => {
    expect(processAlive(INIT_PID)).toBe(true);
  });
});
