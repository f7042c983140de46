// Whether a profile's new-hire flow counts as set up: a keychain that cannot be read is reported
// with the keychain's own words, never taken for "not set up" (which would silently skip the
// daily catch-up) nor for "set up".
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/errors.ts';
import { newHireFlowSetUp } from '../../../src/main/core/hires/flow-setup.ts';
import { createUnavailableSecretStore } from '../../../src/main/core/secrets/secret-store.ts';
import { startTestCore, valueOf } from '../../support/test-core.ts';
import type { TestCore } from '../../support/test-core.ts';

describe('the new-hire flow set-up check', () => {
  let test: TestCore | undefined;
  afterEach(() => test?.dispose());

  it('reports a locked keychain with its reason instead of answering "not set up"', async () => {
    test = startTestCore({
      secretStore: createUnavailableSecretStore(new AppError('secrets.keychain_locked', 'The OS keychain is locked.')),
    });
    const { id } = valueOf(await test.api.invoke('profiles:create', { name: 'Acme' }));
    const check = newHireFlowSetUp(test.core.service.deps.secrets, id);
    await expect(check).rejects.toThrow(
      new AppError('hires.secrets_unreadable', "The new-hire flow's signature token could not be read: The OS keychain is locked."),
    );
    await expect(check).rejects.toMatchObject({ code: 'hires.secrets_unreadable' });
  });
});
