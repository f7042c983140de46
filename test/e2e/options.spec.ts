/** Acceptance: source of truth and exclusive options, saved, persisted across reloads, per profile. */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

test('Lever as source of truth with Reverse Sync disables Sync On Change and Reconciliation, persists, and stays per profile', async ({
  page,
  host,
}) => {
  const { shell, options } = appModels(page);
  await api(page, host, 'profiles:create', { name: 'Acme Corp' });
  await options.open();
  await expect(shell.currentProfile).toHaveText('Sandbox');

  // The Sandbox starts outbound with Sync On Change and Reconciliation on, so Reverse Sync is excluded and says why.
  await options.chooseSourceOfTruth('Lever (remote system)');
  await expect(options.directionAdvice).toContainText('Inbound: Lever → ChartHop');
  await expect(options.switch('Reverse Sync')).toBeDisabled();
  await expect(options.reason('reverseSync')).toHaveText('Not available while Sync On Change and Reconciliation are on.');

  await options.turnOff('Sync On Change');
  await options.turnOff('Reconciliation');
  await expect(options.switch('Reverse Sync')).toBeEnabled();
  await options.turnOn('Reverse Sync');

  for (const [label, key] of [
    ['Sync On Change', 'syncOnChange'],
    ['Reconciliation', 'reconciliation'],
  ] as const) {
    await expect(options.switch(label)).toBeDisabled();
    await expect(options.reason(key)).toBeVisible();
    await expect(options.reason(key)).toHaveText('Not available while Reverse Sync is on.');
  }
  await expect(options.saveState).toHaveText('You have unsaved changes.');
  await options.save();

  // Saved in main, not just in the page.
  const saved = await api(page, host, 'settings:get', { profileId: 'sandbox' });
  expect(saved.sourceOfTruth).toBe('lever');
  expect(saved.options).toMatchObject({ reverseSync: true, syncOnChange: false, reconciliation: false });
  // Reconcile treats ChartHop as the truth: the top bar says why it is off for this profile.
  await expect(shell.reconcileButton).toBeDisabled();
  await expect(shell.reconcileButton).toHaveAccessibleDescription(/this profile’s source of truth is Lever: use Sync now/);

  await options.reload();
  await expect(options.sourceOfTruth('Lever (remote system)')).toBeChecked();
  await expect(options.switch('Reverse Sync')).toBeChecked();
  await expect(options.switch('Sync On Change')).toBeDisabled();
  await expect(options.reason('syncOnChange')).toHaveText('Not available while Reverse Sync is on.');

  // Another profile shows its own settings: the defaults of a new client profile.
  await shell.switchProfile('Acme Corp');
  await expect(options.sourceOfTruth('ChartHop')).toBeChecked();
  await expect(options.switch('Reverse Sync')).not.toBeChecked();
  await expect(options.switch('Sync On Change')).toBeEnabled();
  await expect(options.reason('syncOnChange')).toHaveCount(0);
  await expect(options.directionAdvice).toContainText('Outbound: ChartHop → Lever');

  await shell.switchProfile('Sandbox');
  await expect(options.sourceOfTruth('Lever (remote system)')).toBeChecked();
  await expect(options.switch('Reverse Sync')).toBeChecked();
});

test('unsaved options can be discarded, and switching profile with unsaved changes asks first', async ({ page, host }) => {
  const { shell, options } = appModels(page);
  await api(page, host, 'profiles:create', { name: 'Initech' });
  await options.open();
  await options.turnOn('Remote Location As Default');
  await expect(options.saveState).toHaveText('You have unsaved changes.');
  await options.discard();
  await expect(options.switch('Remote Location As Default')).not.toBeChecked();
  await expect(options.saveState).toHaveText('All changes saved.');

  await options.turnOff('Run Daily');
  await shell.pickProfile('Initech');
  await expect(shell.discardChangesDialog).toBeVisible();
  await shell.keepChanges();
  await expect(shell.currentProfile).toHaveText('Sandbox');
  await expect(options.switch('Run Daily')).not.toBeChecked();

  // The direction box offers the one-click fix and says what else it turns off.
  await options.chooseSourceOfTruth('Lever (remote system)');
  await expect(options.directionAdvice).toContainText('This also turns off Sync On Change and Reconciliation');
  await options.turnOnReverseSync();
  await expect(options.switch('Reverse Sync')).toBeChecked();
  await expect(options.directionAdvice).toContainText('Everything this direction requires is on.');
});

