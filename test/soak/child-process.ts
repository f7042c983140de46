/**
 * Starts ReqBridge (soak-child.ts for runs, soak-hires-child.ts for the new-hire flow,
 * soak-daily-child.ts for Run Daily) as a real child process against a world's data folder and
 * waits for it; it can be SIGKILLed from outside after a delay, and it is always SIGKILLed at a
 * hard bound so a hang cannot stall the soak (a hang is reported, not waited out).
 */
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHARTHOP_TOKEN } from '../integration/sync/seeds.ts';
import { SOAK_HTTP_TIMEOUT_MS } from './fault-menu.ts';
import type { SoakWorld } from './world.ts';

const CHILD = fileURLToPath(new URL('./soak-child.ts', import.meta.url));
const HIRES_CHILD = fileURLToPath(new URL('./soak-hires-child.ts', import.meta.url));
const DAILY_CHILD = fileURLToPath(new URL('./soak-daily-child.ts', import.meta.url));

/** What one child run should do. */
export interface ChildRequest {
  mode: 'run' | 'final' | 'serve' | 'catch-up' | 'daily';
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

const COMPILE_CACHE = join(tmpdir(), 'reqbridge-soak-compile-cache');

/** Which script a mode runs: sync runs and the final plan and exports; the new-hire flow; the daily schedule. */
const SCRIPTS: Record<ChildRequest['mode'], string> = {
  run: CHILD,
  final: CHILD,
  serve: HIRES_CHILD,
  'catch-up': HIRES_CHILD,
  daily: DAILY_CHILD,
};

/** A child under way: its first stdout line (JSON), signals, and its end. */
export interface RunningChild {
  /** The first stdout line, parsed (null when the child ended without one). */
  firstLine: Promise<Record<string, unknown> | null>;
  signal(signal: NodeJS.Signals): void;
  done: Promise<ChildResult>;
}

/** Starts one child; `runChild` waits for it, the new-hire steps talk to it while it runs. */
export function startChild(world: SoakWorld, req: ChildRequest): RunningChild {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '',
    TMPDIR: process.env['TMPDIR'] ?? '/tmp',
    SOAK_DATA_DIR: world.dataDir,
    SOAK_PROFILE: world.profileId,
    SOAK_MODE: req.mode,
    SOAK_DIRECTION: req.direction,
    SOAK_TRIGGER: req.trigger ?? 'cli',
    SOAK_CRASH_AT: req.crashAt ?? '',
    SOAK_CRASH_INDEX: String(req.crashIndex ?? 0),
    SOAK_HTTP_TIMEOUT_MS: String(SOAK_HTTP_TIMEOUT_MS),
    // Compiled code is cached across the soak's many short-lived processes (half of a start's CPU).
    NODE_COMPILE_CACHE: COMPILE_CACHE,
    REQBRIDGE_LEVER_KEY: world.canary,
    REQBRIDGE_CHARTHOP_TOKEN: CHARTHOP_TOKEN,
    REQBRIDGE_LEVER_WEBHOOK_TOKEN: world.signatureToken,
    ...(req.env ?? {}),
  };
  const proc = spawn(process.execPath, [SCRIPTS[req.mode]], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let hung = false;
  let killedByTimer = false;
  let gotFirst: (line: Record<string, unknown> | null) => void = () => undefined;
  const firstLine = new Promise<Record<string, unknown> | null>((resolve) => (gotFirst = resolve));
  proc.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    const end = stdout.indexOf('\n');
    if (end >= 0) gotFirst(parseLine(stdout.slice(0, end)));
  });
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const bound = setTimeout(() => {
    hung = true;
    proc.kill('SIGKILL');
  }, CHILD_BOUND_MS);
  const timer =
    req.killAfterMs === undefined
      ? undefined
      : setTimeout(() => {
          killedByTimer = true;
          proc.kill('SIGKILL');
        }, req.killAfterMs);
  const done = new Promise<ChildResult>((resolve, reject) => {
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      clearTimeout(bound);
      if (timer) clearTimeout(timer);
      gotFirst(null);
      const result = parseLine(stdout.trim().split('\n').pop() ?? '');
      resolve({ code, signal, hung, killedByTimer: killedByTimer && signal === 'SIGKILL', stdout, stderr, result });
    });
  });
  return {
    firstLine,
    signal(signal) {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    },
    done,
  };
}

function parseLine(line: string): Record<string, unknown> | null {
  try {
    return line ? (JSON.parse(line) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Runs one child and resolves when it exits. */
export function runChild(world: SoakWorld, req: ChildRequest): Promise<ChildResult> {
  return startChild(world, req).done;
}
