/**
 * Assembles the service's deps from a data directory and platform pieces. Hosts
 * call this with what differs between them (settings backing, secret store,
 * log sink, host name) and get the same service.
 */
import type { AppInfo } from '../../shared/api/views.ts';
import type { EventBus } from './api/event-bus.ts';
import { createEventBus } from './api/event-bus.ts';
import type { LogLevel, LogRecord, Logger } from './logging/logger.ts';
import { createLogger } from './logging/logger.ts';
import type { Redactor } from './logging/redactor.ts';
import { createRedactor } from './logging/redactor.ts';
import type { SecretName } from '../../shared/secrets/names.ts';
import type { SecretStore } from './secrets/secret-store.ts';
import type { SandboxEndpoints } from './settings/connection.ts';
import { createSecretsService } from './secrets/secrets-service.ts';
import type { SettingsBacking } from './settings/settings-file.ts';
import { createProfilesRepository } from './settings/profiles-repository.ts';
import type { EnvironmentBinding } from './settings/environment-binding.ts';
import { createEnvironmentProfileLookup } from './settings/environment-binding.ts';
import { createStateDbs } from './state/state-db.ts';
import { lockDownDataDir } from './files/private-files.ts';
import type { Service } from './service/create-service.ts';
import { createService } from './service/create-service.ts';
import type { Clock } from './service/service-deps.ts';
import type { HiresRuntime, HiresRuntimeOptions } from './hires/runtime.ts';
import { createHiresRuntime } from './hires/runtime.ts';

/** What a host provides to start the core. */
export interface CoreOptions {
  dataDir: string;
  host: AppInfo['host'];
  version: string;
  settingsBacking: SettingsBacking;
  secretStore: SecretStore;
  env: Readonly<Record<string, string | undefined>>;
  logSink: (record: LogRecord) => void;
  /** Lowest level logged (default info). */
  logLevel?: LogLevel;
  clock?: Clock;
  /** The embedded sandbox the host started for the Sandbox profile, if any. */
  sandbox?: SandboxRuntime | null;
  /** The host's redactor, when it logged before the core started (one redactor per process); default a new one. */
  redactor?: Redactor;
  /** Tunables of the new-hire runtime (tests: timeouts, timers, hooks). */
  hires?: HiresRuntimeOptions;
  /**
   * Which profile the environment's overrides (secrets, connection) apply to. Default `launch`:
   * the profile REQBRIDGE_PROFILE names, and none without it (multi-profile hosts). The CLI binds
   * them to its target.
   */
  environmentBinding?: EnvironmentBinding;
}

/** What a host tells the core about the embedded sandbox it runs. */
export interface SandboxRuntime {
  endpoints: SandboxEndpoints;
  secrets: Partial<Record<SecretName, string>>;
}

/** The started core: the service plus the pieces hosts wire to transports. */
export interface Core {
  service: Service;
  events: EventBus;
  logger: Logger;
  redactor: Redactor;
  /** The new-hire runtime: hosts `await hires.start()` after startup and `await hires.stop()` before `close()`. */
  hires: HiresRuntime;
  close(): void;
}

/** Build the core service for a host. */
export function startCore(options: CoreOptions): Core {
  const clock = options.clock ?? { now: () => new Date() };
  const redactor = options.redactor ?? createRedactor();
  const logger = createLogger({
    redactor,
    sink: options.logSink,
    now: () => clock.now(),
    ...(options.logLevel ? { level: options.logLevel } : {}),
  });
  // Every push event (to the renderer, the tray, notifications) passes through the redactor, except the
  // webhook status: it carries the webhook's path secret, which the consultant must see to paste into
  // Lever (never a key; its tunnel error is redacted where it is made).
  const events = createEventBus(
    (error) => logger.error('An event listener failed', error),
    (payload, event) => (event === 'webhook:changed' ? payload : redactor.redactValue(payload)),
  );
  // The data folder holds the run log, candidate names and the webhook's path secret: 0700, files 0600.
  lockDownDataDir(options.dataDir);
  const stateDbs = createStateDbs(options.dataDir);
  const settings = createProfilesRepository(options.settingsBacking);
  const environment = createEnvironmentProfileLookup(options.environmentBinding ?? { kind: 'launch' }, options.env, () => settings.list());
  const environmentProfileId = environment.profileId;
  const unbound = environment.problem();
  if (unbound) logger.warn(unbound);
  const secrets = createSecretsService({
    store: options.secretStore,
    stateDbs,
    redactor,
    env: options.env,
    environmentProfileId,
    environmentProblem: environment.problem,
    now: () => clock.now(),
    ...(options.sandbox ? { sandboxSecrets: options.sandbox.secrets } : {}),
  });
  const info: AppInfo = {
    name: 'ReqBridge',
    version: options.version,
    host: options.host,
    dataDir: options.dataDir,
    nodeVersion: process.versions.node,
  };
  const ports = {
    settings,
    secrets,
    stateDbs,
    clock,
    logger,
    events,
    env: options.env,
    environmentProfileId,
    sandbox: options.sandbox?.endpoints ?? null,
    redactor,
  };
  const hires = createHiresRuntime(ports, options.hires);
  const service = createService({ ...ports, info, hires, schedule: { current: null }, updates: { current: null } });
  return {
    service,
    events,
    logger,
    redactor,
    hires,
    close: () => {
      // Hosts await hires.stop() first; this only makes sure nothing keeps running on closed databases.
      void hires.stop();
      stateDbs.closeAll();
    },
  };
}
