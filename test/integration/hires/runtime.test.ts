// The hires runtime as hosts and the UI use it: the webhook secret (generated once, kept across
// restarts, rotatable), webhook:status with the public URL once a tunnel is up, the verification
// ping shown as "connection verified", endpoints following settings changes, the Sandbox profile's
// self-registered webhook, and the inbox's processing claims across processes.
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebhookStatus } from '../../../src/shared/api/hires-views.ts';
import { createInbox } from '../../../src/main/core/hires/inbox.ts';
import { createLedger } from '../../../src/main/core/hires/ledger.ts';
import { startCore } from '../../../src/main/core/bootstrap.ts';
import { createInProcessClient } from '../../../src/main/core/api/in-process-client.ts';
import { createMemorySecretStore } from '../../../src/main/core/secrets/secret-store.ts';
import { createConfBacking } from '../../../src/main/core/settings/conf-backing.ts';
import { openStateDb } from '../../../src/main/core/state/state-db.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { valueOf } from '../../support/test-core.ts';
import { postJson, send, signed } from './http-support.ts';
import type { HiresWorld } from './support.ts';
import { PROFILE, startHiresWorld } from './support.ts';

describe('webhook status, secret and settings', () => {
  let world: HiresWorld;
  beforeEach(async () => {
    world = await startHiresWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('keeps one secret across restarts, rotates it (old URL 404, new URL works) and announces the change', async () => {
    const { api, core } = world.main;
    const first = valueOf(await api.invoke('webhook:status', { profileId: PROFILE }));
    expect(first.secret).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(first).toMatchObject({
      profileId: PROFILE,
      localUrl: world.webhookUrl,
      publicUrl: null,
      signatureTokenSet: true,
      tunnel: { provider: 'none', state: 'off', error: null },
    });
    expect(valueOf(await api.invoke('webhook:status', { profileId: PROFILE })).secret).toBe(first.secret);

    const changes: WebhookStatus[] = [];
    const off = core.events.on('webhook:changed', (s) => changes.push(s));
    const rotated = valueOf(await api.invoke('webhook:rotate-secret', { profileId: PROFILE }));
    off();
    expect(rotated.secret).not.toBe(first.secret);
    expect(changes.at(-1)?.secret).toBe(rotated.secret);
    const port = Number(new URL(world.webhookUrl).port);
    const body = signed(world.signatureToken, { triggeredAt: world.clock.now() });
    expect((await postJson(port, new URL(world.webhookUrl).pathname, body)).status).toBe(404);
    expect((await postJson(port, new URL(rotated.localUrl!).pathname, body)).status).toBe(202);

    await world.main.close();
    const again = await world.startCore();
    expect(valueOf(await again.api.invoke('webhook:status', { profileId: PROFILE }))).toMatchObject({
      secret: rotated.secret,
      localUrl: null,
    });
  });

  it('shows the public URL once the tunnel is up, follows a settings change, and never returns the token', async () => {
    const { api } = world.main;
    await world.main.core.hires.start();
    const changed = new Promise<WebhookStatus>((resolve) => {
      const off = world.main.core.events.on('webhook:changed', (s) => {
        if (s.tunnel.state === 'up') {
          off();
          resolve(s);
        }
      });
    });
    valueOf(
      await api.invoke('settings:update', {
        profileId: PROFILE,
        patch: { webhook: { tunnel: 'public-url', publicUrl: 'https://hooks.example.com/' } },
      }),
    );
    const up = await changed;
    expect(up.publicUrl).toBe(`https://hooks.example.com/webhooks/lever/${up.secret}`);
    expect(up.localUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhooks\/lever\//);
    const status = valueOf(await api.invoke('webhook:status', { profileId: PROFILE }));
    expect(status).toMatchObject({ publicUrl: up.publicUrl, tunnel: { provider: 'public-url', state: 'up' } });
    expect(JSON.stringify(status)).not.toContain(world.signatureToken);
  });

  it('a verification ping is recorded as "connection verified" and marks the signature token verified', async () => {
    const { api } = world.main;
    const url = new URL(world.webhookUrl);
    expect(
      (await postJson(Number(url.port), url.pathname, signed(world.signatureToken, { triggeredAt: world.clock.now(), data: null }))).status,
    ).toBe(200);
    await new Promise((r) => setImmediate(r));
    const status = valueOf(await api.invoke('webhook:status', { profileId: PROFILE }));
    expect(status.lastVerificationAt).not.toBeNull();
    expect(status.lastDeliveryAt).toBeNull();
    const secrets = valueOf(await api.invoke('secrets:status', { profileId: PROFILE }));
    expect(secrets.find((s) => s.name === 'leverWebhookSignatureToken')?.verifiedAt).not.toBeNull();
    expect(valueOf(await api.invoke('hires:list', { profileId: PROFILE, limit: 10 }))).toEqual([]);
  });

  it('keeps the signature token and the webhook secret out of every log line, whatever was sent', async () => {
    const { api, logs } = world.main;
    const status = valueOf(await api.invoke('webhook:status', { profileId: PROFILE }));
    const url = new URL(world.webhookUrl);
    const port = Number(url.port);
    const id = world.sandbox.facts.hires.toProcess[0]!;
    await postJson(port, url.pathname, signed('wrong-token', { triggeredAt: world.clock.now() }));
    await postJson(port, url.pathname, { token: world.signatureToken, triggeredAt: 'x' });
    await postJson(port, `${url.pathname}x`, signed(world.signatureToken, { triggeredAt: world.clock.now() }));
    await postJson(
      port,
      url.pathname,
      signed(world.signatureToken, { triggeredAt: world.clock.now() - 100 * 3_600_000, data: { opportunityId: id } }),
    );
    await postJson(port, url.pathname, signed(world.signatureToken, { triggeredAt: world.clock.now(), data: { opportunityId: id } }));
    await world.main.core.hires.drain(PROFILE);
    expect(logs.length).toBeGreaterThan(3);
    const text = logs.map((l) => l.message).join('\n');
    expect(text).not.toContain(world.signatureToken);
    expect(text).not.toContain(status.secret);
  });

  it('a listen port in use is reported with what to do, and the endpoint recovers once the setting changes', async () => {
    const { api, core } = world.main;
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const busy = (blocker.address() as { port: number }).port;
      await core.hires.stop();
      valueOf(await api.invoke('settings:update', { profileId: PROFILE, patch: { webhook: { listenPort: busy } } }));
      await expect(core.hires.serve(PROFILE)).rejects.toMatchObject({ code: 'webhook.port_unavailable' });
      const down = valueOf(await api.invoke('webhook:status', { profileId: PROFILE }));
      expect(down).toMatchObject({ localUrl: null, tunnel: { state: 'down' } });
      expect(down.tunnel.error).toContain(`cannot use port ${busy}`);
      valueOf(await api.invoke('settings:update', { profileId: PROFILE, patch: { webhook: { listenPort: 0 } } }));
      expect((await core.hires.serve(PROFILE)).localUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('answers unknown profiles and hires with clear errors', async () => {
    const { api } = world.main;
    expect(await api.invoke('webhook:status', { profileId: 'nobody' })).toMatchObject({ ok: false });
    expect(await api.invoke('hires:replay', { profileId: PROFILE, hireId: '12' })).toMatchObject({
      ok: false,
      error: { code: 'hires.not_found' },
    });
  });
});

describe('the Sandbox profile', () => {
  it('registers its own webhook in the embedded fake Lever, so marking a candidate hired shows a decision', async () => {
    const { startSandbox } = await import('../../../src/main/sandbox/start-sandbox.ts');
    const sandbox = await startSandbox({ jobs: 24, opportunities: 60 });
    const temp = makeTempDir('reqbridge-sandbox-hires-');
    const core = startCore({
      dataDir: temp.path,
      host: 'test',
      version: '0',
      settingsBacking: createConfBacking(temp.path),
      secretStore: createMemorySecretStore(),
      env: {},
      logSink: () => undefined,
      sandbox: {
        endpoints: { leverBaseUrl: sandbox.lever.url, charthopBaseUrl: sandbox.charthop.url, charthopOrg: sandbox.charthop.org },
        secrets: {
          leverApiKey: sandbox.credentials.leverKeys.full,
          charthopToken: sandbox.credentials.charthopToken,
          leverWebhookSignatureToken: sandbox.credentials.webhookSignatureToken,
        },
      },
    });
    try {
      const api = createInProcessClient(core.service.dispatch, core.events);
      const received: string[] = [];
      core.events.on('hire:received', (v) => received.push(v.decision));
      await core.hires.start();
      let status = valueOf(await api.invoke('webhook:status', { profileId: 'sandbox' }));
      for (let i = 0; i < 50 && !status.localUrl; i += 1) {
        await new Promise((r) => setTimeout(r, 20));
        status = valueOf(await api.invoke('webhook:status', { profileId: 'sandbox' }));
      }
      expect(status.localUrl).toMatch(/^http:\/\/127\.0\.0\.1/);
      const hooks = () =>
        sandbox.control.lever
          .state()
          .webhooks.filter((w) => w.event === 'candidateHired')
          .map((w) => w.url);
      for (let i = 0; i < 100 && hooks().length === 0; i += 1) await new Promise((r) => setTimeout(r, 10));
      expect(hooks()).toEqual([status.localUrl]);
      const id = sandbox.facts.hires.toProcess[0]!;
      await sandbox.control.lever.hireOpportunity(id, { startDate: Date.UTC(2027, 0, 11) });
      expect(sandbox.control.lever.webhookDeliveries().at(-1)?.status).toBe(202);
      await core.hires.drain('sandbox');
      expect(valueOf(await api.invoke('hires:list', { profileId: 'sandbox', limit: 5 }))[0]).toMatchObject({
        opportunityId: id,
        decision: 'created',
      });
      expect(received).toEqual(['pending', 'created']);
      expect((await send(Number(new URL(status.localUrl!).port), { method: 'GET', path: '/' })).status).toBe(404);
    } finally {
      await core.hires.stop();
      core.close();
      await sandbox.close();
      temp.cleanup();
    }
  });
});

describe('processing claims in the inbox', () => {
  it('a live owner keeps its claim; a dead owner or an expired lease hands the row over; decided rows are never claimed', () => {
    const temp = makeTempDir('reqbridge-claims-');
    const state = openStateDb(`${temp.path}/s.sqlite`);
    try {
      const inbox = createInbox(state);
      const { id } = inbox.insert({
        dedupeKey: 'k1',
        source: 'webhook',
        kind: 'hire',
        status: 'queued',
        receivedAt: 'now',
        opportunityId: 'o',
        triggeredAt: 1,
        body: {},
      });
      const t0 = new Date(Date.UTC(2026, 0, 1));
      const alive = () => true;
      expect(inbox.claim(id, 'host:1:a', t0, 60_000, alive)).toBe(true);
      expect(inbox.claim(id, 'host:2:b', new Date(t0.getTime() + 1000), 60_000, alive)).toBe(false);
      expect(inbox.claim(id, 'host:2:b', new Date(t0.getTime() + 1000), 60_000, () => false)).toBe(true);
      expect(inbox.claim(id, 'host:3:c', new Date(t0.getTime() + 61_001), 60_000, alive)).toBe(true);
      expect(inbox.get(id)).toMatchObject({ status: 'processing', claimedBy: 'host:3:c', attempts: 3 });
      inbox.decide(id, { decision: 'created', reason: 'r', jobId: 'j', personId: 'p', detail: {}, status: 'done' }, t0);
      expect(inbox.claim(id, 'host:4:d', t0, 60_000, () => false)).toBe(false);
      expect(inbox.pending()).toEqual([]);

      // Two rows of one opportunity (a webhook and a catch-up find): while a live owner processes one, the other waits.
      const a = inbox.insert({
        dedupeKey: 'k2',
        source: 'webhook',
        kind: 'hire',
        status: 'queued',
        receivedAt: 'now',
        opportunityId: 'o2',
        triggeredAt: 2,
        body: {},
      });
      const b = inbox.insert({
        dedupeKey: 'k3',
        source: 'catch-up',
        kind: 'hire',
        status: 'queued',
        receivedAt: 'now',
        opportunityId: 'o2',
        triggeredAt: null,
        body: {},
      });
      expect(inbox.claim(a.id, 'host:5:e', t0, 60_000, alive)).toBe(true);
      expect(inbox.claim(b.id, 'host:6:f', t0, 60_000, alive)).toBe(false);
      expect(inbox.claim(b.id, 'host:5:e', t0, 60_000, alive)).toBe(true);
      expect(
        inbox.claim(
          inbox.insert({
            dedupeKey: 'k4',
            source: 'replay',
            kind: 'hire',
            status: 'queued',
            receivedAt: 'now',
            opportunityId: 'o2',
            triggeredAt: null,
            body: {},
          }).id,
          'host:7:g',
          t0,
          60_000,
          () => false,
        ),
      ).toBe(true);
      const ledger = createLedger(state);
      expect(ledger.webhookSecret()).toBe(ledger.webhookSecret());
    } finally {
      state.close();
      temp.cleanup();
    }
  });
});
