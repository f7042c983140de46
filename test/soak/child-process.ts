/**
 * Starts ReqBridge (soak-child.ts) as a real child process against a world's data folder and
 * waits for it; it can be SIGKILLed from outside after a delay, and it is always SIGKILLed at a
 * hard bound so a hang cannot stall the soak (a hang is reported, not waited out).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CHARTHOP_TOKEN } from '../integration/sync/seeds.ts';
import { SOAK_HTTP_TIMEOUT_MS } from './fault-menu.ts';
import type { SoakWorld } from './world.ts';

const CHILD = fileURLToPath(new URL('./soak-child.ts', import.meta.url));

/** What one child run should do. */
export interface ChildRequest {
  mode: 'run' | 'plan' | 'export';
  direction: 'outbound' | 'inbound' | 'reconcile';
  trigger?: 'cli' | 'manual' | 'change' | 'schedule' | 'reconcile';
  crashAt?: string;
  crashIndex?: number;
  /** SIGKILL from outside after this many ms. */
  killAfterMs?: number;
  /** Extra environment (the broken-build hook). */
  env?: Record<string, string>;
}

/** How a child ended. */
export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when the hard bound killed it. */
  hung: boolean;
  /** True when the soak's timer killed it. */
  killedByTimer: boolean;
  stdout: string;
  stderr: string;
  /** The parsed last stdout line, when there is one. */
  result: Record<string, unknown> | null;
}

/** The longest a child may live. */
export const CHILD_BOUND_MS = 90_000;

/** Runs one child and resolves when it exits. */
export function runChild(world: SoakWorld, req: ChildRequest): Promise<ChildResult> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', TMPDIR: process.env['TMPDIR'] ?? '/tmp',
    SOAK_DATA_DIR: world.dataDir, SOAK_PROFILE: world.profileId, SOAK_MODE: req.mode, SOAK_DIRECTION: req.direction,
    SOAK_TRIGGER: req.trigger ?? 'cli', SOAK_CRASH_AT: req.crashAt ?? '', SOAK_CRASH_INDEX: String(req.crashIndex ?? 0),
    SOAK_HTTP_TIMEOUT_MS: String(SOAK_HTTP_TIMEOUT_MS),
    REQBRIDGE_LEVER_KEY: world.canary, REQBRIDGE_CHARTHOP_TOKEN: CHARTHOP_TOKEN, ...(req.env ?? {}),
  };
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [CHILD], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let hung = false;
    let killedByTimer = false;
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const bound = setTimeout(() => {
      hung = true;
      proc.kill('SIGKILL');
    }, CHILD_BOUND_MS);
    const timer = req.killAfterMs === undefined ? undefined : setTimeout(() => {
      killedByTimer = true;
      proc.kill('SIGKILL');
    }, req.killAfterMs);
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      clearTimeout(bound);
      if (timer) clearTimeout(timer);
      const last = stdout.trim().split('\n').pop() ?? '';
      let result: Record<string, unknown> | null;
      try {
        result = last ? (JSON.parse(last) as Record<string, unknown>) : null;
      } catch {
        result = null;
      }
      resolve({ code, signal, hung, killedByTimer: killedByTimer && signal === 'SIGKILL', stdout, stderr, result });
    });
  });
}
