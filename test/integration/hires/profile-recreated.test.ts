// A client profile deleted and created again under the same name gets the same id: hires sent to the
// new profile's webhook must land in the new profile's inbox, never in what is left of the old one, and
// be processed there (the deleted profile's stopped flow is never reused).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { valueOf } from '../../support/test-core.ts';
import { postJson, signed } from './http-support.ts';
import type { HiresWorld } from './support.ts';
import { createAcmeProfile, hiresOf, NOW, PROFILE, registerWebhook, startHiresWorld } from './support.ts';

let world: HiresWorld;
beforeEach(async () => {
  world = await startHiresWorld();
});
afterEach(async () => {
  await world.close();
});

/** Deletes the profile, creates it again, serves it with a new Lever webhook, and sends it a signed hire: it must be recorded and processed. */
async function recreateAndSendHire(): Promise<void> {
  const { api, core } = world.main;
  valueOf(await api.invoke('profiles:delete', { id: PROFILE }));
  await createAcmeProfile(api, world.sandbox);
  const status = await core.hires.serve(PROFILE);
  const url = new URL(status.localUrl!);
  const token = await registerWebhook(world.sandbox, status.localUrl!);
  valueOf(await api.invoke('secrets:set', { profileId: PROFILE, name: 'leverWebhookSignatureToken', value: token }));
  const id = world.sandbox.facts.hires.toProcess[0]!;
  const answer = await postJson(
    Number(url.port),
    url.pathname,
    signed(token, { triggeredAt: NOW, data: { opportunityId: id, candidateId: id, contactId: 'c' } }),
  );
  expect(answer.status).toBe(202);
  await core.hires.drain(PROFILE);
  expect(await hiresOf(api, id)).toMatchObject([{ decision: 'created' }]);
}

describe('a profile deleted and created again', () => {
  it('records a hire sent to the new profile in its inbox', async () => {
    await recreateAndSendHire();
  });

  it('processes a hire sent to the new profile while the app follows profile changes', async () => {
    await world.main.core.hires.start();
    await recreateAndSendHire();
  });
});
