/**
 * The core process as the desktop app starts it: Electron's `utilityProcess.fork` of the engine's
 * entry (out/main/core.js beside the main bundle), adapted to the {@link CoreChild} the core process
 * client drives. In Electron the parent's `message` listener receives the message itself, `exit`
 * gives only a code, and `kill()` asks the process to stop (SIGTERM); the client's kill means "end
 * it now", so it is a SIGKILL to the process's id when it has one.
 */
import { join } from 'node:path';
import type { ForkOptions, UtilityProcess } from 'electron';
import type { CoreChild } from '../core/process/core-child.ts';
import { coreExecArgv } from '../core/process/core-exec-argv.ts';

/** The part of Electron's UtilityProcess the adapter uses. */
export type UtilityProcessLike = Pick<UtilityProcess, 'pid' | 'postMessage' | 'kill'> & {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
};

/** Ends a process by id now (Node's `process.kill`, injected for tests). */
export type KillProcess = (pid: number, signal: 'SIGKILL') => void;

/** The adapter over a utility process. */
export function utilityCoreChild(
  child: UtilityProcessLike,
  killProcess: KillProcess = (pid, signal) => process.kill(pid, signal),
): CoreChild {
  let exited = false;
  child.on('exit', () => void (exited = true));
  return {
    send(message) {
      // A message to a process that is gone is dropped: its exit answers the calls.
      if (exited) return;
      try {
        child.postMessage(message);
      } catch {
        // The process ended between the check and the post; its exit answers the calls.
      }
    },
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', (code) => listener(code, null)),
    kill() {
      if (exited) return;
      if (child.pid === undefined) return void child.kill();
      try {
        killProcess(child.pid, 'SIGKILL');
      } catch {
        child.kill();
      }
    },
  };
}

/** How the desktop app starts its engine. */
export interface EngineForkOptions {
  /** The folder of the running main bundle (`out/main`), or of its source when the main process runs from source (tests). */
  mainDir: string;
  /** True when the main process runs from its TypeScript source: the engine's entry is then the source too. */
  fromSource: boolean;
  /** The app's version (`app.getVersion()`), which `app:info` reports. */
  version: string;
  /** The data folder (`REQBRIDGE_HOME` or userData), handed to the engine as its `REQBRIDGE_HOME`. */
  dataDir: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** The engine's entry file: the built `core.js` beside the main bundle, or src/main/core-process/main.ts from source. */
export function engineEntryFile(mainDir: string, fromSource: boolean): string {
  return fromSource ? join(mainDir, '..', 'core-process', 'main.ts') : join(mainDir, 'core.js');
}

/** The arguments of `utilityProcess.fork` that start the engine. */
export function engineForkArguments(options: EngineForkOptions): [modulePath: string, args: string[], options: ForkOptions] {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.env)) if (value !== undefined) env[name] = value;
  env['REQBRIDGE_HOME'] = options.dataDir;
  return [
    engineEntryFile(options.mainDir, options.fromSource),
    ['--host', 'electron', '--app-version', options.version],
    // Its log goes where the main process's goes; no stdin (a utility process has none). The engine's V8
    // flags (a bounded young generation, core-exec-argv.ts), as the browser host starts it.
    { serviceName: 'ReqBridge engine', stdio: 'inherit', env, execArgv: coreExecArgv([]) },
  ];
}
