/**
 * The core as the browser host and the CLI start it: settings through conf on
 * the shared settings file, secrets in the OS keychain (with the environment
 * overrides for headless runs), data under REQBRIDGE_HOME or the app folder.
 */
import { readFileSync } from 'node:fs';
import type { AppInfo } from '../../shared/api/views.ts';
import type { Core, SandboxRuntime } from './bootstrap.ts';
import { startCore } from './bootstrap.ts';
import type { LogLevel, LogRecord } from './logging/logger.ts';
import type { Redactor } from './logging/redactor.ts';
import { resolveDataDir } from './paths.ts';
import type { SecretStore } from './secrets/secret-store.ts';
import { createKeytarSecretStore } from './secrets/keytar-store.ts';
import { createConfBacking } from './settings/conf-backing.ts';
import type { EnvironmentBinding } from './settings/environment-binding.ts';

/** ReqBridge's version from package.json. */
export function packageVersion(): string {
  try {
    const text = readFileSync(new URL('../../../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** Start the core for a plain-Node host. */
export function startNodeCore(options: {
  host: AppInfo['host'];
  /** What `app:info` says (the desktop app's own version); default package.json's. */
  version?: string;
  env: Readonly<Record<string, string | undefined>>;
  logSink: (record: LogRecord) => void;
  secretStore?: SecretStore;
  sandbox?: SandboxRuntime | null;
  logLevel?: LogLevel;
  /** The redactor the host already logs through, so the process has one. */
  redactor?: Redactor;
  /** Which profile the environment's overrides apply to (the CLI's target); default the one REQBRIDGE_PROFILE names. */
  environmentBinding?: EnvironmentBinding;
}): Core & { dataDir: string } {
  const dataDir = resolveDataDir(options.env);
  const core = startCore({
    dataDir,
    host: options.host,
    version: options.version ?? packageVersion(),
    settingsBacking: createConfBacking(dataDir),
    secretStore: options.secretStore ?? createKeytarSecretStore(),
    env: options.env,
    logSink: options.logSink,
    sandbox: options.sandbox ?? null,
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    ...(options.environmentBinding ? { environmentBinding: options.environmentBinding } : {}),
    ...(options.redactor ? { redactor: options.redactor } : {}),
  });
  return { ...core, dataDir };
}
