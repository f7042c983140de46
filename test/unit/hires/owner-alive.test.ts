// Who may take over a hire another process claimed: only a claim whose owner is a process of this
// host that no longer exists is handed over at once; a live owner (even one of another user) and
// any owner this host cannot check keep their claim until the lease ends, so no hire is processed
// twice at the same time.
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ownerAlive } from '../../../src/main/core/hires/worker.ts';

/** A pid no process has (above Linux's largest pid_max). */
const DEAD_PID = 99_999_999;
const here = hostname();

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

  it.runIf(process.getuid?.() === 0)('when its process belongs to another user, whom this one may not signal', () => {
    const worker = fileURLToPath(new URL('../../../src/main/core/hires/worker.ts', import.meta.url));
    const script = `import { ownerAlive } from ${JSON.stringify(worker)}; import { hostname } from 'node:os'; process.stdout.write(String(ownerAlive(hostname() + ':' + process.argv[1] + ':x')));`;
    // An unprivileged process asks about this (root) process: the kernel answers EPERM, and the owner counts as alive.
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, String(process.pid)], {
      uid: 65_534,
      gid: 65_534,
      encoding: 'utf8',
    });
    expect(run.stdout).toBe('true');
  });
});
