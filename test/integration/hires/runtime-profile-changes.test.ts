// What the hires runtime does when a profile changes under it: two settings saves in a row open the
// listener once, on the port asked for, with the last settings; a deleted profile's catch-up ends as
// cancelled at once instead of failing later on a database that is gone; a change announced for it
// afterwards is logged; and a profile deleted while `webhook serve` waited to open it is not served
// again once a profile of the same name is created (whether or not the app follows profile changes),
// nor is one that was served before it was deleted, and its listener error is not shown for the new profile.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatchUpFinished, WebhookStatus } from '../../../src/shared/api/hires-views.ts';
import { valueOf } from '../../support/test-core.ts';
import { ngrokStandIn } from './ngrok-stand-in.ts';
import type { HiresWorld } from './support.ts';
import { charthopCounts, createAcmeProfile, PROFILE, startHiresWorld } from './support.ts';
import { until } from './http-support.ts';

let world: HiresWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const statusOf = async (w: HiresWorld): Promise<WebhookStatus> =>
  valueOf(await w.main.api.invoke('webhook:status', { profileId: PROFILE }));

describe('settings saved twice in a row', () => {
  it('open the listener once on the port asked for, with the last settings', async () => {
    world = await startHiresWorld();
    const w = world;
    await w.main.core.hires.start();
    const port = await freePort();
    const update = (webhook: Record<string, unknown>) =>
      w.main.api.invoke('settings:update', { profileId: PROFILE, patch: { webhook } }).then(valueOf);
    await Promise.all([
      update({ tunnel: 'public-url', publicUrl: 'https://first.example.com/', listenPort: port }),
      update({ publicUrl: 'https://second.example.com/' }),
    ]);
    const up = await until(
      () => statusOf(w),
      (s) => s.publicUrl?.startsWith('https://second.') === true,
    );
    expect(up).toMatchObject({
      publicUrl: `https://second.example.com/webhooks/lever/${up.secret}`,
      localUrl: `http://127.0.0.1:${port}/webhooks/lever/${up.secret}`,
      tunnel: { provider: 'public-url', state: 'up', error: null },
    });
    expect(w.main.logs.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([]);
  });
});

describe('a deleted profile', () => {
  it('has its catch-up cancelled at once, while Lever is still being read; nothing is written', async () => {
    world = await startHiresWorld();
    const w = world;
    const { api, core } = w.main;
    await core.hires.start();
    w.sandbox.control.lever.setFault({ method: 'GET', path: '/v1/opportunities', times: 1, action: { kind: 'delay', ms: 1500 } });
    const before = charthopCounts(w.sandbox);
    const finished: CatchUpFinished[] = [];
    api.on('catch-up:finished', (f) => finished.push(f));
    let deleting: Promise<unknown> | null = null;
    core.events.on('catch-up:progress', (p) => {
      if (p.phase === 'reading' && !deleting) deleting = api.invoke('profiles:delete', { id: PROFILE });
    });

    const started = Date.now();
    const result = await core.hires.catchUp(PROFILE);
    await deleting;
    expect(result).toEqual({ found: 0, processed: 0, decisions: {}, cancelled: true });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(finished).toEqual([{ profileId: PROFILE, result, error: null }]);
    expect(charthopCounts(w.sandbox)).toEqual(before);
  });

  it('logs a secrets change announced after it was deleted as a status that could not be read', async () => {
    world = await startHiresWorld();
    const { core, logs } = world.main;
    await core.hires.start();
    // What the doctor announces when it finishes for a profile deleted while it ran.
    core.events.emit('secrets:changed', { profileId: 'gone' });
    const warnings = await until(
      () => logs.filter((l) => l.level === 'warn').map((l) => l.message),
      (m) => m.length > 0,
    );
    expect(warnings).toEqual([
      'The webhook status could not be read AppError: There is no profile "gone". Pick one from the profile switcher or create it.',
    ]);
  });

  it('is not served again when a profile of the same name is created, if deleted while a serve waited its turn', async () => {
    const ngrok = ngrokStandIn({ held: true });
    world = await startHiresWorld({ hires: { tunnelLoaders: { ngrok: ngrok.load } } });
    const w = world;
    const { api, core } = w.main;
    await core.hires.start();
    valueOf(await api.invoke('secrets:set', { profileId: PROFILE, name: 'ngrokAuthtoken', value: 'ngrok-authtoken-for-tests-1234' }));
    // The switch to ngrok is under way (its first attempt waits) when the serve asks for its turn.
    valueOf(await api.invoke('settings:update', { profileId: PROFILE, patch: { webhook: { tunnel: 'ngrok' } } }));
    await until(
      () => ngrok.forwards.length,
      (n) => n > 0,
    );
    const serving = core.hires.serve(PROFILE).then(
      () => null,
      (e: unknown) => e as Error & { code: string },
    );
    valueOf(await api.invoke('profiles:delete', { id: PROFILE }));
    ngrok.release();
    expect((await serving)?.code).toBe('profiles.not_found');

    await createAcmeProfile(api, w.sandbox);
    await new Promise((r) => setTimeout(r, 200));
    expect(await statusOf(w)).toMatchObject({ localUrl: null, tunnel: { provider: 'none', state: 'off', error: null } });
  });

  it('is not served at the next start when a profile of the same name is created, if deleted while a serve waited its turn', async () => {
    // As with `webhook serve`, the runtime is not started: nothing follows the profile list.
    const ngrok = ngrokStandIn({ held: true });
    world = await startHiresWorld({ hires: { tunnelLoaders: { ngrok: ngrok.load } } });
    const w = world;
    const { api, core } = w.main;
    valueOf(await api.invoke('secrets:set', { profileId: PROFILE, name: 'ngrokAuthtoken', value: 'ngrok-authtoken-for-tests-1234' }));
    valueOf(await api.invoke('settings:update', { profileId: PROFILE, patch: { webhook: { tunnel: 'ngrok' } } }));
    // The first serve waits on ngrok's first attempt; the second waits its turn behind it.
    const first = core.hires.serve(PROFILE).catch(() => null);
    await until(
      () => ngrok.forwards.length,
      (n) => n > 0,
    );
    const second = core.hires.serve(PROFILE).then(
      () => null,
      (e: unknown) => e as Error & { code: string },
    );
    valueOf(await api.invoke('profiles:delete', { id: PROFILE }));
    ngrok.release();
    await first;
    expect((await second)?.code).toBe('profiles.not_found');

    await createAcmeProfile(api, w.sandbox);
    await core.hires.start();
    await new Promise((r) => setTimeout(r, 200));
    expect(await statusOf(w)).toMatchObject({ localUrl: null, tunnel: { provider: 'none', state: 'off', error: null } });
  });

  it('is not served again when a profile of the same name is created, after it was served and deleted', async () => {
    world = await startHiresWorld();
    const w = world;
    const { api, core } = w.main;
    await core.hires.start();
    // startHiresWorld served the profile (it has no tunnel): deleting it closes that listener.
    valueOf(await api.invoke('profiles:delete', { id: PROFILE }));
    await createAcmeProfile(api, w.sandbox);
    // A settings save brings the listener in line with the new profile's settings: no tunnel, nothing served.
    valueOf(await api.invoke('settings:update', { profileId: PROFILE, patch: { webhook: { listenPort: 0 } } }));
    await new Promise((r) => setTimeout(r, 200));
    expect(await statusOf(w)).toMatchObject({ localUrl: null, tunnel: { provider: 'none', state: 'off', error: null } });
  });

  it('does not pass the listener error it had on to a profile of the same name created later', async () => {
    world = await startHiresWorld();
    const w = world;
    const { api, core } = w.main;
    await core.hires.start();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const busy = (blocker.address() as { port: number }).port;
      valueOf(await api.invoke('settings:update', { profileId: PROFILE, patch: { webhook: { listenPort: busy } } }));
      const down = await until(
        () => statusOf(w),
        (s) => s.tunnel.state === 'down',
      );
      expect(down.tunnel.error).toContain(`port ${busy}`);
      valueOf(await api.invoke('profiles:delete', { id: PROFILE }));
      await createAcmeProfile(api, w.sandbox);
      expect((await statusOf(w)).tunnel).toEqual({ provider: 'none', state: 'off', error: null });
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
