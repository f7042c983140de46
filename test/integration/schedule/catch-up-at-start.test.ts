import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/bootstrap.ts';
import { startBackground } from '../../../src/main/core/background.ts';
import type { SandboxCore } from '../../support/sandbox-core.ts';
import { startSandboxCore } from '../../support/sandbox-core.ts';
import type { EmbeddedSandbox } from '../../../src/main/host/embedded-sandbox.ts';
import { createManualSchedulerClock } from '../../support/manual-scheduler-clock.ts';
import { valueOf } from '../../support/test-core.ts';

let t: SandboxCore;
let embedded: EmbeddedSandbox;
let core: Core;

beforeAll(async () => {
  t = await startSandboxCore({ lever: { rateLimit: false } });
  ({ embedded, core } = t);
});
afterAll(async () => {
  await t.dispose();
});

describe('new-hire catch-up when the app starts', () => {
  it('runs for a client profile whose new-hire flow is set up, and not for one without it', async () => {
    const api = t.api;
    const { leverBaseUrl, charthopBaseUrl, charthopOrg } = embedded.runtime.endpoints;
    const connect = async (name: string, withToken: boolean) => {
      const profile = valueOf(await api.invoke('profiles:create', { name }));
      valueOf(
        await api.invoke('settings:update', {
          profileId: profile.id,
          patch: { lever: { environment: 'custom', baseUrl: leverBaseUrl }, charthop: { baseUrl: charthopBaseUrl, org: charthopOrg } },
        }),
      );
      valueOf(
        await api.invoke('secrets:set', { profileId: profile.id, name: 'leverApiKey', value: embedded.runtime.secrets.leverApiKey! }),
      );
      valueOf(
        await api.invoke('secrets:set', { profileId: profile.id, name: 'charthopToken', value: embedded.runtime.secrets.charthopToken! }),
      );
      if (withToken)
        valueOf(
          await api.invoke('secrets:set', {
            profileId: profile.id,
            name: 'leverWebhookSignatureToken',
            value: 'signature-token-from-lever',
          }),
        );
      return profile.id;
    };
    const configured = await connect('Configured', true);
    const bare = await connect('Bare', false);

    const background = await startBackground(core, { clock: createManualSchedulerClock(new Date()) });
    try {
      await waitUntil(async () => valueOf(await api.invoke('hires:list', { profileId: configured })).length > 0);
      const hires = valueOf(await api.invoke('hires:list', { profileId: configured }));
      expect(hires.every((h) => h.source === 'catch-up')).toBe(true);
      expect(valueOf(await api.invoke('hires:list', { profileId: bare }))).toEqual([]);
    } finally {
      await background.stop();
    }
  });
});

/** Poll a condition (the catch-up runs in the background) for at most 20 s. */
async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the catch-up did not record any hire within 20 s');
}
