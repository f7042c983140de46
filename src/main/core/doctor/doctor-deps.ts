/**
 * Builds the doctor's deps for a profile the way every host should: secrets
 * revealed in the main process (and so registered with the redactor), base
 * URLs from the resolved connection, limiters from the shared registry.
 */
import { buildClients } from '../clients/profile-clients.ts';
import type { HttpClock } from '../http/clock.ts';
import type { LimiterRegistry } from '../http/limiter-registry.ts';
import type { HttpRecorder } from '../http/recorder.ts';
import type { Logger } from '../logging/logger.ts';
import type { Redactor } from '../logging/redactor.ts';
import type { SecretsService } from '../secrets/secrets-service.ts';
import type { Connection } from '../settings/connection.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import type { DoctorDeps } from './types.ts';

/** What a host has at hand when the user presses "Check connection". */
export interface DoctorSetup {
  profile: ProfileSettings;
  connection: Pick<Connection, 'leverBaseUrl' | 'charthopBaseUrl' | 'charthopOrg'>;
  secrets: Pick<SecretsService, 'reveal'>;
  /** Use `processLimiterRegistry()` so the doctor waits on the same buckets as running syncs. */
  registry: LimiterRegistry;
  logger: Logger;
  redactor?: Redactor;
  clock?: HttpClock;
  recorder?: HttpRecorder;
  signal?: AbortSignal;
  /** Per-attempt timeout; default 15 s (a pre-flight check should not hang). */
  timeoutMs?: number;
}

/** Reveals the profile's credentials and builds one client per vendor (null when a credential is missing). */
export async function createDoctorDeps(setup: DoctorSetup): Promise<DoctorDeps> {
  const clients = await buildClients({ ...setup, timeoutMs: setup.timeoutMs ?? 15_000 });
  return { profile: setup.profile, lever: clients.lever, charthop: clients.charthop, logger: setup.logger };
}
