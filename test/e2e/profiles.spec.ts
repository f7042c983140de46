/**
 * Acceptance: create, rename, export and import a profile; the Sandbox cannot be deleted. A new profile
 * (issue 16, point 7) starts valid for its direction, opens in Setup and says "Not configured" until set up.
 */
import { api, apiEnvelope, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

test('create, rename, export, import round trip; delete asks first; the Sandbox cannot be deleted', async ({ page, host }) => {
  const { shell, profiles, options, setup } = appModels(page);
  await profiles.open();

  // The built-in Sandbox: Delete is disabled and the page says why; main refuses too.
  const sandbox = profiles.profile('sandbox');
  await expect(profiles.button(sandbox, 'Delete')).toBeDisabled();
  await expect(sandbox).toContainText('cannot be renamed or deleted');
  const refused = await apiEnvelope(page, host, 'profiles:delete', { id: 'sandbox' });
  expect(refused.ok).toBe(false);

  // Create (which opens the new profile's Setup), then rename.
  await profiles.create('Globex');
  await expect(shell.title).toHaveText('Setup');
  await profiles.open();
  const globex = profiles.profile('globex');
  await expect(globex).toContainText('Globex');
  await profiles.rename(globex, 'Globex', 'Globex Corp');
  await expect(profiles.nameOf(globex)).toHaveText('Globex Corp');
  await expect(profiles.notice).toHaveText('Renamed “Globex” to “Globex Corp”.');

  // Give it settings and a key worth carrying over (the key must not travel).
  await api(page, host, 'settings:update', {
    profileId: 'globex',
    patch: {
      sourceOfTruth: 'lever',
      options: { syncOnChange: false, reverseSync: true, runDaily: true },
      dailyRunTime: '07:30',
      charthop: { org: 'globex' },
    },
  });
  const key = 'lvr_export_must_not_travel_K3y9';
  await api(page, host, 'secrets:set', { profileId: 'globex', name: 'leverApiKey', value: key });

  // Export downloads a JSON file of settings only.
  const exportedFile = await profiles.export(globex);
  expect(exportedFile.name).toBe('reqbridge-globex.json');
  expect(exportedFile.text).not.toContain(key);
  const exported = JSON.parse(exportedFile.text) as {
    format: string;
    profile: { name: string; sourceOfTruth: string; dailyRunTime: string };
  };
  expect(exported.format).toBe('reqbridge.profile');
  expect(exported.profile).toMatchObject({ name: 'Globex Corp', sourceOfTruth: 'lever', dailyRunTime: '07:30' });

  // Import makes a new profile with the same settings, under a free name.
  await profiles.import(exportedFile.path);
  await expect(profiles.notice).toContainText('Imported “Globex Corp (imported)” as a new profile');
  const imported = profiles.profileNamed('Globex Corp (imported)');
  await expect(imported).toBeVisible();
  await profiles.use(imported, 'Globex Corp (imported)');
  await options.open();
  await expect(options.sourceOfTruth('Lever (remote system)')).toBeChecked();
  await expect(options.switch('Reverse Sync')).toBeChecked();
  await expect(options.dailyRunTime).toHaveValue('07:30');

  // The imported profile holds no key.
  await setup.open();
  await expect(setup.secretStatus('leverApiKey')).toHaveText('Not set');

  // Duplicate, then delete the copy: the dialog says what goes with it.
  await profiles.open();
  await profiles.duplicate(globex);
  const copy = profiles.profileNamed('Globex Corp copy');
  await expect(copy).toBeVisible();
  await profiles.askToDelete(copy);
  await expect(profiles.deleteDialog('Globex Corp copy')).toContainText('its secrets and run history go too');
  await profiles.confirmDelete('Globex Corp copy');
  await expect(copy).toHaveCount(0);
  await expect(profiles.notice).toHaveText('Deleted “Globex Corp copy”.');

  const view = await api(page, host, 'profiles:list', {});
  expect(view.profiles.map((profile) => profile.name).sort()).toEqual(['Globex Corp', 'Globex Corp (imported)', 'Sandbox']);
});

test('a new profile opens in Setup, starts with what its direction requires, and says "Not configured" until keys and org are set; "Sandbox" is refused', async ({
  page,
}) => {
  const { shell, profiles, options, setup } = appModels(page);
  await profiles.open();

  // The consultant tries the built-in name: a sentence, and no "Sandbox (new)".
  await profiles.create('Sandbox');
  await expect(profiles.error).toContainText('“Sandbox” is the name of the built-in rehearsal profile');
  await expect(profiles.items).toHaveCount(1);

  // A client's name: the profile is created, becomes the current one, and Setup opens.
  await profiles.create('Initech');
  await expect(shell.title).toHaveText('Setup');
  await expect(shell.currentProfile).toHaveText('Initech');
  await expect(shell.profileBadge).toHaveText('Not configured');

  // Its options already meet what the outbound flow requires.
  await options.open();
  await expect(options.switch('Sync On Change')).toBeChecked();
  await expect(options.directionAdvice).toContainText('Everything this direction requires is on.');

  // Keys and org set in Setup: the badge shows the environment.
  await setup.open();
  await setup.saveSecret('leverApiKey', 'Lever API key', 'lvr_initech_key_0001');
  await setup.saveSecret('charthopToken', 'ChartHop API token', 'ch_initech_token_0002');
  await expect(setup.secretStatus('charthopToken')).toContainText('•••• 0002');
  await expect(shell.profileBadge).toHaveText('Not configured');
  await setup.saveConnection('initech');
  await expect(shell.profileBadge).toHaveText('Production');
});
