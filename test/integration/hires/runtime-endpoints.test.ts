// When the hires runtime opens and closes a client profile's webhook listener, and what it tells
// the consultant: no listener for a profile without a tunnel, a listener that closes when the
// tunnel is switched off, a busy port reported in the status, the event and the log (at start and
// on a settings change), and a start or stop that can be repeated without following settings twice.
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebhookStatus } from '../../../src/shared/api/hires-views.ts';
import { valueOf } from '../../support/test-core.ts';
import { send, until } from './http-support.ts';
import type { CoreHandle, HiresWorld } from './support.ts';
import { PROFILE, startHiresWorld } from './support.ts';

const OFF = { provider: 'none', state: 'off', error: null };
const portOf = (url: string): number => Number(new URL(url).port);
const busyMessage = (port: number): string =>
  `The webhook listener cannot use port ${port} on 127.0.0.1 (another program uses it). Choose another port, or 0 for any free port, in Setup → New-hire data flow.`;

async function refused(url: string): Promise<boolean> {
  return send(portOf(url), { method: 'GET', path: '/' }).then(
    () => false,
    (error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED',
  );
}

describe('the webhook endpoint of a client profile', () => {
  let world: HiresWorld;
  let blocker: Server;
  let busy: number;
  let again: CoreHandle;

  beforeEach(async () => {
    world = await startHiresWorld();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    busy = (blocker.address() as { port: number }).port;
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
    await world.close();
  });

  /** Restarts the app: the new core serves nothing until `start()` (the profile's tunnel decides). */
  async function restart(): Promise<CoreHandle> {
    await world.main.close();
    again = await world.startCore();
    return again;
  }
  const statusOf = async (c: CoreHandle): Promise<WebhookStatus> => valueOf(await c.api.invoke('webhook:status', { profileId: PROFILE }));
  const update = async (c: CoreHandle, webhook: Record<string, unknown>): Promise<void> => {
    valueOf(await c.api.invoke('settings:update', { profileId: PROFILE, patch: { webhook } }));
  };

  it('opens no listener at start for a profile without a tunnel', async () => {
    const c = await restart();
    expect(c.core.hires.cancelCatchUp(PROFILE)).toBe(false);
    await c.core.hires.start();
    await new Promise((r) => setTimeout(r, 50));
    const status = await statusOf(c);
    expect(status).toMatchObject({ localUrl: null, publicUrl: null, tunnel: OFF });
    expect(await refused(world.webhookUrl)).toBe(true);
  });

  it('announces the listener a serve opened', async () => {
    const c = await restart();
    const announced: WebhookStatus[] = [];
    c.core.events.on('webhook:changed', (s) => announced.push(s));
    const served = await c.core.hires.serve(PROFILE);
    await until(
      async () => announced.length,
      (n) => n > 0,
    );
    expect(announced.at(-1)).toMatchObject({ localUrl: served.localUrl, tunnel: OFF });
    expect(served.localUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhooks\/lever\//);
  });

  it('closes the listener when the tunnel is switched off, and announces it', async () => {
    const c = await restart();
    await c.core.hires.start();
    await update(c, { tunnel: 'public-url', publicUrl: 'https://hooks.example.com/' });
    const up = await until(
      () => statusOf(c),
      (s) => s.tunnel.state === 'up',
    );
    expect(up.localUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhooks\/lever\//);
    const announced: WebhookStatus[] = [];
    c.core.events.on('webhook:changed', (s) => announced.push(s));
    await update(c, { tunnel: 'none' });
    await until(
      async () => announced.length,
      (n) => n > 0,
    );
    expect(announced.at(-1)).toMatchObject({ localUrl: null, publicUrl: null, tunnel: OFF });
    expect(await statusOf(c)).toMatchObject({ localUrl: null, tunnel: OFF });
    expect(await refused(up.localUrl!)).toBe(true);
  });

  it('reports a busy port in the status, the event and the log, and forgets it once the tunnel is off', async () => {
    const c = await restart();
    await c.core.hires.start();
    const announced: WebhookStatus[] = [];
    c.core.events.on('webhook:changed', (s) => announced.push(s));
    await update(c, { tunnel: 'public-url', publicUrl: 'https://hooks.example.com/', listenPort: busy });
    const down = await until(
      () => statusOf(c),
      (s) => s.tunnel.state === 'down',
    );
    expect(down).toMatchObject({ localUrl: null, tunnel: { provider: 'public-url', state: 'down', error: busyMessage(busy) } });
    await until(
      async () => announced.length,
      (n) => n > 0,
    );
    expect(announced.at(-1)?.tunnel).toEqual({ provider: 'public-url', state: 'down', error: busyMessage(busy) });
    expect(c.logs.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([
      `The webhook endpoint of profile ${PROFILE} could not be updated AppError: ${busyMessage(busy)}`,
    ]);

    await update(c, { tunnel: 'none' });
    await until(
      () => statusOf(c),
      (s) => s.tunnel.state === 'off',
    );
    expect(await statusOf(c)).toMatchObject({ localUrl: null, tunnel: OFF });
  });

  it('forgets a busy port once the listener opens on another one', async () => {
    const c = await restart();
    await c.core.hires.start();
    await update(c, { tunnel: 'public-url', publicUrl: 'https://hooks.example.com/', listenPort: busy });
    await until(
      () => statusOf(c),
      (s) => s.tunnel.state === 'down',
    );
    await update(c, { listenPort: 0 });
    await until(
      () => statusOf(c),
      (s) => s.tunnel.state === 'up',
    );
    await c.core.hires.stop();
    expect(await statusOf(c)).toMatchObject({ localUrl: null, tunnel: { provider: 'public-url', state: 'off', error: null } });
  });

  it('logs a listener that could not start with the app, with the reason', async () => {
    await update(world.main, { tunnel: 'public-url', publicUrl: 'https://hooks.example.com/', listenPort: busy });
    const c = await restart();
    await c.core.hires.start();
    await until(
      async () => c.logs.filter((l) => l.level === 'warn').length,
      (n) => n > 0,
    );
    expect(c.logs.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([
      `The webhook endpoint of profile ${PROFILE} could not start AppError: ${busyMessage(busy)}`,
    ]);
  });

  it('keeps the cause of a busy port for the log and the doctor', async () => {
    await world.main.core.hires.stop();
    await update(world.main, { listenPort: busy });
    const error = await world.main.core.hires.serve(PROFILE).then(
      () => null,
      (e: unknown) => e as Error & { code: string },
    );
    expect(error?.message).toBe(busyMessage(busy));
    expect(error?.code).toBe('webhook.port_unavailable');
    expect((error?.cause as NodeJS.ErrnoException | undefined)?.code).toBe('EADDRINUSE');
  });

  it('follows settings again after a stop and a new start, and not while stopped', async () => {
    const c = await restart();
    await c.core.hires.start();
    await c.core.hires.stop();
    await update(c, { tunnel: 'public-url', publicUrl: 'https://hooks.example.com/' });
    await new Promise((r) => setTimeout(r, 50));
    expect((await statusOf(c)).localUrl).toBeNull();
    await c.core.hires.start();
    await update(c, { publicUrl: 'https://hooks2.example.com/' });
    const up = await until(
      () => statusOf(c),
      (s) => s.tunnel.state === 'up' && s.publicUrl?.startsWith('https://hooks2.') === true,
    );
    expect(up.publicUrl).toBe(`https://hooks2.example.com/webhooks/lever/${up.secret}`);
  });

  it('announces a secret change once, however often the app asked to start', async () => {
    const c = await restart();
    await c.core.hires.start();
    await c.core.hires.start();
    const announced: WebhookStatus[] = [];
    c.core.events.on('webhook:changed', (s) => announced.push(s));
    valueOf(await c.api.invoke('secrets:clear', { profileId: PROFILE, name: 'leverWebhookSignatureToken' }));
    await until(
      async () => announced.length,
      (n) => n > 0,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(announced.map((s) => s.signatureTokenSet)).toEqual([false]);
  });

  it('announces a new signature token of a served profile', async () => {
    const { core, api } = world.main;
    await core.hires.start();
    const announced: WebhookStatus[] = [];
    core.events.on('webhook:changed', (s) => announced.push(s));
    valueOf(await api.invoke('secrets:clear', { profileId: PROFILE, name: 'leverWebhookSignatureToken' }));
    await until(
      async () => announced.length,
      (n) => n > 0,
    );
    expect(announced.at(-1)).toMatchObject({ localUrl: world.webhookUrl, signatureTokenSet: false });
  });
});
