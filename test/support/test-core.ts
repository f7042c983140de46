/**
 * A real core for integration tests: conf on a real settings file and real
 * SQLite files in a temp data dir; secrets in memory unless a store is given.
 */
import type { BridgeApi } from '../../src/shared/api/channels.ts';
import type { Core } from '../../src/main/core/bootstrap.ts';
import { startCore } from '../../src/main/core/bootstrap.ts';
import { createInProcessClient } from '../../src/main/core/api/in-process-client.ts';
import type { LogRecord } from '../../src/main/core/logging/logger.ts';
import type { SecretStore } from '../../src/main/core/secrets/secret-store.ts';
import { createMemorySecretStore } from '../../src/main/core/secrets/secret-store.ts';
import { createConfBacking } from '../../src/main/core/settings/conf-backing.ts';
import type { EnvironmentBinding } from '../../src/main/core/settings/environment-binding.ts';
import { makeTempDir } from './temp-dir.ts';

/** A started test core with its in-process client, log and data dir. */
export interface TestCore {
  core: Core;
  api: BridgeApi;
  dataDir: string;
  logs: LogRecord[];
  dispose(): void;
}

/** Start a core in a fresh temp data dir. */
export function startTestCore(
  options: {
    secretStore?: SecretStore;
    env?: Record<string, string | undefined>;
    dataDir?: string;
    environmentBinding?: EnvironmentBinding;
  } = {},
): TestCore {
  const temp = options.dataDir ? null : makeTempDir();
  const dataDir = options.dataDir ?? temp!.path;
  const logs: LogRecord[] = [];
  const core = startCore({
    dataDir,
    host: 'test',
    version: '0.0.0-test',
    settingsBacking: createConfBacking(dataDir),
    secretStore: options.secretStore ?? createMemorySecretStore(),
    env: options.env ?? {},
    logSink: (record) => logs.push(record),
    ...(options.environmentBinding ? { environmentBinding: options.environmentBinding } : {}),
  });
  return {
    core,
    api: createInProcessClient(core.service.dispatch, core.events),
    dataDir,
    logs,
    dispose() {
      core.close();
      temp?.cleanup();
    },
  };
}

/** Unwrap an envelope in a test, failing loudly with the error's message. */
export function valueOf<T>(envelope: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!envelope.ok) throw new Error(`Expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}
