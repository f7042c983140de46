// Who may take over a hire another process claimed: only a claim whose owner is a process of this
// host that no longer exists is handed over at once; a live owner (even one of another user) and
// any owner this host cannot check keep their claim until the lease ends, so no hire is processed
// twice at the same time.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ownerAlive } from '../../../src/main/core/hires/worker.ts';

/** A pid no process has (above Linux's largest pid_max). */
const DEAD_PID = 99_999_999;
const here = hostname();
const WORKER = fileURLToPath(new URL('../../../src/main/core/hires/worker.ts', import.meta.url));
const NOBODY = { uid: 65_534, gid: 65_534 };
const isRoot = process.getuid?.() === 0;

/** Why the "another user" case cannot run here, or null: it needs a process of another user than this one. */
function otherUserSkipReason(): string | null {
  if (process.platform === 'win32') return 'SKIPPED: Windows has no process owners to tell apart this way.';
  if (!isRoot) return statSync('/proc/1', { throwIfNoEntry: false })?.uid === 0 ? null : "SKIPPED: process 1 is not root's here.";
  // As root, the question is asked by a child running as "nobody", which must be able to read the code.
  const readable = spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(WORKER)})`], NOBODY).status === 0;
  return readable ? null : 'SKIPPED: the user "nobody" cannot read this checkout, so no process of another user can run the check.';
}
const otherUserSkip = otherUserSkipReason();
if (otherUserSkip) console.warn(otherUserSkip);

describe('a claim owner is alive', () => {
  it('while its process runs on this host', () => {
    expect(ownerAlive(`${here}:${process.pid}:abc123`)).toBe(true);
  });

  it('not once its process on this host has ended, so the hire is taken over', () => {
    expect(ownerAlive(`${here}:${DEAD_PID}:abc123`)).toBe(false);
    expect(ownerAlive(`${here}:${DEAD_PID}`)).toBe(false);
  });

  it('when it runs on another host, which this one cannot check', () => {
    expect(ownerAlive(`not-${here}:${DEAD_PID}:abc123`)).toBe(true);
  });

  it('when the owner has no readable pid (an owner written by another tool), rather than guessing', () => {
    expect(ownerAlive(here)).toBe(true);
    expect(ownerAlive(`${here}::abc123`)).toBe(true);
    expect(ownerAlive(`${here}:abc:x`)).toBe(true);
    expect(ownerAlive(`${here}:x${DEAD_PID}:x`)).toBe(true);
    expect(ownerAlive(`${here}:${DEAD_PID}x:x`)).toBe(true);
  });

  it.skipIf(otherUserSkip !== null)('when its process belongs to another user, whom this one may not signal', () => {
    if (!isRoot) {
      // Process 1 belongs to root: this unprivileged process may not signal it (EPERM), and the owner counts as alive.
      expect(ownerAlive(`${here}:1:x`)).toBe(true);
      return;
    }
    const script = `import { ownerAlive } from ${JSON.stringify(WORKER)}; import { hostname } from 'node:os'; process.stdout.write(String(ownerAlive(hostname() + ':' + process.argv[1] + ':x')));`;
    // An unprivileged process asks about this (root) process: the kernel answers EPERM, and the owner counts as alive.
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, String(process.pid)], {
      ...NOBODY,
      encoding: 'utf8',
    });
    expect(run.stdout).toBe('true');
  });
});
