/**
 * Acceptance (issue 16, point 1): Preview before every write. Preview sits next to Sync now (Home's card, the top bar)
 * and opens the plan sheet in the profile's direction without writing; "Apply all" / "Apply selected" write it.
 * With Lever as the source of truth, Reconcile… says in visible text why it is off.
 */
import { api, expect, test } from './host-fixture.ts';

test('with Lever as the truth, the consultant presses Preview, sees the ChartHop jobs Sync now would create with nothing written, then Apply all writes them', async ({ page, host }) => {
  await api(page, host, 'settings:update', {
    profileId: 'sandbox',
    patch: { sourceOfTruth: 'lever', options: { syncOnChange: false, reconciliation: false, reverseSync: true } },
  });
  const topbar = page.locator('.topbar');
  // Reconcile… is off for this profile, and says why on screen, not only in a tooltip.
  await expect(topbar.getByRole('button', { name: 'Reconcile…' })).toBeDisabled();
  await expect(topbar.getByText('Reconcile is off: Lever is the source of truth.')).toBeVisible();

  // Home's card offers Preview too: it opens the same read-only sheet, and Close leaves everything as it was.
  const card = page.locator('[data-testid="home-card"][data-profile="sandbox"]');
  await card.getByRole('button', { name: 'Preview' }).click();
  const sheet = page.getByTestId('reconcile-sheet');
  await expect(sheet.getByRole('heading', { name: 'Preview Sandbox' })).toBeVisible();
  await expect(sheet.getByTestId('preview-intro')).toContainText('Lever is the source of truth: this is what Sync now would write to ChartHop.');
  await expect(sheet.getByTestId('plan-summary')).toBeVisible({ timeout: 30_000 });
  await sheet.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(sheet).toBeHidden();

  await topbar.getByRole('button', { name: 'Preview' }).click();
  await expect(sheet.getByRole('heading', { name: 'Preview Sandbox' })).toBeVisible();
  await expect(sheet.getByTestId('plan-summary')).toBeVisible({ timeout: 30_000 });
  const creates = sheet.locator('[data-testid="plan-row"][data-action="create"]');
  await expect(creates.first()).toBeVisible();
  const toCreate = await creates.count();
  const selectable = sheet.getByRole('checkbox', { name: /^Apply: / });
  const applicable = await selectable.count();
  expect(applicable, 'the Sandbox has Lever requisitions to bring into ChartHop').toBeGreaterThan(0);
  // Apply selected follows the selection; Apply all does not need one.
  await sheet.getByRole('button', { name: 'Select none' }).click();
  await expect(sheet.getByRole('button', { name: 'Apply 0 selected' })).toBeDisabled();
  await expect(sheet.getByRole('button', { name: 'Apply all' })).toBeEnabled();

  // Previewing wrote nothing: no run yet.
  expect(await api(page, host, 'runs:list', { profileId: 'sandbox', limit: 5 })).toEqual([]);

  await sheet.getByRole('button', { name: 'Apply all' }).click();
  await expect(sheet.getByTestId('reconcile-result')).toContainText(/Sync (succeeded|partly failed):/, { timeout: 90_000 });
  await expect(sheet.getByTestId('reconcile-result')).toContainText(/created \d+ ChartHop jobs?/);
  const runs = await api(page, host, 'runs:list', { profileId: 'sandbox', limit: 5 });
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({ direction: 'inbound', trigger: 'manual' });
  expect(runs[0]?.counts.created).toBe(toCreate);
});

test('the consultant’s first Sync now on a profile shows the plan instead of writing; after Apply all, the next Sync now writes straight away', async ({ page, host }) => {
  const topbar = page.locator('.topbar');
  await topbar.getByRole('button', { name: 'Sync now' }).click();
  const sheet = page.getByTestId('reconcile-sheet');
  await expect(sheet.getByRole('heading', { name: 'Preview Sandbox' })).toBeVisible();
  await expect(sheet.getByTestId('first-sync-note')).toHaveText('This is Sandbox’s first sync in this direction, so its plan is shown before anything is written. Later, Sync now writes straight away.');
  await expect(sheet.getByTestId('preview-intro')).toContainText('ChartHop is the source of truth: this is what Sync now would write to Lever.');
  await expect(sheet.getByTestId('plan-summary')).toBeVisible({ timeout: 30_000 });
  expect(await api(page, host, 'runs:list', { profileId: 'sandbox', limit: 5 }), 'nothing written before Apply').toEqual([]);

  await sheet.getByRole('button', { name: 'Apply all' }).click();
  await expect(sheet.getByTestId('reconcile-result')).toContainText(/Sync (succeeded|partly failed):/, { timeout: 90_000 });
  await sheet.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(sheet).toBeHidden();

  // No longer the first sync: Sync now runs without the sheet and reports its result.
  await topbar.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-result')).toContainText(/Sync (succeeded|partly failed):/, { timeout: 90_000 });
  await expect(sheet).toBeHidden();
  const manual = (await api(page, host, 'runs:list', { profileId: 'sandbox', limit: 20 })).filter((run) => run.trigger === 'manual');
  expect(manual).toHaveLength(2);
});
