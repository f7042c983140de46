/**
 * The Lever and ChartHop clients of a profile, built the way every feature
 * needs them: connection resolved (Sandbox endpoints, env overrides of the
 * profile they are meant for), secrets revealed in main (and so registered with the
 * redactor), one shared rate limiter per vendor and credential for the whole
 * process. A client is null when its credential is not set.
 */
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import { createChartHopClient } from '../charthop/client.ts';
import type { ChartHopClient } from '../charthop/client.ts';
import type { HttpClock } from '../http/clock.ts';
import type { LimiterRegistry } from '../http/limiter-registry.ts';
import { processLimiterRegistry } from '../http/limiter-registry.ts';
import { rateLimitFromEnv } from '../http/rate-limit-env.ts';
import type { HttpRecorder } from '../http/recorder.ts';
import type { RetryBudget } from '../http/retry-policy.ts';
import { createLeverClient } from '../lever/client.ts';
import type { LeverClient } from '../lever/client.ts';
import type { Logger } from '../logging/logger.ts';
import type { Redactor } from '../logging/redactor.ts';
import type { SecretsService } from '../secrets/secrets-service.ts';
import type { Connection, SandboxEndpoints } from '../settings/connection.ts';
import { resolveConnection } from '../settings/connection.ts';
import type { ServiceDeps } from '../service/service-deps.ts';
import { createApiShapeStore } from '../state/api-shapes.ts';
import type { ApiShapeStore } from '../state/api-shapes.ts';

/** What building a profile's clients needs. */
export interface ProfileClientsSetup {
  profile: ProfileSettings;
  /** Whether the environment's overrides apply to this profile (only one profile's do). */
  environmentApplies: boolean;
  env: Readonly<Record<string, string | undefined>>;
  sandbox: SandboxEndpoints | null;
  secrets: Pick<SecretsService, 'reveal'>;
  logger: Logger;
  redactor?: Redactor;
  registry?: LimiterRegistry;
  clock?: HttpClock;
  recorder?: HttpRecorder;
  /** Where the shape of every parsed answer is recorded (the profile's API shape record). */
  shapes?: ApiShapeStore;
  budget?: RetryBudget;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** A recorder that files `shape` events in the profile's shape record and passes the rest on. */
export function shapeRecordingRecorder(shapes: ApiShapeStore, inner: HttpRecorder | undefined): HttpRecorder {
  return {
    record(event) {
      if (event.type === 'shape') shapes.record(event.vendor, event.endpoint, event.findings, new Date(event.at));
      else inner?.record(event);
    },
  };
}

/** A profile's resolved connection and clients. */
export interface ProfileClients {
  profile: ProfileSettings;
  connection: Connection;
  lever: LeverClient | null;
  charthop: ChartHopClient | null;
}

/** Build a profile's clients, resolving its connection first. */
export async function createProfileClients(setup: ProfileClientsSetup): Promise<ProfileClients> {
  const connection = resolveConnection(setup.profile, {
    env: setup.env,
    environmentApplies: setup.environmentApplies,
    sandbox: setup.sandbox,
  });
  return { ...(await buildClients({ ...setup, connection })), profile: setup.profile, connection };
}

/**
 * Build the clients for an already resolved connection (null where a credential is missing). The
 * shared limiters take their rate and burst from `env` (REQBRIDGE_LEVER_RATE / _BURST,
 * REQBRIDGE_CHARTHOP_RATE / _BURST) when it sets them; a bad value is an error naming the variable.
 */
export async function buildClients(
  setup: Omit<ProfileClientsSetup, 'environmentApplies' | 'env' | 'sandbox'> & {
    connection: Pick<Connection, 'leverBaseUrl' | 'charthopBaseUrl' | 'charthopOrg'>;
    env?: Readonly<Record<string, string | undefined>>;
  },
): Promise<Pick<ProfileClients, 'lever' | 'charthop'>> {
  const { connection } = setup;
  const registry = setup.registry ?? processLimiterRegistry();
  const env = setup.env ?? {};
  const leverLimit = rateLimitFromEnv('lever', env);
  const charthopLimit = rateLimitFromEnv('charthop', env);
  const leverKey = (await setup.secrets.reveal(setup.profile.id, 'leverApiKey'))?.trim() || null;
  const token = (await setup.secrets.reveal(setup.profile.id, 'charthopToken'))?.trim() || null;
  const common = {
    logger: setup.logger,
    ...(setup.timeoutMs ? { timeoutMs: setup.timeoutMs } : {}),
    ...(setup.redactor ? { redactor: setup.redactor } : {}),
    ...(setup.clock ? { clock: setup.clock } : {}),
    ...(setup.shapes
      ? { recorder: shapeRecordingRecorder(setup.shapes, setup.recorder) }
      : setup.recorder
        ? { recorder: setup.recorder }
        : {}),
    ...(setup.budget ? { budget: setup.budget } : {}),
    ...(setup.signal ? { signal: setup.signal } : {}),
  };
  const { leverBaseUrl, charthopBaseUrl, charthopOrg } = connection;
  return {
    lever: leverKey
      ? createLeverClient({
          ...common,
          baseUrl: leverBaseUrl,
          apiKey: leverKey,
          limiter: registry.get('lever', leverBaseUrl, leverKey, leverLimit),
        })
      : null,
    charthop:
      token && charthopOrg
        ? createChartHopClient({
            ...common,
            baseUrl: charthopBaseUrl,
            token,
            org: charthopOrg,
            limiter: registry.get('charthop', charthopBaseUrl, token, charthopLimit),
          })
        : null,
  };
}

/** The service ports a profile's clients are built from. */
export type ClientPorts = Pick<ServiceDeps, 'settings' | 'secrets' | 'env' | 'environmentProfileId' | 'sandbox' | 'logger' | 'redactor'> & {
  /** When given, every answer's shape is recorded in the profile's state database. */
  stateDbs?: ServiceDeps['stateDbs'];
};

/** A profile's clients from the service's own ports (the environment's overrides apply to one profile only). */
export function profileClientsFor(
  deps: ClientPorts,
  profileId: string,
  options: Pick<ProfileClientsSetup, 'timeoutMs' | 'signal' | 'clock' | 'registry' | 'recorder' | 'budget'> = {},
): Promise<ProfileClients> {
  return createProfileClients({
    profile: deps.settings.get(profileId),
    environmentApplies: deps.environmentProfileId() === profileId,
    env: deps.env,
    sandbox: deps.sandbox,
    secrets: deps.secrets,
    logger: deps.logger,
    redactor: deps.redactor,
    ...(deps.stateDbs ? { shapes: createApiShapeStore(deps.stateDbs.forProfile(profileId)) } : {}),
    ...options,
  });
}
