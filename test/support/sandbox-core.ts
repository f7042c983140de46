/**
 * A real core on the embedded Sandbox, as the app runs it: fake Lever and
 * ChartHop on 127.0.0.1 with demo data, settings and SQLite files in a temp
 * data dir, secrets in memory.
 */
import type { BridgeApi } from '../../src/shared/api/channels.ts';
import { createInProcessClient } from '../../src/main/core/api/in-process-client.ts';
import type { Core } from '../../src/main/core/bootstrap.ts';
import type { LogRecord } from '../../src/main/core/logging/logger.ts';
import { startCore } from '../../src/main/core/bootstrap.ts';
import { createLogger } from '../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../src/main/core/logging/redactor.ts';
import { createMemorySecretStore } from '../../src/main/core/secrets/secret-store.ts';
import { createConfBacking } from '../../src/main/core/settings/conf-backing.ts';
import type { EmbeddedSandbox } from '../../src/main/host/embedded-sandbox.ts';
import { startEmbeddedSandbox } from '../../src/main/host/embedded-sandbox.ts';
import type { StartSandboxOptions } from '../../src/main/sandbox/start-sandbox.ts';
import { makeTempDir } from './temp-dir.ts';

/** A started core on the embedded sandbox. */
export interface SandboxCore {
  embedded: EmbeddedSandbox;
  core: Core;
  api: BridgeApi;
  dataDir: string;
  dispose(): Promise<void>;
}

/** A core on `dataDir` whose Sandbox profile uses `embedded` (one launch of the app; the fake servers may outlive it). */
export function startCoreOnSandbox(dataDir: string, embedded: EmbeddedSandbox, logSink: (record: LogRecord) => void = () => {}): Core {
  return startCore({
    dataDir,
    host: 'test',
    version: '0.0.0-test',
    settingsBacking: createConfBacking(dataDir),
    secretStore: createMemorySecretStore(),
    env: {},
    logSink,
    sandbox: embedded.runtime,
  });
}

/** Start the sandbox and a core using it, in a fresh data dir; `logSink` receives the core's log records. */
export async function startSandboxCore(
  options: StartSandboxOptions = {},
  logSink: (record: LogRecord) => void = () => {},
): Promise<SandboxCore> {
  const home = makeTempDir();
  const embedded = await startEmbeddedSandbox(home.path, createLogger({ redactor: createRedactor(), sink: () => {} }), options);
  const core = startCoreOnSandbox(home.path, embedded, logSink);
  return {
    embedded,
    core,
    api: createInProcessClient(core.service.dispatch, core.events),
    dataDir: home.path,
    async dispose() {
      core.close();
      await embedded.close();
      home.cleanup();
    },
  };
}
