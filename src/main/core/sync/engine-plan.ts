/**
 * The engine's I/O around the pure planners: the profile's clients, reading
 * both sides in parallel (either listing failing fails the plan), and turning
 * the snapshots into a plan with the profile's mappings and options.
 */
import type { SyncDirection } from '../../../shared/api/sync-views.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import type { ChartHopClient } from '../charthop/client.ts';
import { profileClientsFor } from '../clients/profile-clients.ts';
import { AppError } from '../errors.ts';
import type { HttpClock } from '../http/clock.ts';
import type { LimiterRegistry } from '../http/limiter-registry.ts';
import type { HttpRecorder } from '../http/recorder.ts';
import type { LeverClient } from '../lever/client.ts';
import type { ServiceDeps } from '../service/service-deps.ts';
import { generatedRequisitionCode } from './codes.ts';
import { createCrosswalk } from './crosswalk.ts';
import { indexGroups } from './inbound-map.ts';
import type { LinkRecord } from './model.ts';
import { planInboundInSlices } from './plan-inbound.ts';
import { planOutboundInSlices } from './plan-outbound.ts';
import type { EnginePlan } from './plan-types.ts';
import { readChartHop, readLever } from './readers.ts';

/** HTTP settings for the engine's clients (tests inject a manual clock and a registry on it). */
export interface EngineHttpOptions {
  clock?: HttpClock;
  registry?: LimiterRegistry;
  recorder?: HttpRecorder;
  timeoutMs?: number;
}

/** The clients a run uses. */
export interface RunClients {
  lever: LeverClient;
  charthop: ChartHopClient;
}

type ClientDeps = Pick<ServiceDeps, 'settings' | 'secrets' | 'env' | 'environmentProfileId' | 'sandbox' | 'logger' | 'redactor'> & {
  http?: EngineHttpOptions | undefined;
};

/** The profile's Lever and ChartHop clients, or an AppError saying which credential is missing. */
export async function runClients(deps: ClientDeps, profile: ProfileSettings, signal?: AbortSignal): Promise<RunClients> {
  const http = deps.http ?? {};
  const clients = await profileClientsFor(deps, profile.id, {
    ...(http.clock ? { clock: http.clock } : {}),
    ...(http.registry ? { registry: http.registry } : {}),
    ...(http.recorder ? { recorder: http.recorder } : {}),
    ...(http.timeoutMs ? { timeoutMs: http.timeoutMs } : {}),
    ...(signal ? { signal } : {}),
  });
  if (!clients.lever) {
    throw new AppError(
      'sync.no_lever_key',
      `The profile "${profile.name}" has no Lever API key, so nothing can be synced. Paste it under Setup → Connect.`,
    );
  }
  if (!clients.charthop) {
    throw new AppError(
      'sync.no_charthop',
      `The profile "${profile.name}" has no ChartHop token or org, so nothing can be synced. Enter both under Setup → Connect.`,
    );
  }
  return { lever: clients.lever, charthop: clients.charthop };
}

async function both<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [ra, rb] = await Promise.allSettled([a, b]);
  if (ra.status === 'rejected') throw ra.reason;
  if (rb.status === 'rejected') throw rb.reason;
  return [ra.value, rb.value];
}

/** What computing a plan needs. */
export interface ComputePlanInput {
  profile: ProfileSettings;
  direction: SyncDirection;
  clients: RunClients;
  links: readonly LinkRecord[];
  planId: string;
  now: Date;
  /** Outbound only: limit the run to these jobs (Sync On Change). */
  jobIds?: readonly string[] | undefined;
}

/** Reads both sides and plans the direction's rows (in slices, so other calls are answered meanwhile). */
export async function computePlan(input: ComputePlanInput): Promise<EnginePlan> {
  const { profile, direction, clients } = input;
  const inbound = direction === 'inbound';
  const jobIds = !inbound && input.jobIds && input.jobIds.length > 0 ? input.jobIds : null;
  const [charthop, lever] = await both(readChartHop(clients.charthop, { full: inbound, jobIds }), readLever(clients.lever));
  const crosswalk = createCrosswalk(profile.mappings);
  const remoteDefault = profile.options.remoteLocationAsDefault;
  const usersById = new Map(lever.users.map((u) => [u.id, u]));
  let out;
  if (inbound) {
    const peopleByEmail = new Map<string, string | null>();
    for (const p of charthop.people) peopleByEmail.set(p.email, peopleByEmail.has(p.email) ? null : p.id);
    out = await planInboundInSlices({
      jobs: charthop.jobs,
      lever,
      links: input.links,
      map: { crosswalk, usersById, peopleByEmail, groups: indexGroups(charthop.groups), remoteDefault },
    });
  } else {
    // An address held by a deactivated user and an active one (re-invited) means the active one:
    // deactivated users go first, so the active one is the last set under the address.
    const retired = (u: (typeof lever.users)[number]): number => Number(u.deactivated ?? false);
    const usersByEmail = new Map([...lever.users].sort((a, b) => retired(b) - retired(a)).map((u) => [u.email, u]));
    out = await planOutboundInSlices({
      mode: direction === 'reconcile' ? 'reconcile' : 'sync',
      jobs: charthop.jobs,
      jobIds,
      lever,
      links: input.links,
      map: { crosswalk, usersByEmail, remoteDefault, generatedCode: generatedRequisitionCode },
    });
  }
  return {
    id: input.planId,
    profileId: profile.id,
    direction,
    createdAt: input.now.toISOString(),
    rows: out.rows,
    unmapped: out.unmapped,
    linked: out.linked,
    limit: profile.safety.maxCloseShare,
  };
}
