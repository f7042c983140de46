// A sync world for integration tests: both fakes on 127.0.0.1 port 0 sharing a manual clock with
// the engine's clients (so pacing at 10 req/s costs no real time), a real core on a temp data dir
// (conf settings, real SQLite), a client profile pointing at the fakes, and the engine.
import { createLimiterRegistry } from '../../../src/main/core/http/limiter-registry.ts';
import { createManualClock } from '../../../src/main/core/http/clock.ts';
import type { ManualClock } from '../../../src/main/core/http/clock.ts';
import type { StateDb } from '../../../src/main/core/state/state-db.ts';
import { createSyncEngine } from '../../../src/main/core/sync/engine.ts';
import type { SyncEngine } from '../../../src/main/core/sync/engine.ts';
import type { JournalHooks } from '../../../src/main/core/sync/journal.ts';
import type { ProfileSettingsPatch } from '../../../src/shared/settings/schema.ts';
import { createFakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import type { ChartHopSeed, FakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import { createFakeLever } from '../../../src/main/sandbox/lever/index.ts';
import type { FakeLever, LeverSeed } from '../../../src/main/sandbox/lever/index.ts';
import { startTestCore, valueOf } from '../../support/test-core.ts';
import type { TestCore } from '../../support/test-core.ts';
import { CHARTHOP_TOKEN, LEVER_KEY, ORG } from './seeds.ts';

/** Everything a sync test drives. */
export interface SyncWorld {
  lever: FakeLever;
  charthop: FakeChartHop;
  clock: ManualClock;
  test: TestCore;
  engine: SyncEngine;
  profileId: string;
  state(): StateDb;
  /** Calls to the fake Lever other than GET (writes). */
  leverWrites(): { method: string; path: string }[];
  charthopWrites(): { method: string; path: string }[];
  close(): Promise<void>;
}

/** What a world starts with. */
export interface WorldOptions {
  charthop: ChartHopSeed;
  lever: LeverSeed;
  profile?: ProfileSettingsPatch;
  hooks?: JournalHooks;
  planTtlMs?: number;
  /** Turn the fake Lever's rate limit off (for the contract handlers, whose clients run on real time). */
  noLeverRateLimit?: boolean;
}

/** The profile settings that point a client profile at the fakes. */
export function fakeConnection(lever: FakeLever, charthop: FakeChartHop): ProfileSettingsPatch {
  return { lever: { environment: 'custom', baseUrl: lever.url }, charthop: { baseUrl: charthop.url, org: ORG } };
}

/** Starts the fakes, a core and an engine with a profile "Acme" (outbound unless `profile` says otherwise). */
export async function startWorld(options: WorldOptions): Promise<SyncWorld> {
  const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
  const lever = await createFakeLever({
    seed: options.lever,
    clock: () => clock.now(),
    ...(options.noLeverRateLimit ? { rateLimit: false as const } : {}),
  });
  const charthop = await createFakeChartHop({ seed: options.charthop, clock: () => clock.now() });
  const test = startTestCore();
  const { api } = test;
  const created = valueOf(await api.invoke('profiles:create', { name: 'Acme' }));
  valueOf(
    await api.invoke('settings:update', {
      profileId: created.id,
      patch: { ...fakeConnection(lever, charthop), ...(options.profile ?? {}) },
    }),
  );
  valueOf(await api.invoke('secrets:set', { profileId: created.id, name: 'leverApiKey', value: LEVER_KEY }));
  valueOf(await api.invoke('secrets:set', { profileId: created.id, name: 'charthopToken', value: CHARTHOP_TOKEN }));
  const deps = test.core.service.deps;
  const engine = createSyncEngine({
    ...deps,
    http: { clock, registry: createLimiterRegistry(clock) },
    ...(options.hooks ? { hooks: options.hooks } : {}),
    ...(options.planTtlMs ? { planTtlMs: options.planTtlMs } : {}),
  });
  const writes = (log: ReturnType<FakeLever['control']['requestLog']>) =>
    log.filter((e) => e.method !== 'GET').map((e) => ({ method: e.method, path: e.path }));
  return {
    lever,
    charthop,
    clock,
    test,
    engine,
    profileId: created.id,
    state: () => deps.stateDbs.forProfile(created.id),
    leverWrites: () => writes(lever.control.requestLog()),
    charthopWrites: () => writes(charthop.control.requestLog()),
    async close() {
      test.dispose();
      await Promise.all([lever.close(), charthop.close()]);
    },
  };
}

/** A ChartHop API call as a test makes it (PATCH a job, post a hire, delete a job). */
export async function charthopCall(world: SyncWorld, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${world.charthop.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${CHARTHOP_TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`ChartHop ${method} ${path} → ${response.status}: ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

/** Fills an open job: a new person hired into it effective today (the fakes' clock). */
export async function fillJob(world: SyncWorld, job: string, name = 'New Hire'): Promise<void> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${job.slice(-4)}@acme.example`;
  const person = (await charthopCall(world, 'POST', '/v2/org/acme/person', {
    name: { first: name, last: job.slice(-4) },
    contacts: [{ type: 'WORK_EMAIL', value: email }],
  })) as { id: string };
  await charthopCall(world, 'POST', '/v1/org/acme/change/hire', { jobId: job, personId: person.id, date: world.charthop.control.today() });
}

/** A Lever API call as a test makes it (edit or delete a requisition). */
export async function leverCall(world: SyncWorld, method: string, path: string, body?: unknown): Promise<unknown> {
  // The fake's bucket runs on the shared manual clock: after a test's own call, time moves on until
  // the bucket is full again, so the engine's client (which did not see this call) never meets a 429.
  world.clock.advance(2_100);
  const response = await fetch(`${world.lever.url}${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${LEVER_KEY}:`).toString('base64')}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  world.clock.advance(2_100);
  if (!response.ok) throw new Error(`Lever ${method} ${path} → ${response.status}: ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

/** The fake ChartHop's jobs (default JSON, as of today) by id. */
export function charthopJobs(world: SyncWorld): Map<string, Record<string, unknown>> {
  return new Map(world.charthop.control.jobs(ORG).map((j) => [String(j['id']), j]));
}

/** Journal hooks that stop the first write right after it is journaled as sent, as a crash there would. */
export function crashOnceAfterSent(): JournalHooks {
  let crashed = false;
  return {
    at: (point) => {
      if (point === 'after_sent' && !crashed) {
        crashed = true;
        throw new Error('the process died here');
      }
    },
  };
}
