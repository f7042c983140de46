// Shared set-up of the new-hire integration tests: the sandbox servers with demo data, a real
// core (conf settings file, SQLite in a temp dir, secrets in memory) with a client profile
// pointing at the sandbox, its webhook listener served, and a candidateHired webhook registered
// in the fake Lever through Lever's webhooks API.
import { expect } from 'vitest';
import type { BridgeApi } from '../../../src/shared/api/channels.ts';
import type { HireView } from '../../../src/shared/api/hires-views.ts';
import type { Core } from '../../../src/main/core/bootstrap.ts';
import { startCore } from '../../../src/main/core/bootstrap.ts';
import { createInProcessClient } from '../../../src/main/core/api/in-process-client.ts';
import type { HiresRuntimeOptions } from '../../../src/main/core/hires/runtime.ts';
import type { LogRecord } from '../../../src/main/core/logging/logger.ts';
import { createMemorySecretStore } from '../../../src/main/core/secrets/secret-store.ts';
import { createConfBacking } from '../../../src/main/core/settings/conf-backing.ts';
import type { LeverOpportunity } from '../../../src/main/sandbox/lever/index.ts';
import { startSandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import type { Sandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { valueOf } from '../../support/test-core.ts';

/** The demo world's "now" (2026-11-02 09:00 UTC). */
export const NOW = Date.UTC(2026, 10, 2, 9, 0, 0);
export const PROFILE = 'acme';

/** A settable clock shared by the core and both fake servers. */
export interface TestClock {
  now(): number;
  set(ms: number): void;
}

/** A running core on a data dir. */
export interface CoreHandle {
  core: Core;
  api: BridgeApi;
  logs: LogRecord[];
  close(): Promise<void>;
}

/** Everything a new-hire test drives. */
export interface HiresWorld {
  sandbox: Sandbox;
  clock: TestClock;
  dataDir: string;
  main: CoreHandle;
  /** The listener's full local webhook URL. */
  webhookUrl: string;
  signatureToken: string;
  /** Starts another core on the same data dir (a restart). */
  startCore(options?: HiresRuntimeOptions): Promise<CoreHandle>;
  close(): Promise<void>;
}

/** A clock that starts at `start` and moves with real time (the fake servers' rate limiters refill on it). */
export function createClock(start = NOW): TestClock {
  let offset = start - Date.now();
  return {
    now: () => Date.now() + offset,
    set: (ms) => {
      offset = ms - Date.now();
    },
  };
}

/** Starts a core on `dataDir` whose secrets are those of the sandbox's full key and owner token. */
export async function startTestCoreOn(
  dataDir: string,
  sandbox: Sandbox,
  clock: TestClock,
  options: HiresRuntimeOptions = {},
  signatureToken?: string,
): Promise<CoreHandle> {
  const logs: LogRecord[] = [];
  const store = createMemorySecretStore();
  await store.set(PROFILE, 'leverApiKey', sandbox.credentials.leverKeys.full);
  await store.set(PROFILE, 'charthopToken', sandbox.credentials.charthopToken);
  if (signatureToken) await store.set(PROFILE, 'leverWebhookSignatureToken', signatureToken);
  const core = startCore({
    dataDir,
    host: 'test',
    version: '0.0.0-test',
    settingsBacking: createConfBacking(dataDir),
    secretStore: store,
    env: {},
    logSink: (r) => logs.push(r),
    logLevel: 'debug',
    clock: { now: () => new Date(clock.now()) },
    hires: options,
  });
  const api = createInProcessClient(core.service.dispatch, core.events);
  return {
    core,
    api,
    logs,
    async close() {
      await core.hires.stop();
      core.close();
    },
  };
}

/** Creates the client profile "Acme" pointing at the sandbox, with its keys entered after the hosts (a host change clears them). */
export async function createAcmeProfile(api: BridgeApi, sandbox: Sandbox): Promise<void> {
  const created = valueOf(await api.invoke('profiles:create', { name: 'Acme' }));
  if (created.id !== PROFILE) throw new Error(`unexpected profile id ${created.id}`);
  valueOf(
    await api.invoke('settings:update', {
      profileId: PROFILE,
      patch: {
        lever: { environment: 'custom', baseUrl: sandbox.lever.url },
        charthop: { baseUrl: sandbox.charthop.url, org: sandbox.charthop.org },
      },
    }),
  );
  valueOf(await api.invoke('secrets:set', { profileId: PROFILE, name: 'leverApiKey', value: sandbox.credentials.leverKeys.full }));
  valueOf(await api.invoke('secrets:set', { profileId: PROFILE, name: 'charthopToken', value: sandbox.credentials.charthopToken }));
}

/** Registers a candidateHired webhook in the fake Lever through its API; returns the signature token. */
export async function registerWebhook(sandbox: Sandbox, url: string): Promise<string> {
  const response = await fetch(`${sandbox.lever.url}/webhooks`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${sandbox.credentials.leverKeys.full}:`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ event: 'candidateHired', url }),
  });
  const body = (await response.json()) as { data: { configuration: { signatureToken: string } } };
  if (response.status !== 201) throw new Error(`webhook registration failed: ${response.status}`);
  return body.data.configuration.signatureToken;
}

/** The sandbox, a core serving the "Acme" profile's webhook, and the webhook registered in Lever. */
export async function startHiresWorld(
  options: { hires?: HiresRuntimeOptions; jobs?: number; opportunities?: number } = {},
): Promise<HiresWorld> {
  const clock = createClock();
  const temp = makeTempDir('reqbridge-hires-');
  const sandbox = await startSandbox({ clock: () => clock.now(), jobs: options.jobs ?? 24, opportunities: options.opportunities ?? 60 });
  const main = await startTestCoreOn(temp.path, sandbox, clock, options.hires);
  await createAcmeProfile(main.api, sandbox);
  const status = await main.core.hires.serve(PROFILE);
  const webhookUrl = status.localUrl;
  if (!webhookUrl) throw new Error('the listener did not start');
  const signatureToken = await registerWebhook(sandbox, webhookUrl);
  valueOf(await main.api.invoke('secrets:set', { profileId: PROFILE, name: 'leverWebhookSignatureToken', value: signatureToken }));
  const extra: CoreHandle[] = [];
  return {
    sandbox,
    clock,
    dataDir: temp.path,
    main,
    webhookUrl,
    signatureToken,
    async startCore(more = {}) {
      const handle = await startTestCoreOn(temp.path, sandbox, clock, more, signatureToken);
      extra.push(handle);
      return handle;
    },
    async close() {
      for (const h of extra) await h.close().catch(() => undefined);
      await main.close().catch(() => undefined);
      await sandbox.close();
      temp.cleanup();
    },
  };
}

/** Edits one opportunity of the fake Lever in place (through a state round trip). */
export function editOpportunity(sandbox: Sandbox, id: string, edit: (o: LeverOpportunity) => void): LeverOpportunity {
  const state = sandbox.control.lever.state();
  const opportunity = state.opportunities.find((o) => o.id === id);
  if (!opportunity) throw new Error(`no opportunity ${id}`);
  edit(opportunity);
  sandbox.control.lever.seed(state);
  return opportunity;
}

/** Adds a not-yet-hired candidate on `postingId` (copied from `like`), returning its id. */
export function addCandidate(sandbox: Sandbox, like: string, patch: Partial<LeverOpportunity> & { id: string }): string {
  const state = sandbox.control.lever.state();
  const source = state.opportunities.find((o) => o.id === like);
  if (!source) throw new Error(`no opportunity ${like}`);
  const copy: LeverOpportunity = structuredClone(source);
  Object.assign(copy, { contact: `${patch.id}-contact`, archived: null, offers: [], stage: 'applicant-new' }, patch);
  if (copy.application) copy.application = { ...copy.application, id: `${patch.id}-app`, requisitionForHire: null };
  state.opportunities.push(copy);
  sandbox.control.lever.seed(state);
  return copy.id;
}

/** ChartHop's persons and active HIRE changes, for "nothing written" and "exactly once" checks. */
export function charthopCounts(sandbox: Sandbox): { persons: number; hires: number; events: number } {
  const state = sandbox.control.charthop.state();
  return {
    persons: state.persons.length,
    hires: state.changes.filter((c) => c.type === 'HIRE' && c.status === 'ACTIVE').length,
    events: state.events.length,
  };
}

/** The newest view of an opportunity's rows. */
export async function hiresOf(api: BridgeApi, opportunityId: string): Promise<HireView[]> {
  return valueOf(await api.invoke('hires:list', { profileId: PROFILE, limit: 1000 })).filter((h) => h.opportunityId === opportunityId);
}

/** The offer the fake Lever's hireOpportunity takes. */
export type HireOffer = NonNullable<Parameters<Sandbox['control']['lever']['hireOpportunity']>[1]>;

/** The offer most hires in these tests are made with: starting 2026-12-01, 123,000 USD and 2,500 in equity. */
export const HIRE_OFFER = { startDate: Date.UTC(2026, 11, 1), salary: 123_000, currency: 'USD', equity: 2500 } satisfies HireOffer;

/** Lets the hire worker finish what is queued, then returns the newest decision on `opportunityId` (throws when there is none). */
export async function newestDecision(world: HiresWorld, opportunityId: string): Promise<HireView> {
  await world.main.core.hires.drain(PROFILE);
  const [view] = await hiresOf(world.main.api, opportunityId);
  if (!view) throw new Error(`no decision for ${opportunityId}`);
  return view;
}

/** Marks `opportunityId` hired in the fake Lever with `offer` (none when null; its webhook fires) and returns the newest decision. */
export async function hireAndDecide(world: HiresWorld, opportunityId: string, offer: HireOffer | null): Promise<HireView> {
  await world.sandbox.control.lever.hireOpportunity(opportunityId, offer ?? undefined);
  return newestDecision(world, opportunityId);
}

/** Creates a person through ChartHop's API, as someone working in ChartHop would; returns the new person's id. */
export async function postPerson(sandbox: Sandbox, body: unknown): Promise<string> {
  const response = await fetch(`${sandbox.charthop.url}/v2/org/${sandbox.charthop.org}/person`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.credentials.charthopToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Removes a hire in ChartHop: cancels the active HIRE change of `personId` through ChartHop's API. */
export async function cancelHire(sandbox: Sandbox, personId: string | null): Promise<void> {
  const change = sandbox.control.charthop
    .state()
    .changes.find((c) => c.type === 'HIRE' && c.personId === personId && c.status === 'ACTIVE')!;
  const cancel = await fetch(`${sandbox.charthop.url}/v1/org/${sandbox.charthop.org}/change/${change.id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${sandbox.credentials.charthopToken}` },
  });
  expect(cancel.status).toBeLessThan(300);
}
