// What quitting the app does to the hires under way: the hire being processed is recorded before the
// app closes, the hires still queued wait for the next start (never half-written), a catch-up stops
// after its current hire and says it was cancelled, a hire hanging on Lever holds the quit up only
// for the grace period, and a start after a stop processes new hires again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatchUpResult } from '../../../src/shared/api/hires-views.ts';
import { createInbox } from '../../../src/main/core/hires/inbox.ts';
import type { InboxRow } from '../../../src/main/core/hires/inbox.ts';
import { valueOf } from '../../support/test-core.ts';
import { postJson, signed, until } from './http-support.ts';
import type { CoreHandle, HiresWorld } from './support.ts';
import { charthopCounts, hiresOf, NOW, PROFILE, startHiresWorld } from './support.ts';

let world: HiresWorld;
afterEach(async () => {
  await world.close();
});

const rowsOf = (c: CoreHandle): InboxRow[] => createInbox(c.core.service.deps.stateDbs.forProfile(PROFILE)).listHires(100);

/** Slows each hire down: Lever's opportunity is read for every one. */
function slowEachHire(ms: number): void {
  world.sandbox.control.lever.setFault({ method: 'GET', path: '/v1/opportunities/:id', action: { kind: 'delay', ms } });
}

/** Posts Lever's signed candidateHired for `opportunityId` to the profile's listener. */
async function deliver(opportunityId: string): Promise<void> {
  const url = new URL(world.webhookUrl);
  const body = signed(world.signatureToken, { triggeredAt: NOW, data: { opportunityId, candidateId: opportunityId, contactId: 'c' } });
  expect((await postJson(Number(url.port), url.pathname, body)).status).toBe(202);
}

describe('stopping the hires runtime', () => {
  beforeEach(async () => {
    world = await startHiresWorld();
  });

  it('records the hire being processed before it resolves and leaves the queued ones for the next start', async () => {
    const { core } = world.main;
    const first = world.sandbox.facts.hires.toProcess[0];
    const second = world.sandbox.facts.hires.existingPerson[0];
    slowEachHire(400);
    await deliver(first!);
    await deliver(second!);
    await until(
      () => rowsOf(world.main).some((r) => r.status === 'processing'),
      (busy) => busy,
    );
    const before = charthopCounts(world.sandbox);

    await core.hires.stop();

    const decisions = async (id: string) => (await hiresOf(world.main.api, id)).map((h) => h.decision);
    expect(await decisions(first!)).toEqual(['created']);
    expect(await decisions(second!)).toEqual(['pending']);
    expect(rowsOf(world.main).map((r) => r.status)).toEqual(['queued', 'done']);
    expect(charthopCounts(world.sandbox)).toMatchObject({ persons: before.persons + 1, hires: before.hires + 1 });
  });

  it('stops a catch-up under way after its current hire; the catch-up says it was cancelled', async () => {
    const { core } = world.main;
    slowEachHire(300);
    let stopping: Promise<void> | null = null;
    core.events.on('catch-up:progress', (p) => {
      if (p.phase === 'processing' && p.done >= 1 && !stopping) stopping = core.hires.stop();
    });

    const result: CatchUpResult = await core.hires.catchUp(PROFILE);
    await stopping;

    expect(result.cancelled).toBe(true);
    expect(result.processed).toBeGreaterThanOrEqual(1);
    expect(result.processed).toBeLessThanOrEqual(2);
    expect(result.processed).toBeLessThan(result.found);
    // Only the hires processed before the stop are in the log, each decided: nothing is left queued.
    expect(rowsOf(world.main).map((r) => r.status)).toEqual(Array.from({ length: result.processed }, () => 'done'));
  });
});

describe('the grace period of a stop', () => {
  it('is not waited out by a hire hanging on Lever: the quit goes on and the hire stays claimed for the next start', async () => {
    world = await startHiresWorld({ hires: { stopGraceMs: 200 } });
    const id = world.sandbox.facts.hires.toProcess[0]!;
    slowEachHire(4_000);
    await deliver(id);
    await until(
      () => rowsOf(world.main).some((r) => r.status === 'processing'),
      (busy) => busy,
    );

    const started = Date.now();
    await world.main.core.hires.stop();
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(rowsOf(world.main).map((r) => r.status)).toEqual(['processing']);
    world.sandbox.control.lever.clearFaults();
  });
});

describe('a start after a stop', () => {
  it('processes the hires delivered afterwards, as a fresh start would', async () => {
    world = await startHiresWorld();
    const { api, core } = world.main;
    const id = world.sandbox.facts.hires.toProcess[0]!;
    valueOf(
      await api.invoke('settings:update', {
        profileId: PROFILE,
        patch: { webhook: { tunnel: 'public-url', publicUrl: 'https://hooks.example.com/' } },
      }),
    );
    await core.hires.stop();
    await core.hires.start();
    const status = await until(
      async () => valueOf(await api.invoke('webhook:status', { profileId: PROFILE })),
      (s) => s.localUrl !== null,
    );
    const url = new URL(status.localUrl!);
    const body = signed(world.signatureToken, { triggeredAt: NOW, data: { opportunityId: id, candidateId: id, contactId: 'c' } });
    expect((await postJson(Number(url.port), url.pathname, body)).status).toBe(202);
    await core.hires.drain(PROFILE);
    expect((await hiresOf(api, id)).map((h) => h.decision)).toEqual(['created']);
  });
});
