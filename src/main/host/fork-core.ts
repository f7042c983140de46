/**
 * How the browser host starts the core's own process: Node's `child_process.fork` of the core
 * process's entry (src/main/core-process/main.ts) with an IPC channel, the host's own Node options
 * and the core's V8 flags (core-exec-argv.ts). The end-to-end host and the core-process tests start
 * it through here too, so they run the process as users get it.
 */
import type { ChildProcess, StdioOptions } from 'node:child_process';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { coreExecArgv } from '../core/process/core-exec-argv.ts';

/** The core process's entry file. */
export const CORE_PROCESS_ENTRY = fileURLToPath(new URL('../core-process/main.ts', import.meta.url));

/** What one start of the core process needs. */
export interface CoreForkOptions {
  /** The entry's own options (`--host`, `--no-sandbox`, …). */
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Node options before the core's V8 flags; default the host's own (`process.execArgv`). */
  execArgv?: readonly string[];
  /** stdin, stdout, stderr; the IPC channel is added. Default: no stdin, stdout piped, stderr inherited. */
  stdio?: readonly ['ignore' | 'pipe' | 'inherit', 'ignore' | 'pipe' | 'inherit', 'ignore' | 'pipe' | 'inherit'];
}

/** Fork the core process's entry with an IPC channel. */
export function forkCoreProcess(options: CoreForkOptions): ChildProcess {
  const [stdin, stdout, stderr] = options.stdio ?? ['ignore', 'pipe', 'inherit'];
  const stdio: StdioOptions = [stdin, stdout, stderr, 'ipc'];
  return fork(CORE_PROCESS_ENTRY, [...options.args], {
    env: options.env,
    execArgv: coreExecArgv(options.execArgv ?? process.execArgv),
    stdio,
  });
}
