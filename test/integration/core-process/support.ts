/**
 * The core's own process as the browser host starts it: the real entry (src/main/core-process/main.ts)
 * forked through the host's own forkCoreProcess, with child_process IPC on a temp data dir, driven through the host-side client. Every
 * process a test starts is recorded so it is killed at the end, however the test ended.
 */
import type { ChildProcess } from 'node:child_process';
import { createLogger } from '../../../src/main/core/logging/logger.ts';
import type { LogRecord } from '../../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';
import { forkedCoreChild } from '../../../src/main/core/process/core-child.ts';
import type { CoreProcessOptions } from '../../../src/main/core/process/core-process-client.ts';
import { startCoreProcess } from '../../../src/main/core/process/core-process-client.ts';
import { forkCoreProcess } from '../../../src/main/host/fork-core.ts';
import { createFakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import type { FakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import { createFakeLever } from '../../../src/main/sandbox/lever/index.ts';
import type { FakeLever } from '../../../src/main/sandbox/lever/index.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { startTestCore, valueOf } from '../../support/test-core.ts';
import { fakeConnection } from '../sync/harness.ts';
import { activeJobs, charthopSeed, leverSeed } from '../sync/seeds.ts';

/** Environment variables that would point the core at something the test did not set up. */
const OVERRIDES = [
  'REQBRIDGE_PROFILE',
  'REQBRIDGE_LEVER_KEY',
  'REQBRIDGE_CHARTHOP_TOKEN',
  'REQBRIDGE_LEVER_URL',
  'REQBRIDGE_CHARTHOP_URL',
  'REQBRIDGE_CHARTHOP_ORG',
  'REQBRIDGE_SANDBOX_CONTROL_TOKEN',
];

/** Forks of the core process, with their output, for a test to start and always kill. */
export interface CoreForks {
  children: ChildProcess[];
  /** What the children wrote on stderr (their log). */
  stderr(): string;
  /**
   * Options for startCoreProcess that fork the real entry with `args` and `env` on top of a clean
   * environment; `execArgv` goes to Node (a preload such as test/support/fake-parent-port.ts), before the
   * core process's own V8 flags, as the hosts start it.
   */
  options(dataDir: string, args?: string[], env?: Record<string, string>, execArgv?: string[]): CoreProcessOptions & { logs: LogRecord[] };
  killAll(): Promise<void>;
}

/** Start recording forks. */
export function coreForks(): CoreForks {
  const children: ChildProcess[] = [];
  let stderr = '';
  return {
    children,
    stderr: () => stderr,
    options(dataDir, args = [], extra = {}, execArgv = []) {
      const env: NodeJS.ProcessEnv = { ...process.env, REQBRIDGE_HOME: dataDir };
      for (const name of OVERRIDES) delete env[name];
      Object.assign(env, extra);
      const logs: LogRecord[] = [];
      return {
        logs,
        logger: createLogger({ redactor: createRedactor(), sink: (record) => logs.push(record) }),
        spawn: () => {
          const child = forkCoreProcess({ args, env, execArgv, stdio: ['ignore', 'pipe', 'pipe'] });
          child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          children.push(child);
          return forkedCoreChild(child);
        },
      };
    },
    async killAll() {
      await Promise.all(
        children.map((child) => {
          if (child.exitCode !== null || child.signalCode !== null) return undefined;
          const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
          child.kill('SIGKILL');
          return exited;
        }),
      );
    },
  };
}

/** Resolves with the first value `check` returns that is not undefined, polling every 25 ms. */
export async function waitFor<T>(check: () => T | undefined, timeoutMs = 20_000, what = 'the condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Fakes on port 0 with `jobs` active ChartHop jobs, and a data dir with a client profile pointing at them
 * (its keys come from the environment: REQBRIDGE_LEVER_KEY and REQBRIDGE_CHARTHOP_TOKEN). What it starts is
 * pushed onto `cleanups`.
 */
export async function syncScene(
  jobs: number,
  cleanups: Array<() => Promise<void> | void>,
): Promise<{ lever: FakeLever; charthop: FakeChartHop; dataDir: string; profileId: string }> {
  const lever = await createFakeLever({ seed: leverSeed() });
  const charthop = await createFakeChartHop({ seed: charthopSeed(activeJobs(jobs)) });
  const temp = makeTempDir();
  cleanups.push(
    () => temp.cleanup(),
    () => Promise.all([lever.close(), charthop.close()]).then(() => undefined),
  );
  const setup = startTestCore({ dataDir: temp.path });
  const created = valueOf(await setup.api.invoke('profiles:create', { name: 'Acme' }));
  valueOf(await setup.api.invoke('settings:update', { profileId: created.id, patch: fakeConnection(lever, charthop) }));
  setup.dispose();
  return { lever, charthop, dataDir: temp.path, profileId: created.id };
}

export { startCoreProcess };
