// The Sandbox profile's own webhook in the embedded fake Lever: registered once at start, moved to
// the new URL when the secret rotates (so hires keep arriving), verified with the token Lever gave
// on registration, left alone when the host turns registration off, and a failed registration is
// logged with where hires come from instead. Only its own earlier hire webhooks (loopback listener
// URLs) are cleared: the client's other webhooks in Lever stay. A client profile never gets a webhook registered in
// its Lever behind the consultant's back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/bootstrap.ts';
import { startCore } from '../../../src/main/core/bootstrap.ts';
import { createInProcessClient } from '../../../src/main/core/api/in-process-client.ts';
import type { HiresRuntimeOptions } from '../../../src/main/core/hires/runtime.ts';
import type { LogRecord } from '../../../src/main/core/logging/logger.ts';
import { createMemorySecretStore } from '../../../src/main/core/secrets/secret-store.ts';
import { createConfBacking } from '../../../src/main/core/settings/conf-backing.ts';
import { startSandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import type { Sandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import type { BridgeApi } from '../../../src/shared/api/channels.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { valueOf } from '../../support/test-core.ts';
import type { HiresWorld } from './support.ts';
import { PROFILE, createAcmeProfile, startHiresWorld } from './support.ts';

const hooksOf = (sandbox: Sandbox): string[] =>
  sandbox.control.lever
    .state()
    .webhooks.filter((w) => w.event === 'candidateHired')
    .map((w) => w.url);

/** Every webhook of the fake Lever as `event url`, in registration order. */
const allHooksOf = (sandbox: Sandbox): string[] => sandbox.control.lever.state().webhooks.map((w) => `${w.event} ${w.url}`);

/** Registers a webhook in the fake Lever through its API, as another tool or an earlier run would. */
async function addWebhook(sandbox: Sandbox, event: string, url: string): Promise<void> {
  const response = await fetch(`${sandbox.lever.url}/webhooks`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${sandbox.credentials.leverKeys.full}:`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ event, url }),
  });
  if (response.status !== 201) throw new Error(`webhook registration failed: ${response.status}`);
}

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
}

describe('the Sandbox profile webhook', () => {
  let sandbox: Sandbox;
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core | undefined;
  let api: BridgeApi;
  let logs: LogRecord[];

  beforeEach(async () => {
    sandbox = await startSandbox({ jobs: 24, opportunities: 60 });
    temp = makeTempDir('reqbridge-sandbox-webhook-');
    logs = [];
  });
  afterEach(async () => {
    await core?.hires.stop();
    core?.close();
    core = undefined;
    await sandbox.close();
    temp.cleanup();
  });

  /** A core whose Sandbox profile uses the fake servers; the signature token comes only from the registration. */
  async function startSandboxProfile(hires: HiresRuntimeOptions = {}, leverApiKey = sandbox.credentials.leverKeys.full) {
    core = startCore({
      dataDir: temp.path,
      host: 'test',
      version: '0',
      settingsBacking: createConfBacking(temp.path),
      secretStore: createMemorySecretStore(),
      env: {},
      logSink: (r) => logs.push(r),
      hires,
      sandbox: {
        endpoints: { leverBaseUrl: sandbox.lever.url, charthopBaseUrl: sandbox.charthop.url, charthopOrg: sandbox.charthop.org },
        secrets: { leverApiKey, charthopToken: sandbox.credentials.charthopToken },
      },
    });
    api = createInProcessClient(core.service.dispatch, core.events);
    await core.hires.start();
    let current = valueOf(await api.invoke('webhook:status', { profileId: 'sandbox' }));
    for (let i = 0; i < 500 && !current.localUrl; i += 1) {
      await new Promise((r) => setTimeout(r, 10));
      current = valueOf(await api.invoke('webhook:status', { profileId: 'sandbox' }));
    }
    return current;
  }

  it('moves the webhook to the new URL when the secret rotates, and hires signed with its token are created', async () => {
    const first = await startSandboxProfile();
    await waitFor(() => hooksOf(sandbox).length > 0);
    expect(hooksOf(sandbox)).toEqual([first.localUrl]);
    // The token Lever answered the registration with is kept a moment after Lever lists the webhook.
    let tokenSet = false;
    for (let i = 0; i < 500 && !tokenSet; i += 1) {
      tokenSet = valueOf(await api.invoke('webhook:status', { profileId: 'sandbox' })).signatureTokenSet;
      if (!tokenSet) await new Promise((r) => setTimeout(r, 10));
    }
    expect(tokenSet).toBe(true);

    const rotated = valueOf(await api.invoke('webhook:rotate-secret', { profileId: 'sandbox' }));
    expect(rotated.localUrl).not.toBe(first.localUrl);
    expect(hooksOf(sandbox)).toEqual([rotated.localUrl]);

    const id = sandbox.facts.hires.toProcess[0]!;
    await sandbox.control.lever.hireOpportunity(id, { startDate: Date.UTC(2027, 0, 11) });
    expect(sandbox.control.lever.webhookDeliveries().map((d) => [d.url, d.status])).toEqual([[rotated.localUrl, 202]]);
    await core!.hires.drain('sandbox');
    expect(valueOf(await api.invoke('hires:list', { profileId: 'sandbox', limit: 5 }))[0]).toMatchObject({
      opportunityId: id,
      decision: 'created',
    });
  });

  it('replaces its earlier loopback hire webhook, and leaves a hire webhook to another address and other events alone', async () => {
    const earlier = 'http://127.0.0.1:4999/webhooks/lever/old-secret';
    await addWebhook(sandbox, 'candidateHired', 'https://hooks.example.com/lever');
    await addWebhook(sandbox, 'candidateStageChange', earlier);
    await addWebhook(sandbox, 'candidateHired', earlier);
    const own = await startSandboxProfile();
    await waitFor(() => hooksOf(sandbox).includes(own.localUrl!));
    expect(allHooksOf(sandbox)).toEqual([
      'candidateHired https://hooks.example.com/lever',
      `candidateStageChange ${earlier}`,
      `candidateHired ${own.localUrl}`,
    ]);
  });

  it('registers nothing when the host turns registration off, at start or on rotation', async () => {
    const first = await startSandboxProfile({ registerSandboxWebhook: false });
    expect(first.localUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhooks\/lever\//);
    expect(first.signatureTokenSet).toBe(false);
    valueOf(await api.invoke('webhook:rotate-secret', { profileId: 'sandbox' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(hooksOf(sandbox)).toEqual([]);
  });

  it('registers only its own webhook, never one for a client profile served beside it', async () => {
    const own = await startSandboxProfile();
    await createAcmeProfile(api, sandbox);
    const client = await core!.hires.serve(PROFILE);
    expect(client.localUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhooks\/lever\//);
    valueOf(await api.invoke('webhook:rotate-secret', { profileId: PROFILE }));
    await waitFor(() => hooksOf(sandbox).length > 0);
    expect(hooksOf(sandbox)).toEqual([own.localUrl]);
  });

  it('logs that hires arrive through Catch up only when Lever refuses the registration', async () => {
    await startSandboxProfile({}, 'not-a-lever-key');
    await waitFor(() => logs.some((l) => l.level === 'warn'));
    expect(logs.filter((l) => l.level === 'warn').map((l) => l.message.split(' AppError')[0])).toEqual([
      'The Sandbox webhook could not be registered in the embedded fake Lever; hires reach the Sandbox through Catch up only',
    ]);
    expect(hooksOf(sandbox)).toEqual([]);
  });
});

describe('a client profile webhook', () => {
  let world: HiresWorld;
  beforeEach(async () => {
    world = await startHiresWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('is never registered in the client Lever by ReqBridge, at serve or on rotation', async () => {
    expect(hooksOf(world.sandbox)).toEqual([world.webhookUrl]);
    valueOf(await world.main.api.invoke('webhook:rotate-secret', { profileId: PROFILE }));
    expect(hooksOf(world.sandbox)).toEqual([world.webhookUrl]);
  });
});
