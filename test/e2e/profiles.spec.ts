/**
 * Acceptance: create, rename, export and import a profile; the Sandbox cannot be deleted. A new profile
 * (issue 16, point 7) starts valid for its direction, opens in Setup and says "Not configured" until set up.
 */
import { readFile } from 'node:fs/promises';
import { api, apiEnvelope, expect, test } from './host-fixture.ts';
import { openSection, optionSwitch } from './app-pages.ts';

test('create, rename, export, import round trip; delete asks first; the Sandbox cannot be deleted', async ({ page, host }) => {
  await openSection(page, 'Profiles');
  const list = page.getByRole('list', { name: 'Profiles' }).last();

  // The built-in Sandbox: Delete is disabled and the page says why; main refuses too.
  const sandbox = page.getByTestId('profile-sandbox');
  await expect(sandbox.getByRole('button', { name: 'Delete' })).toBeDisabled();
  await expect(sandbox).toContainText('cannot be renamed or deleted');
  const refused = await apiEnvelope(page, host, 'profiles:delete', { id: 'sandbox' });
  expect(refused.ok).toBe(false);

  // Create (which opens the new profile's Setup), then rename.
  await page.getByLabel('New profile').fill('Globex');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Setup');
  await openSection(page, 'Profiles');
  const globex = page.getByTestId('profile-globex');
  await expect(globex).toContainText('Globex');
  await globex.getByRole('button', { name: 'Rename' }).click();
  await globex.getByLabel('New name for Globex').fill('Globex Corp');
  await globex.getByRole('button', { name: 'Save name' }).click();
  await expect(globex.locator('.profile-name')).toHaveText('Globex Corp');
  await expect(page.getByTestId('profiles-notice')).toHaveText('Renamed “Globex” to “Globex Corp”.');

  // Give it settings and a key worth carrying over (the key must not travel).
  await api(page, host, 'settings:update', {
    profileId: 'globex',
    patch: { sourceOfTruth: 'lever', options: { syncOnChange: false, reverseSync: true, runDaily: true }, dailyRunTime: '07:30', charthop: { org: 'globex' } },
  });
  const key = 'lvr_export_must_not_travel_K3y9';
  await api(page, host, 'secrets:set', { profileId: 'globex', name: 'leverApiKey', value: key });

  // Export downloads a JSON file of settings only.
  const [download] = await Promise.all([page.waitForEvent('download'), globex.getByRole('button', { name: 'Export' }).click()]);
  expect(download.suggestedFilename()).toBe('reqbridge-globex.json');
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  expect(text).not.toContain(key);
  const exported = JSON.parse(text) as { format: string; profile: { name: string; sourceOfTruth: string; dailyRunTime: string } };
  expect(exported.format).toBe('reqbridge.profile');
  expect(exported.profile).toMatchObject({ name: 'Globex Corp', sourceOfTruth: 'lever', dailyRunTime: '07:30' });

  // Import makes a new profile with the same settings, under a free name.
  await page.locator('#import-profile').setInputFiles(path);
  await expect(page.getByTestId('profiles-notice')).toContainText('Imported “Globex Corp (imported)” as a new profile');
  const imported = list.getByRole('listitem').filter({ hasText: 'Globex Corp (imported)' });
  await expect(imported).toBeVisible();
  await imported.getByRole('button', { name: 'Use this profile' }).click();
  await expect(page.getByTestId('current-profile')).toHaveText('Globex Corp (imported)');
  await openSection(page, 'Options');
  await expect(page.getByRole('radio', { name: 'Lever (remote system)' })).toBeChecked();
  await expect(optionSwitch(page, 'Reverse Sync')).toBeChecked();
  await expect(page.getByLabel('Daily run time')).toHaveValue('07:30');

  // The imported profile holds no key.
  await openSection(page, 'Setup');
  await expect(page.getByTestId('leverApiKey-status')).toHaveText('Not set');

  // Duplicate, then delete the copy: the dialog says what goes with it.
  await openSection(page, 'Profiles');
  await globex.getByRole('button', { name: 'Duplicate' }).click();
  const copy = list.getByRole('listitem').filter({ hasText: 'Globex Corp copy' });
  await expect(copy).toBeVisible();
  await copy.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Globex Corp copy”?' });
  await expect(dialog).toContainText('its secrets and run history go too');
  await dialog.getByRole('button', { name: 'Delete profile' }).click();
  await expect(dialog).toBeHidden();
  await expect(copy).toHaveCount(0);
  await expect(page.getByTestId('profiles-notice')).toHaveText('Deleted “Globex Corp copy”.');

  const view = await api(page, host, 'profiles:list', {});
  expect(view.profiles.map((profile) => profile.name).sort()).toEqual(['Globex Corp', 'Globex Corp (imported)', 'Sandbox']);
});

test('a new profile opens in Setup, starts with what its direction requires, and says "Not configured" until keys and org are set; "Sandbox" is refused', async ({ page }) => {
  await openSection(page, 'Profiles');
  const list = page.getByRole('list', { name: 'Profiles' }).last();

  // The consultant tries the built-in name: a sentence, and no "Sandbox (new)".
  await page.getByLabel('New profile').fill('Sandbox');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('alert')).toContainText('“Sandbox” is the name of the built-in rehearsal profile');
  await expect(list.getByRole('listitem')).toHaveCount(1);

  // A client's name: the profile is created, becomes the current one, and Setup opens.
  await page.getByLabel('New profile').fill('Initech');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Setup');
  await expect(page.getByTestId('current-profile')).toHaveText('Initech');
  const badge = page.getByRole('button', { name: /^Profile: .*Switch profile$/ }).locator('.badge');
  await expect(badge).toHaveText('Not configured');

  // Its options already meet what the outbound flow requires.
  await openSection(page, 'Options');
  await expect(optionSwitch(page, 'Sync On Change')).toBeChecked();
  await expect(page.getByTestId('direction-advice')).toContainText('Everything this direction requires is on.');

  // Keys and org set in Setup: the badge shows the environment.
  await openSection(page, 'Setup');
  const leverForm = page.getByTestId('secret-leverApiKey');
  await leverForm.getByLabel('Lever API key').fill('lvr_initech_key_0001');
  await leverForm.getByRole('button', { name: 'Save' }).click();
  const tokenForm = page.getByTestId('secret-charthopToken');
  await tokenForm.getByLabel('ChartHop API token').fill('ch_initech_token_0002');
  await tokenForm.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('charthopToken-status')).toContainText('•••• 0002');
  await expect(badge).toHaveText('Not configured');
  await page.getByLabel('ChartHop org (id or slug)').fill('initech');
  await page.getByRole('button', { name: 'Save connection' }).click();
  await expect(badge).toHaveText('Production');
});
