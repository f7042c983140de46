// What the Setup step shows about the Lever signature token: a keychain entry holding only spaces
// (left by another tool or a hand edit) is no token, so the step asks for it instead of showing it set.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { valueOf } from '../../support/test-core.ts';
import type { CoreHandle, HiresWorld } from './support.ts';
import { PROFILE, startHiresWorld, startTestCoreOn } from './support.ts';

let world: HiresWorld;
let again: CoreHandle | undefined;
beforeEach(async () => {
  world = await startHiresWorld();
});
afterEach(async () => {
  await again?.close();
  again = undefined;
  await world.close();
});

describe('the signature token in webhook:status', () => {
  it('is not set when the keychain holds only spaces for it', async () => {
    await world.main.close();
    again = await startTestCoreOn(world.dataDir, world.sandbox, world.clock, {}, '   ');
    const status = valueOf(await again.api.invoke('webhook:status', { profileId: PROFILE }));
    expect(status.signatureTokenSet).toBe(false);
  });

  it('is set when the keychain holds the token', async () => {
    await world.main.close();
    again = await startTestCoreOn(world.dataDir, world.sandbox, world.clock, {}, world.signatureToken);
    const status = valueOf(await again.api.invoke('webhook:status', { profileId: PROFILE }));
    expect(status.signatureTokenSet).toBe(true);
  });
});
