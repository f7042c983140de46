/** Acceptance: an imported file naming other hosts asks first; changing an API host says, before saving, that the keys go. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { api, expect, test } from './host-fixture.ts';
import { openSection, switchProfile } from './app-pages.ts';

test('importing a file that points at another host lists it and imports only after confirming', async ({ page, host }, testInfo) => {
  await mkdir(testInfo.outputDir, { recursive: true });
  const file = join(testInfo.outputDir, 'shared.json');
  await writeFile(file, JSON.stringify({
    format: 'reqbridge.profile', version: 1, exportedAt: '2026-12-01T00:00:00.000Z',
    profile: { name: 'Umbrella', lever: { environment: 'custom', baseUrl: 'https://lever-relay.example/v1' }, charthop: { baseUrl: 'https://api.charthop.com', org: 'umbrella' } },
  }));
  await openSection(page, 'Profiles');
  await page.locator('#import-profile').setInputFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Import a profile that points at other hosts?' });
  await expect(dialog.getByTestId('import-hosts')).toHaveText('lever-relay.example (lever.baseUrl)');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect((await api(page, host, 'profiles:list', {})).profiles.map((p) => p.name)).toEqual(['Sandbox']);

  await page.locator('#import-profile').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Import with these hosts' }).click();
  await expect(page.getByTestId('profiles-notice')).toContainText('Imported “Umbrella” as a new profile');
  await expect(dialog).toBeHidden();
});

test('changing the Lever host warns before saving that the Lever key will be removed, then removes it', async ({ page, host }) => {
  const { id } = await api(page, host, 'profiles:create', { name: 'Initech' });
  await api(page, host, 'secrets:set', { profileId: id, name: 'leverApiKey', value: 'lvr_host_move_key_W4rn' });
  await switchProfile(page, 'Initech');
  await openSection(page, 'Setup');
  await expect(page.getByTestId('leverApiKey-status')).toContainText('•••• W4rn');
  await expect(page.getByTestId('host-change-warning')).toBeHidden();
  await page.getByLabel('ChartHop org (id or slug)').fill('initech');
  await page.getByRole('radio', { name: 'EU' }).check();
  await expect(page.getByTestId('host-change-warning')).toHaveText(
    "The Lever API host changed, so this profile's Lever API key and Lever webhook signature token will be removed (keys never go to a host they were not entered for); enter them again in Setup.",
  );
  await page.getByRole('button', { name: 'Save connection' }).click();
  await expect(page.getByTestId('host-change-done')).toHaveText(
    "The Lever API host changed, so this profile's Lever API key and Lever webhook signature token were removed (keys never go to a host they were not entered for); enter them again in Setup.",
  );
  await expect(page.getByTestId('leverApiKey-status')).toHaveText('Not set');
});
