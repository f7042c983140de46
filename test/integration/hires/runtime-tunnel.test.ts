// A profile's tunnel as the hires runtime runs it, over an ngrok stand-in loaded in place of the
// package (no network): a newly saved ngrok authtoken reconnects the tunnel at once, a failed
// attempt is retried on the runtime's timers and the tunnel coming up is announced, a listener that
// cannot open is logged when a secret change asks for a restart, and the listener limits given to
// the runtime are the ones the profile's listener enforces.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebhookStatus } from '../../../src/shared/api/hires-views.ts';
import { valueOf } from '../../support/test-core.ts';
import { postJson, signed, until } from './http-support.ts';
import { ngrokStandIn, recordedTimers } from './ngrok-stand-in.ts';
import type { HiresWorld } from './support.ts';
import { NOW, PROFILE, startHiresWorld } from './support.ts';

const AUTHTOKEN = 'ngrok-authtoken-for-tests-1234';

let world: HiresWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const statusOf = async (w: HiresWorld): Promise<WebhookStatus> =>
  valueOf(await w.main.api.invoke('webhook:status', { profileId: PROFILE }));
const portOf = (url: string | null): number => Number(new URL(url ?? 'http://x:1').port);

describe('an ngrok tunnel run by the hires runtime', () => {
  it('waits for the authtoken, and reconnects with it as soon as it is saved', async () => {
    const ngrok = ngrokStandIn();
    const { timers } = recordedTimers();
    world = await startHiresWorld({ hires: { tunnelLoaders: { ngrok: ngrok.load }, tunnelTimers: timers } });
    const w = world;
    await w.main.core.hires.start();
    valueOf(await w.main.api.invoke('settings:update', { profileId: PROFILE, patch: { webhook: { tunnel: 'ngrok' } } }));
    const down = await until(
      () => statusOf(w),
      (s) => s.tunnel.state === 'down',
    );
    expect(down.tunnel).toEqual({
      provider: 'ngrok',
      state: 'down',
      error:
        'The ngrok tunnel needs your ngrok authtoken. Copy it from the ngrok dashboard (Your Authtoken) and paste it in Setup → New-hire data flow.',
    });
    expect(ngrok.forwards).toEqual([]);

    valueOf(await w.main.api.invoke('secrets:set', { profileId: PROFILE, name: 'ngrokAuthtoken', value: AUTHTOKEN }));
    const up = await until(
      () => statusOf(w),
      (s) => s.tunnel.state === 'up',
    );
    expect(up.tunnel).toEqual({ provider: 'ngrok', state: 'up', error: null });
    expect(up.publicUrl).toBe(`https://fake-1.ngrok.test/webhooks/lever/${up.secret}`);
    expect(ngrok.forwards).toEqual([{ addr: `127.0.0.1:${portOf(up.localUrl)}`, authtoken: AUTHTOKEN }]);
  });

  it('retries a failed attempt on the runtime timers and announces the tunnel once it is up', async () => {
    const ngrok = ngrokStandIn({ failures: 1, error: 'failed to dial tunnel.ngrok.com: tcp connection refused' });
    const { scheduled, timers } = recordedTimers();
    world = await startHiresWorld({ hires: { tunnelLoaders: { ngrok: ngrok.load }, tunnelTimers: timers } });
    const w = world;
    valueOf(await w.main.api.invoke('secrets:set', { profileId: PROFILE, name: 'ngrokAuthtoken', value: AUTHTOKEN }));
    valueOf(await w.main.api.invoke('settings:update', { profileId: PROFILE, patch: { webhook: { tunnel: 'ngrok' } } }));
    const served = await w.main.core.hires.serve(PROFILE);
    expect(served.tunnel).toEqual({
      provider: 'ngrok',
      state: 'down',
      error:
        "ngrok's service could not be reached from this computer (no internet, or a firewall blocks it). ReqBridge keeps retrying; or choose another tunnel.",
    });
    expect(scheduled.map((t) => t.ms)).toEqual([1_000]);

    const announced: WebhookStatus[] = [];
    w.main.core.events.on('webhook:changed', (s) => announced.push(s));
    scheduled[0]!.fire();
    const last = await until(
      () => announced.at(-1),
      (s) => s?.tunnel.state === 'up',
    );
    expect(last).toMatchObject({
      publicUrl: `https://fake-2.ngrok.test/webhooks/lever/${served.secret}`,
      tunnel: { provider: 'ngrok', state: 'up', error: null },
    });
    expect(ngrok.forwards).toHaveLength(2);
  });
});

describe('a secret change while the listener cannot open', () => {
  it('logs that the tunnel could not restart, with the reason', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const busy = (blocker.address() as { port: number }).port;
      world = await startHiresWorld();
      const w = world;
      await w.main.core.hires.start();
      valueOf(
        await w.main.api.invoke('settings:update', {
          profileId: PROFILE,
          patch: { webhook: { tunnel: 'public-url', publicUrl: 'https://hooks.example.com/', listenPort: busy } },
        }),
      );
      await until(
        () => statusOf(w),
        (s) => s.tunnel.state === 'down',
      );
      valueOf(await w.main.api.invoke('secrets:set', { profileId: PROFILE, name: 'ngrokAuthtoken', value: AUTHTOKEN }));
      const warnings = await until(
        () => w.main.logs.filter((l) => l.level === 'warn').map((l) => l.message),
        (m) => m.length >= 2,
      );
      const reason = `AppError: The webhook listener cannot use port ${busy} on 127.0.0.1 (another program uses it). Choose another port, or 0 for any free port, in Setup → New-hire data flow.`;
      expect(warnings).toEqual([
        `The webhook endpoint of profile ${PROFILE} could not be updated ${reason}`,
        `The tunnel of profile ${PROFILE} could not restart ${reason}`,
      ]);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});

describe('the listener limits given to the runtime', () => {
  it('refuse a delivery larger than the body limit before anything is recorded', async () => {
    world = await startHiresWorld({ hires: { listener: { bodyLimit: 256 } } });
    const url = new URL(world.webhookUrl);
    const id = world.sandbox.facts.hires.toProcess[0]!;
    const body = signed(world.signatureToken, {
      triggeredAt: NOW,
      data: { opportunityId: id, candidateId: id, contactId: 'c', note: 'x'.repeat(400) },
    });
    expect((await postJson(Number(url.port), url.pathname, body)).status).toBe(413);
    expect(valueOf(await world.main.api.invoke('hires:list', { profileId: PROFILE, limit: 10 }))).toEqual([]);
  });
});
