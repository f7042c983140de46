// The webhook secret is the only thing standing between the internet and a profile's listener, and the
// doctor's report is what consultants copy into tickets: its new-hire webhook check names the public
// URL with the secret masked, in the answer and in the report kept for "last check".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { valueOf } from '../../support/test-core.ts';
import type { HiresWorld } from './support.ts';
import { PROFILE, startHiresWorld } from './support.ts';

let world: HiresWorld;
beforeEach(async () => {
  world = await startHiresWorld();
});
afterEach(async () => {
  await world.close();
});

describe('the doctor check of the new-hire webhook', () => {
  it('names the public URL with the webhook secret masked', async () => {
    const { api, core } = world.main;
    valueOf(
      await api.invoke('settings:update', {
        profileId: PROFILE,
        patch: { webhook: { tunnel: 'public-url', publicUrl: 'https://hooks.example.com/' } },
      }),
    );
    const served = await core.hires.serve(PROFILE);
    expect(served.publicUrl).toBe(`https://hooks.example.com/webhooks/lever/${served.secret}`);

    const report = valueOf(await api.invoke('doctor:run', { profileId: PROFILE }));
    const expected = {
      id: 'webhook.hire',
      title: 'New-hire webhook configured',
      status: 'unverified',
      detail: 'The webhook is set up at https://hooks.example.com/webhooks/lever/[redacted], but Lever has not called it yet.',
      fix: 'In Lever → Settings → Integrations and API → Webhooks, press Verify Connection on the Candidate Hire webhook.',
    };
    expect(report.checks.find((c) => c.id === 'webhook.hire')).toEqual(expected);
    const last = valueOf(await api.invoke('doctor:last', { profileId: PROFILE }));
    expect(last?.checks.find((c) => c.id === 'webhook.hire')).toEqual(expected);
    expect(JSON.stringify(last)).not.toContain(served.secret);
  });
});
