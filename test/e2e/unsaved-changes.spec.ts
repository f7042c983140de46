/** Unsaved edits are never lost silently: every profile switch and every page change that would drop them asks first. */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

test('a profile switch from Home’s card asks before dropping unsaved Options; Cancel keeps them, Discard switches', async ({
  page,
  host,
}) => {
  const { shell, home, options, profiles } = appModels(page);
  await api(page, host, 'profiles:create', { name: 'Initech' });
  await page.reload();
  await options.open();
  await options.turnOn('Remote Location As Default');
  await expect(options.saveState).toHaveText('You have unsaved changes.');

  await home.open();
  await home.cardNamed('Initech').use();
  const dialog = shell.discardChangesDialog;
  await expect(dialog).toBeVisible();
  await expect(shell.unsavedWhat).toContainText('You changed the Options without saving. Switching profiles discards those changes.');
  await shell.keepChanges();
  await expect(dialog).toBeHidden();
  await expect(shell.currentProfile).toHaveText('Sandbox');
  await options.open();
  await expect(options.switch('Remote Location As Default')).toBeChecked();

  // The Profiles page asks the same way; Discard switches and the draft is gone.
  await profiles.open();
  await profiles.pressUse(profiles.profileNamed('Initech'));
  await shell.discardChanges('Discard and switch to Initech');
  await expect(shell.currentProfile).toHaveText('Initech');
  expect((await api(page, host, 'settings:get', { profileId: 'sandbox' })).options.remoteLocationAsDefault).toBe(false);
});

test('leaving Setup with an unsaved connection form asks first; Cancel stays with the edit, Discard leaves', async ({ page, host }) => {
  const { shell, home, setup } = appModels(page);
  const { id } = await api(page, host, 'profiles:create', { name: 'Globex' });
  await api(page, host, 'profiles:select', { id });
  await page.reload();
  await expect(shell.currentProfile).toHaveText('Globex');
  await setup.open();
  await setup.setCharthopOrg('globex-typed-not-saved');

  await shell.pressSection('Runs');
  await expect(shell.unsavedWhat).toContainText('the connection settings in Setup');
  await expect(shell.unsavedWhat).toContainText('Leaving this page discards those changes.');
  await shell.keepChanges();
  await expect(shell.title).toHaveText('Setup');
  await expect(setup.charthopOrg).toHaveValue('globex-typed-not-saved');

  // Saved edits leave freely; unsaved ones go only when the consultant says so.
  await shell.pressSection('Runs');
  await shell.discardChanges('Discard and open Runs');
  await expect(shell.title).toHaveText('Runs');
  await setup.open();
  await expect(setup.charthopOrg).toHaveValue('');
  await home.open();
  await expect(shell.discardChangesDialog).toBeHidden();
});
