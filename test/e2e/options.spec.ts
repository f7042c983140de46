/** Acceptance: source of truth and exclusive options, saved, persisted across reloads, per profile. */
import { api, expect, test } from './host-fixture.ts';
import { openSection, optionSwitch, switchProfile } from './app-pages.ts';

test('Lever as source of truth with Reverse Sync disables Sync On Change and Reconciliation, persists, and stays per profile', async ({ page, host }) => {
  await api(page, host, 'profiles:create', { name: 'Acme Corp' });
  await openSection(page, 'Options');
  await expect(page.getByTestId('current-profile')).toHaveText('Sandbox');

  // The Sandbox starts outbound with Sync On Change and Reconciliation on, so Reverse Sync is excluded and says why.
  await page.getByRole('radio', { name: 'Lever (remote system)' }).check();
  await expect(page.getByTestId('direction-advice')).toContainText('Inbound: Lever → ChartHop');
  await expect(optionSwitch(page, 'Reverse Sync')).toBeDisabled();
  await expect(page.getByTestId('reverseSync-reason')).toHaveText(/Not available while (Sync On Change|Reconciliation) is on\./);

  await optionSwitch(page, 'Sync On Change').uncheck();
  await optionSwitch(page, 'Reconciliation').uncheck();
  await expect(optionSwitch(page, 'Reverse Sync')).toBeEnabled();
  await optionSwitch(page, 'Reverse Sync').check();

  for (const [label, key] of [['Sync On Change', 'syncOnChange'], ['Reconciliation', 'reconciliation']] as const) {
    await expect(optionSwitch(page, label)).toBeDisabled();
    await expect(page.getByTestId(`${key}-reason`)).toBeVisible();
    await expect(page.getByTestId(`${key}-reason`)).toHaveText('Not available while Reverse Sync is on.');
  }
  await expect(page.getByTestId('save-state')).toHaveText('You have unsaved changes.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved.');

  // Saved in main, not just in the page.
  const saved = await api(page, host, 'settings:get', { profileId: 'sandbox' });
  expect(saved.sourceOfTruth).toBe('lever');
  expect(saved.options).toMatchObject({ reverseSync: true, syncOnChange: false, reconciliation: false });

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Options');
  await expect(page.getByRole('radio', { name: 'Lever (remote system)' })).toBeChecked();
  await expect(optionSwitch(page, 'Reverse Sync')).toBeChecked();
  await expect(optionSwitch(page, 'Sync On Change')).toBeDisabled();
  await expect(page.getByTestId('syncOnChange-reason')).toHaveText('Not available while Reverse Sync is on.');

  // Another profile shows its own settings: the defaults of a new client profile.
  await switchProfile(page, 'Acme Corp');
  await expect(page.getByRole('radio', { name: 'ChartHop' })).toBeChecked();
  await expect(optionSwitch(page, 'Reverse Sync')).not.toBeChecked();
  await expect(optionSwitch(page, 'Sync On Change')).toBeEnabled();
  await expect(page.getByTestId('syncOnChange-reason')).toHaveCount(0);
  await expect(page.getByTestId('direction-advice')).toContainText('Outbound: ChartHop → Lever');

  await switchProfile(page, 'Sandbox');
  await expect(page.getByRole('radio', { name: 'Lever (remote system)' })).toBeChecked();
  await expect(optionSwitch(page, 'Reverse Sync')).toBeChecked();
});

test('unsaved options can be discarded, and switching profile with unsaved changes asks first', async ({ page, host }) => {
  await api(page, host, 'profiles:create', { name: 'Initech' });
  await openSection(page, 'Options');
  await optionSwitch(page, 'Remote Location As Default').check();
  await expect(page.getByTestId('save-state')).toHaveText('You have unsaved changes.');
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(optionSwitch(page, 'Remote Location As Default')).not.toBeChecked();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved.');

  await optionSwitch(page, 'Run Daily').uncheck();
  await page.getByRole('button', { name: /^Profile: .*Switch profile$/ }).click();
  await page.getByRole('list', { name: 'Profiles' }).getByRole('button', { name: 'Initech' }).click();
  const dialog = page.getByRole('dialog', { name: 'Discard unsaved options?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('current-profile')).toHaveText('Sandbox');
  await expect(optionSwitch(page, 'Run Daily')).not.toBeChecked();

  // The direction box offers the one-click fix and says what else it turns off.
  await page.getByRole('radio', { name: 'Lever (remote system)' }).check();
  await expect(page.getByTestId('direction-advice')).toContainText('This also turns off Sync On Change and Reconciliation');
  await page.getByRole('button', { name: 'Turn on Reverse Sync' }).click();
  await expect(optionSwitch(page, 'Reverse Sync')).toBeChecked();
  await expect(page.getByTestId('direction-advice')).toContainText('Everything this direction requires is on.');
});
