/** Acceptance: environment keys reach only the profile REQBRIDGE_PROFILE names; without it Setup says how to name one. */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

const KEY = 'lvr_env_bound_key_E7v9';

test.describe('without REQBRIDGE_PROFILE', () => {
  test.use({ hostEnv: { REQBRIDGE_LEVER_KEY: KEY } });

  test('a client profile does not get the key, and Setup says how to name the profile', async ({ page, host }) => {
    const { shell, setup } = appModels(page);
    await api(page, host, 'profiles:create', { name: 'Acme' });
    await shell.switchProfile('Acme');
    await setup.open();
    await expect(setup.secretStatus('leverApiKey')).toHaveText('Not set');
    await expect(setup.secretProblem('leverApiKey')).toContainText('start it with REQBRIDGE_PROFILE=<profile name>');
    expect(await page.content()).not.toContain(KEY);
  });
});

test.describe('with REQBRIDGE_PROFILE', () => {
  test.use({ hostEnv: { REQBRIDGE_LEVER_KEY: KEY, REQBRIDGE_PROFILE: 'Acme' } });

  test('only the named profile gets the key, whichever profile is selected', async ({ page, host }) => {
    const { shell, setup } = appModels(page);
    await api(page, host, 'profiles:create', { name: 'Acme' });
    await api(page, host, 'profiles:create', { name: 'Globex' });
    for (const selected of ['Globex', 'Acme', 'Globex']) {
      await shell.switchProfile(selected);
      await setup.open();
      await expect(setup.secretStatus('leverApiKey')).toContainText(selected === 'Acme' ? '•••• E7v9' : 'Not set');
    }
    const statuses = await api(page, host, 'secrets:status', { profileId: 'acme' });
    expect(statuses.find((s) => s.name === 'leverApiKey')).toMatchObject({ source: 'environment', last4: 'E7v9' });
    expect((await api(page, host, 'secrets:status', { profileId: 'globex' })).find((s) => s.name === 'leverApiKey')).toMatchObject({
      set: false,
      problem: null,
    });
  });
});
