// A run lock held by a living process of another user (ReqBridge in another account on a shared
// machine) is respected: the operating system refuses to signal that process, which still means it
// is alive, so its run is not taken over. Root may signal every process, so as root the check runs in
// a child process of an ordinary user (nobody), where it meets the refusal as a consultant's account would.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { processAlive } from '../../../src/main/core/sync/run-lock.ts';

const ROOT = process.geteuid?.() === 0;
/** The init process: always alive, and owned by root. */
const INIT_PID = 1;
/** The conventional unprivileged account. */
const NOBODY = 65534;
const SOURCES = fileURLToPath(new URL('../../../src', import.meta.url));

/**
 * Runs `processAlive(INIT_PID)` in a child process of the user `nobody`; returns what it printed.
 * The sources are copied to a directory that user can read (a checkout may live in a private home).
 */
function aliveAsNobody(): string {
  const copy = mkdtempSync(join(tmpdir(), 'run-lock-owner-'));
  try {
    cpSync(SOURCES, join(copy, 'src'), { recursive: true, filter: (path) => !path.endsWith('.tsx') });
    chmodSync(copy, 0o755);
    for (const entry of readdirSync(copy, { recursive: true, withFileTypes: true })) {
      chmodSync(join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
    }
    const module = join(copy, 'src/main/core/sync/run-lock.ts');
    const script = `import { processAlive } from ${JSON.stringify(module)}; console.log(String(processAlive(${INIT_PID})));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: copy,
      uid: NOBODY,
      gid: NOBODY,
      encoding: 'utf8',
      timeout: 30_000,
    });
    if (child.status !== 0) throw new Error(`the child process failed: ${child.stderr || child.error?.message}`);
    return child.stdout.trim();
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

describe('a run lock held by another user’s process', () => {
  it.skipIf(ROOT)('counts that process as alive, so its lock is not taken over', () => {
    expect(processAlive(INIT_PID)).toBe(true);
  });

  it.runIf(ROOT)('counts that process as alive for an ordinary user, so its lock is not taken over', () => {
    expect(aliveAsNobody()).toBe('true');
  });
});
