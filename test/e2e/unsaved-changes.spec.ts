/** Unsaved edits are never lost silently: every profile switch and every page change that would drop them asks first. */
import { api, expect, test } from './host-fixture.ts';
import { openSection, optionSwitch } from './app-pages.ts';

test('a profile switch from Home’s card asks before dropping unsaved Options; Cancel keeps them, Discard switches', async ({ page, host }) => {
  await api(page, host, 'profiles:create', { name: 'Initech' });
  await page.reload();
  await openSection(page, 'Options');
  await optionSwitch(page, 'Remote Location As Default').check();
  await expect(page.getByTestId('save-state')).toHaveText('You have unsaved changes.');

  await openSection(page, 'Home');
  const initech = page.getByTestId('home-card').filter({ hasText: 'Initech' });
  await initech.getByRole('button', { name: 'Use this profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('unsaved-what')).toContainText('You changed the Options without saving. Switching profiles discards those changes.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('current-profile')).toHaveText('Sandbox');
  await openSection(page, 'Options');
  await expect(optionSwitch(page, 'Remote Location As Default')).toBeChecked();

  // The Profiles page asks the same way; Discard switches and the draft is gone.
  await openSection(page, 'Profiles');
  await page.getByRole('listitem').filter({ hasText: 'Initech' }).getByRole('button', { name: 'Use this profile' }).click();
  await dialog.getByRole('button', { name: 'Discard and switch to Initech' }).click();
  await expect(page.getByTestId('current-profile')).toHaveText('Initech');
  expect((await api(page, host, 'settings:get', { profileId: 'sandbox' })).options.remoteLocationAsDefault).toBe(false);
});

test('leaving Setup with an unsaved connection form asks first; Cancel stays with the edit, Discard leaves', async ({ page, host }) => {
  const { id } = await api(page, host, 'profiles:create', { name: 'Globex' });
  await api(page, host, 'profiles:select', { id });
  await page.reload();
  await expect(page.getByTestId('current-profile')).toHaveText('Globex');
  await openSection(page, 'Setup');
  const org = page.getByLabel('ChartHop org (id or slug)');
  await org.fill('globex-typed-not-saved');

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /^Runs/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  await expect(dialog.getByTestId('unsaved-what')).toContainText('the connection settings in Setup');
  await expect(dialog.getByTestId('unsaved-what')).toContainText('Leaving this page discards those changes.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Setup');
  await expect(org).toHaveValue('globex-typed-not-saved');

  // Saved edits leave freely; unsaved ones go only when the consultant says so.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /^Runs/ }).click();
  await dialog.getByRole('button', { name: 'Discard and open Runs' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Runs');
  await openSection(page, 'Setup');
  await expect(page.getByLabel('ChartHop org (id or slug)')).toHaveValue('');
  await openSection(page, 'Home');
  await expect(page.getByRole('dialog', { name: 'Discard unsaved changes?' })).toBeHidden();
});