test('the ChartHop fields of the candidate metrics: checked as typed, saved with the options, persisted, and reset to the built-in fields', async ({
  page,
  host,
}) => {
  const { options } = appModels(page);
  const metrics = options.metricFields;
  await options.open();
  await expect(metrics.heading).toBeVisible();
  await expect(metrics.field('Active candidates')).toHaveValue('applyActive');
  await expect(metrics.field('Total offers')).toHaveValue('applyTotalOffer');
  await expect(metrics.useBuiltInButton).toBeDisabled();

  // A label instead of a code, and one field for two numbers, are explained under the field before saving.
  await metrics.fill('Active candidates', 'candidatesActive');
  await metrics.fill('Active offers', 'Offers Out');
  await metrics.fill('Total offers', 'CandidatesActive');
  await expect(options.saveState).toHaveText('You have unsaved changes.');
  await expect(metrics.field('Active offers')).toHaveAttribute('aria-invalid', 'true');
  await expect(metrics.problem('activeOffers')).toHaveText(/letters and digits, starting with a letter .*not its label\./);
  await expect(metrics.problem('totalOffers')).toHaveText(
    'Active candidates and Total offers both use the field CandidatesActive: give each number its own ChartHop field.',
  );
  // Saving anyway is refused by main, which says why; nothing is saved.
  await options.pressSave();
  await expect(options.saveBar).toContainText('The ChartHop field for Active offers: A ChartHop field code is letters and digits');
  expect((await api(page, host, 'settings:get', { profileId: 'sandbox' })).metricFields.active).toBe('applyActive');

  await metrics.fill('Active interviews', 'candidatesInterviewing');
  await metrics.fill('Active offers', 'offersOut');
  await metrics.fill('Total offers', 'offersExtended');
  await expect(metrics.invalidFields).toHaveCount(0);
  await expect(metrics.section).toContainText('Using custom fields.');
  await options.save();
  const custom = {
    active: 'candidatesActive',
    interview: 'candidatesInterviewing',
    activeOffers: 'offersOut',
    totalOffers: 'offersExtended',
  };
  expect((await api(page, host, 'settings:get', { profileId: 'sandbox' })).metricFields).toEqual(custom);

  await options.reload();
  await expect(metrics.field('Active interviews')).toHaveValue('candidatesInterviewing');
  await expect(metrics.field('Total offers')).toHaveValue('offersExtended');

  // Discard brings back what is saved; the reset puts the built-in fields back, saved like any option.
  await metrics.useBuiltIn();
  await expect(metrics.field('Active candidates')).toHaveValue('applyActive');
  await expect(metrics.field('Active offers')).toHaveValue('applyOffer');
  await expect(metrics.useBuiltInButton).toBeDisabled();
  await options.discard();
  await expect(metrics.field('Active candidates')).toHaveValue('candidatesActive');
  await metrics.useBuiltIn();
  await options.save();
  const builtIn = { active: 'applyActive', interview: 'applyInterview', activeOffers: 'applyOffer', totalOffers: 'applyTotalOffer' };
  expect((await api(page, host, 'settings:get', { profileId: 'sandbox' })).metricFields).toEqual(builtIn);
});

test('options that contradict the source of truth are named and cannot be saved until fixed', async ({ page, host }) => {
  const { options } = appModels(page);
  await options.open();
  // The Sandbox is outbound with Sync On Change and Reconciliation on; Lever as the source of truth contradicts both.
  await options.chooseSourceOfTruth('Lever (remote system)');
  await expect(options.contradiction('syncOnChange')).toContainText(
    'Sync On Change pushes ChartHop’s changes to Lever, but Lever is the source of truth',
  );
  await expect(options.contradiction('reconciliation')).toContainText(
    'Reconciliation treats ChartHop as the source of truth, but Lever is',
  );
  await expect(options.saveButton).toBeDisabled();
  await expect(options.saveState).toHaveText(
    'Unsaved: Sync On Change and Reconciliation contradict the source of truth — fix them first (see beside each switch).',
  );

  // Turning one off leaves the other named; the box's one-click fix settles both.
  await options.turnOff('Sync On Change');
  await expect(options.contradiction('syncOnChange')).toHaveCount(0);
  await expect(options.contradiction('reconciliation')).toBeVisible();
  await options.turnOnReverseSync();
  await expect(options.contradictions).toHaveCount(0);
  await options.save();
  const saved = await api(page, host, 'settings:get', { profileId: 'sandbox' });
  expect(saved.options).toMatchObject({ reverseSync: true, syncOnChange: false, reconciliation: false });

  // Back to ChartHop: Reverse Sync now contradicts it.
  await options.chooseSourceOfTruth('ChartHop');
  await expect(options.contradiction('reverseSync')).toContainText(
    'Reverse Sync makes Lever the system of record, but ChartHop is the source of truth',
  );
  await expect(options.saveButton).toBeDisabled();
});

test('Sync On Change’s interval: shown with the option, checked as typed, saved with the options and persisted', async ({ page, host }) => {
  const { options } = appModels(page);
  await options.open();
  // The Sandbox has Sync On Change on, with the default interval.
  await expect(options.syncOnChangeInterval).toHaveValue('30');
  await expect(options.syncOnChangeIntervalHint).toBeVisible();

  await options.setSyncOnChangeInterval('5');
  await expect(options.syncOnChangeInterval).toHaveAttribute('aria-invalid', 'true');
  await expect(options.syncOnChangeIntervalError).toHaveText(
    'Check ChartHop for changes every 10 to 600 seconds, in whole seconds (the default is 30).',
  );
  // Saving anyway is refused by main, which says why; nothing is saved.
  await options.pressSave();
  await expect(options.saveBar).toContainText('Check ChartHop for changes every 10 to 600 seconds');
  expect((await api(page, host, 'settings:get', { profileId: 'sandbox' })).syncOnChangeIntervalSeconds).toBe(30);

  await options.setSyncOnChangeInterval('45');
  await expect(options.syncOnChangeIntervalError).toHaveCount(0);
  await expect(options.saveState).toHaveText('You have unsaved changes.');
  await options.save();
  expect((await api(page, host, 'settings:get', { profileId: 'sandbox' })).syncOnChangeIntervalSeconds).toBe(45);

  await options.reload();
  await expect(options.syncOnChangeInterval).toHaveValue('45');
  // Only shown while Sync On Change is on.
  await options.turnOff('Sync On Change');
  await expect(options.syncOnChangeInterval).toHaveCount(0);
  await options.discard();
  await expect(options.syncOnChangeInterval).toHaveValue('45');
});
