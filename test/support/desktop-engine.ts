/**
 * The engine's process as the desktop app starts it, without the rest of the entry: the fake
 * electron's `utilityProcess.fork` (a real Node child that sees Electron's `process.parentPort`)
 * of the engine's source entry, with the arguments the entry passes, behind the UtilityProcess
 * adapter and the core process client. `--no-sandbox` is added: these tests need no Sandbox servers.
 */
import { fileURLToPath } from 'node:url';
import type { LogRecord } from '../../src/main/core/logging/logger.ts';
import { createLogger } from '../../src/main/core/logging/logger.ts';
import type { Redactor } from '../../src/main/core/logging/redactor.ts';
import { createRedactor } from '../../src/main/core/logging/redactor.ts';
import type { CoreProcess } from '../../src/main/core/process/core-process-client.ts';
import { startCoreProcess } from '../../src/main/core/process/core-process-client.ts';
import type { HostServices } from '../../src/main/core/process/host-services.ts';
import type { UtilityProcessLike } from '../../src/main/electron/utility-core-child.ts';
import { engineForkArguments, utilityCoreChild } from '../../src/main/electron/utility-core-child.ts';
import type { FakeElectronState, UtilityForkOptions } from './fake-electron.ts';
import { createFakeElectron, createFakeElectronState } from './fake-electron.ts';

const MAIN_DIR = fileURLToPath(new URL('../../src/main/electron/', import.meta.url));

/** Environment variables that would point the engine at something the test did not set up. */
const OVERRIDES = ['REQBRIDGE_PROFILE', 'REQBRIDGE_LEVER_KEY', 'REQBRIDGE_CHARTHOP_TOKEN', 'REQBRIDGE_SANDBOX_CONTROL_TOKEN'];

/** A started engine and what the test needs around it. */
export interface DesktopEngine {
  engine: CoreProcess;
  /** The fake electron's record (its forks: `state.utilityForks`). */
  state: FakeElectronState;
  /** The main process's log, through `redactor`. */
  logs: LogRecord[];
  /** What the engine's processes wrote on stderr (their log). */
  stderr(): string;
  redactor: Redactor;
  /** Stop the engine, and kill whatever it left. */
  close(): Promise<void>;
}

/** Start the engine on `dataDir` with the desktop app's `hostServices` (default none), `env` on top of a clean environment. */
export async function startDesktopEngine(
  dataDir: string,
  options: { version?: string; hostServices?: HostServices; env?: Record<string, string>; redactor?: Redactor } = {},
): Promise<DesktopEngine> {
  const state = createFakeElectronState();
  const utilityProcess = (createFakeElectron(state, dataDir) as { utilityProcess: { fork: (...args: unknown[]) => UtilityProcessLike } })
    .utilityProcess;
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of OVERRIDES) delete env[name];
  Object.assign(env, options.env);
  const [entry, args, forkOptions] = engineForkArguments({
    mainDir: MAIN_DIR,
    fromSource: true,
    version: options.version ?? '1.0.0',
    dataDir,
    env,
  });
  const logs: LogRecord[] = [];
  const redactor = options.redactor ?? createRedactor();
  let stderr = '';
  const spawn = () => {
    const child = utilityProcess.fork(entry, [...args, '--no-sandbox'], { ...forkOptions, stdio: 'pipe' } as UtilityForkOptions);
    const forked = state.utilityForks.at(-1)!.child;
    forked.stdout?.resume();
    forked.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return utilityCoreChild(child);
  };
  const engine = await startCoreProcess({
    spawn,
    logger: createLogger({ redactor, sink: (record) => logs.push(record) }),
    ...(options.hostServices ? { hostServices: options.hostServices } : {}),
  });
  return {
    engine,
    state,
    logs,
    stderr: () => stderr,
    redactor,
    async close() {
      await engine.close();
      await Promise.all(
        state.utilityForks.map(({ child }) => {
          if (child.exitCode !== null || child.signalCode !== null) return undefined;
          const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
          child.kill('SIGKILL');
          return exited;
        }),
      );
    },
  };
}
