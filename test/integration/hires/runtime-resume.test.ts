// What the hires runtime resumes and drops across the app's life: at start, failed hires under the
// profile's attempt limit are retried and processed without anyone asking, those at the limit wait
// for a Replay; hires left queued by a quit are processed once `webhook serve` opens the listener; a
// deleted profile's listener closes and the other profiles keep processing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInbox } from '../../../src/main/core/hires/inbox.ts';
import type { InboxRow } from '../../../src/main/core/hires/inbox.ts';
import { valueOf } from '../../support/test-core.ts';
import { postJson, send, signed, until } from './http-support.ts';
import type { CoreHandle, HiresWorld } from './support.ts';
import { PROFILE, hiresOf, startHiresWorld } from './support.ts';

const rowOf = (c: CoreHandle, opportunityId: string): InboxRow | undefined =>
  createInbox(c.core.service.deps.stateDbs.forProfile(PROFILE)).forOpportunity(opportunityId)[0];

describe('the hires runtime across restarts and profile changes', () => {
  let world: HiresWorld;
  beforeEach(async () => {
    world = await startHiresWorld({ hires: { maxAttempts: 2 } });
  });
  afterEach(async () => {
    await world.close();
  });

  async function deliver(url: string, token: string, opportunityId: string): Promise<void> {
    const { port, pathname } = new URL(url);
    const body = signed(token, { triggeredAt: world.clock.now(), data: { opportunityId } });
    expect((await postJson(Number(port), pathname, body)).status).toBe(202);
  }

  it('retries a failed hire at start until the attempt limit, without being asked', async () => {
    const { api, core } = world.main;
    const id = world.sandbox.facts.hires.toProcess[0]!;
    valueOf(
      await api.invoke('settings:update', {
        profileId: PROFILE,
        patch: { webhook: { tunnel: 'public-url', publicUrl: 'https://hooks.example.com/' } },
      }),
    );
    valueOf(await api.invoke('secrets:clear', { profileId: PROFILE, name: 'charthopToken' }));
    await deliver(world.webhookUrl, world.signatureToken, id);
    await core.hires.drain(PROFILE);
    const first = (await hiresOf(api, id))[0]!;
    expect(first.decision).toBe('failed');
    expect(valueOf(await api.invoke('webhook:status', { profileId: PROFILE })).lastDeliveryAt).toBe(first.receivedAt);
    await world.main.close();

    // The next start retries it on its own (the token is still missing, so it fails a second time).
    const second = await world.startCore({ maxAttempts: 2 });
    valueOf(await second.api.invoke('secrets:clear', { profileId: PROFILE, name: 'charthopToken' }));
    await second.core.hires.start();
    const retried = await until(
      () => rowOf(second, id),
      (row) => row?.attempts === 2 && row.status === 'failed',
    );
    expect(retried).toMatchObject({ attempts: 2, status: 'failed', decision: 'failed' });
    await second.close();

    // At the limit it waits for a Replay, even with the token back.
    const third = await world.startCore({ maxAttempts: 2 });
    await third.core.hires.start();
    await third.core.hires.drain(PROFILE);
    expect(rowOf(third, id)).toMatchObject({ attempts: 2, status: 'failed', decision: 'failed' });
  });

  it('processes the hires a quit left queued as soon as `webhook serve` opens the listener, without being asked', async () => {
    const first = world.sandbox.facts.hires.toProcess[0];
    const second = world.sandbox.facts.hires.existingPerson[0];
    world.sandbox.control.lever.setFault({ method: 'GET', path: '/v1/opportunities/:id', action: { kind: 'delay', ms: 300 } });
    const { port, pathname } = new URL(world.webhookUrl);
    for (const id of [first!, second!]) {
      const body = signed(world.signatureToken, {
        triggeredAt: world.clock.now(),
        data: { opportunityId: id, candidateId: id, contactId: 'c' },
      });
      expect((await postJson(Number(port), pathname, body)).status).toBe(202);
    }
    await until(
      () => rowOf(world.main, first!)?.status,
      (s) => s === 'processing',
    );
    await world.main.close();
    world.sandbox.control.lever.clearFaults();

    // The next process only serves the profile (the runtime is not started).
    const again = await world.startCore();
    expect(rowOf(again, second!)?.status).toBe('queued');
    await again.core.hires.serve(PROFILE);
    const processed = await until(
      () => rowOf(again, second!),
      (row) => row?.status === 'done',
    );
    expect(processed).toMatchObject({ status: 'done', decision: 'person_exists' });
  });

  it('closes a deleted profile and keeps the others processing', async () => {
    const { api, core } = world.main;
    await core.hires.start();
    const other = valueOf(await api.invoke('profiles:create', { name: 'Other' }));
    valueOf(await api.invoke('profiles:delete', { id: other.id }));
    const first = world.sandbox.facts.hires.toProcess[0];
    await deliver(world.webhookUrl, world.signatureToken, first!);
    const processed = await until(
      async () => (await hiresOf(api, first!))[0]?.decision,
      (d) => d !== 'pending',
    );
    expect(processed).toBe('created');

    valueOf(await api.invoke('profiles:delete', { id: PROFILE }));
    const closed = await until(
      () =>
        send(Number(new URL(world.webhookUrl).port), { method: 'GET', path: '/' }).then(
          () => false,
          () => true,
        ),
      (refused) => refused,
    );
    expect(closed).toBe(true);
  });
});
