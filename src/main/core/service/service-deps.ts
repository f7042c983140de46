/** What every host hands to `createService`: the difference between hosts is only these. */
import type { AppInfo } from '../../../shared/api/views.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { HiresRuntime } from '../hires/runtime.ts';
import type { ScheduleService } from '../schedule/schedule-service.ts';
import type { Logger } from '../logging/logger.ts';
import type { Redactor } from '../logging/redactor.ts';
import type { SecretsService } from '../secrets/secrets-service.ts';
import type { ProfilesRepository } from '../settings/profiles-repository.ts';
import type { StateDbs } from '../state/state-db.ts';
import type { SandboxEndpoints } from '../settings/connection.ts';
import type { UpdatesPort } from './updates-handlers.ts';

/** The clock port: injected so schedules, backoff and signature windows are testable. */
export interface Clock {
  now(): Date;
}

/** The ports the service is built from. */
export interface ServiceDeps {
  settings: ProfilesRepository;
  secrets: SecretsService;
  stateDbs: StateDbs;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  info: AppInfo;
  /** The process environment (headless overrides of one profile's connection and secrets). */
  env: Readonly<Record<string, string | undefined>>;
  /** The id of the one profile the environment's overrides apply to (bound at launch, or the CLI's target); null for none. */
  environmentProfileId: () => string | null;
  /** The embedded sandbox's endpoints when the host runs it, for the Sandbox profile. */
  sandbox: SandboxEndpoints | null;
  /** Masks secrets in logs and errors; clients register their credentials with it. */
  redactor: Redactor;
  /** The new-hire flow's long-lived part (webhook endpoints, tunnels, worker); hosts start and stop it. */
  hires: HiresRuntime;
  /** The scheduler, once a long-running host started it (empty in the CLI). */
  schedule: { current: ScheduleService | null };
  /** The update flow, once a packaged desktop app started it (empty everywhere else: that copy does not update itself). */
  updates: { current: UpdatesPort | null };
}
