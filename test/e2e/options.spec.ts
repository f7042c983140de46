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
  await expect(page.getByTestId('reverseSync-reason')).toHaveText('Not available while Sync On Change and Reconciliation are on.');

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
  // Reconcile treats ChartHop as the truth: the top bar says why it is off for this profile.
  const reconcile = page.locator('.topbar').getByRole('button', { name: 'Reconcile…' });
  await expect(reconcile).toBeDisabled();
  await expect(reconcile).toHaveAccessibleDescription(/this profile’s source of truth is Lever: use Sync now/);

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
  const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
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

test('the ChartHop fields of the candidate metrics: checked as typed, saved with the options, persisted, and reset to the built-in fields', async ({ page, host }) => {
  await openSection(page, 'Options');
  const section = page.getByTestId('metric-fields');
  await expect(section.getByRole('heading', { name: 'Candidate metrics in ChartHop' })).toBeVisible();
  const field = (label: string) => section.getByRole('textbox', { name: label, exact: true });
  const useBuiltIn = section.getByRole('button', { name: 'Use the built-in fields' });
  await expect(field('Active candidates')).toHaveValue('applyActive');
  await expect(field('Total offers')).toHaveValue('applyTotalOffer');
  await expect(useBuiltIn).toBeDisabled();

  // A label instead of a code, and one field for two numbers, are explained under the field before saving.
  await field('Active candidates').fill('candidatesActive');
  await field('Active offers').fill('Offers Out');
  await field('Total offers').fill('CandidatesActive');
  await expect(page.getByTestId('save-state')).toHaveText('You have unsaved changes.');
  await expect(field('Active offers')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('metric-field-activeOffers-problem')).toHaveText(/letters and digits, starting with a letter .*not its label\./);
  await expect(page.getByTestId('metric-field-totalOffers-problem')).toHaveText('Active candidates and Total offers both use the field CandidatesActive: give each number its own ChartHop field.');
  // Saving anyway is refused by main, which says why; nothing is saved.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Save options' })).toContainText('The ChartHop field for Active offers: A ChartHop field code is letters and digits');
  expect((await api(page, host, 'settings:get', { profileId: 'sandbox' })).metricFields.active).toBe('applyActive');

  await field('Active interviews').fill('candidatesInterviewing');
  await field('Active offers').fill('offersOut');
  await field('Total offers').fill('offersExtended');
  await expect(section.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expect(section).toContainText('Using custom fields.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved.');
  const custom = { active: 'candidatesActive', interview: 'candidatesInterviewing', activeOffers: 'offersOut', totalOffers: 'offersExtended' };
  expect((await api(page, host, 'settings:get', { profileId: 'sandbox' })).metricFields).toEqual(custom);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Options');
  await expect(field('Active interviews')).toHaveValue('candidatesInterviewing');
  await expect(field('Total offers')).toHaveValue('offersExtended');

  // Discard brings back what is saved; the reset puts the built-in fields back, saved like any option.
  await useBuiltIn.click();
  await expect(field('Active candidates')).toHaveValue('applyActive');
  await expect(field('Active offers')).toHaveValue('applyOffer');
  await expect(useBuiltIn).toBeDisabled();
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(field('Active candidates')).toHaveValue('candidatesActive');
  await useBuiltIn.click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved.');
  expect((await api(page, host, 'settings:get', { profileId: 'sandbox' })).metricFields).toEqual({ active: 'applyActive', interview: 'applyInterview', activeOffers: 'applyOffer', totalOffers: 'applyTotalOffer' });
});

test('options that contradict the source of truth are named and cannot be saved until fixed', async ({ page, host }) => {
  await openSection(page, 'Options');
  // The Sandbox is outbound with Sync On Change and Reconciliation on; Lever as the source of truth contradicts both.
  await page.getByRole('radio', { name: 'Lever (remote system)' }).check();
  await expect(page.getByTestId('syncOnChange-contradiction')).toContainText('Sync On Change pushes ChartHop’s changes to Lever, but Lever is the source of truth');
  await expect(page.getByTestId('reconciliation-contradiction')).toContainText('Reconciliation treats ChartHop as the source of truth, but Lever is');
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await expect(page.getByTestId('save-state')).toHaveText(
    'Unsaved: Sync On Change and Reconciliation contradict the source of truth — fix them first (see beside each switch).',
  );

  // Turning one off leaves the other named; the box's one-click fix settles both.
  await optionSwitch(page, 'Sync On Change').uncheck();
  await expect(page.getByTestId('syncOnChange-contradiction')).toHaveCount(0);
  await expect(page.getByTestId('reconciliation-contradiction')).toBeVisible();
  await page.getByRole('button', { name: 'Turn on Reverse Sync' }).click();
  await expect(page.locator('[data-testid$="-contradiction"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved.');
  expect((await api(page, host, 'settings:get', { profileId: 'sandbox' })).options).toMatchObject({ reverseSync: true, syncOnChange: false, reconciliation: false });

  // Back to ChartHop: Reverse Sync now contradicts it.
  await page.getByRole('radio', { name: 'ChartHop' }).check();
  await expect(page.getByTestId('reverseSync-contradiction')).toContainText('Reverse Sync makes Lever the system of record, but ChartHop is the source of truth');
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
});

test('Sync On Change’s interval: shown with the option, checked as typed, saved with the options and persisted', async ({ page, host }) => {
  await openSection(page, 'Options');
  // The Sandbox has Sync On Change on, with the default interval.
  const interval = page.getByLabel('Check ChartHop for changes every');
  await expect(interval).toHaveValue('30');
  await expect(page.getByText('10–600 seconds, default 30')).toBeVisible();

  await interval.fill('5');
  await expect(interval).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('sync-on-change-interval-error')).toHaveText('Check ChartHop for changes every 10 to 600 seconds, in whole seconds (the default is 30).');
  // Saving anyway is refused by main, which says why; nothing is saved.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Save options' })).toContainText('Check ChartHop for changes every 10 to 600 seconds');
  expect((await api(page, host, 'settings:get', { profileId: 'sandbox' })).syncOnChangeIntervalSeconds).toBe(30);

  await interval.fill('45');
  await expect(page.getByTestId('sync-on-change-interval-error')).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveText('You have unsaved changes.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved.');
  expect((await api(page, host, 'settings:get', { profileId: 'sandbox' })).syncOnChangeIntervalSeconds).toBe(45);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Options');
  await expect(page.getByLabel('Check ChartHop for changes every')).toHaveValue('45');
  // Only shown while Sync On Change is on.
  await optionSwitch(page, 'Sync On Change').uncheck();
  await expect(page.getByLabel('Check ChartHop for changes every')).toHaveCount(0);
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByLabel('Check ChartHop for changes every')).toHaveValue('45');
});
