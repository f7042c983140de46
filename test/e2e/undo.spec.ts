/**
 * Acceptance (issue 13): a run's detail opens the undo sheet ("Undo this run…"), the same sheet as
 * Reconcile with the same selection; applying it records an `undo` run that the Runs table and the
 * detail link back to the run it undid, and that run says it was undone.
 */
import { expect, test } from './host-fixture.ts';

test('Undo this run… from a run’s detail: the sheet, Apply, and the undo run in Runs linking back', async ({ page }) => {
  const topbar = page.locator('.topbar');
  // The first sync goes through the Preview: Apply all, then open its run.
  await topbar.getByRole('button', { name: 'Sync now' }).click();
  const preview = page.getByTestId('reconcile-sheet');
  await preview.getByRole('button', { name: 'Apply all' }).click();
  const result = preview.getByTestId('reconcile-result');
  await expect(result).toContainText(/Sync succeeded:/, { timeout: 90_000 });
  const open = preview.getByRole('button', { name: /^Open run \d+ in Runs$/ });
  const synced = Number((await open.textContent())?.replace(/\D+/g, ''));
  await open.click();

  const detail = page.getByTestId('run-detail');
  await detail.getByRole('button', { name: 'Undo this run…' }).click();
  const sheet = page.getByTestId('reconcile-sheet');
  await expect(sheet.getByRole('heading', { name: `Undo run ${synced}` })).toBeVisible();
  const rows = sheet.getByTestId('plan-row');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  // The Sandbox syncs on change and daily: the sheet says they would plan the records again.
  await expect(sheet.getByTestId('plan-notice')).toContainText('Sync On Change is on for this profile');
  // The same selection as Reconcile: every applicable row starts selected, and one can be left out.
  // The counter counts only the rows that can be selected.
  const selection = sheet.locator('.sheet-selection');
  const applicable = await sheet.getByRole('checkbox', { name: /^Apply: / }).count();
  expect(applicable).toBeGreaterThan(1);
  await expect(selection).toHaveText(`${applicable} of ${applicable} rows selected`);
  await sheet.getByRole('checkbox', { name: /^Apply: / }).first().uncheck();
  await expect(selection).toHaveText(`${applicable - 1} of ${applicable} rows selected`);
  await sheet.getByRole('button', { name: `Apply ${applicable - 1} selected` }).click();

  const done = sheet.getByTestId('reconcile-result');
  await expect(done).toContainText(`Undo of run ${synced} succeeded:`, { timeout: 60_000 });
  await sheet.getByRole('button', { name: /^Open run \d+ in Runs$/ }).click();
  await expect(sheet).not.toBeVisible();

  // The undo run names the run it undid and links back to it.
  await expect(detail.getByTestId('run-undo-of')).toContainText(`Undo of run ${synced}.`);
  await expect(detail.getByRole('button', { name: 'Undo this run…' })).toHaveCount(0);
  await detail.getByRole('button', { name: '← All runs' }).click();
  const link = page.getByTestId('runs-table').getByTestId('runs-undo-of');
  await expect(link).toHaveText(`Undo of run ${synced}`);
  await link.click();
  await expect(detail.locator('.card-title')).toContainText(`Run ${synced}`);
  await expect(detail.getByTestId('run-undone-by')).toContainText('Undone by run');
  await expect(detail.getByRole('button', { name: 'Undo this run…' })).toHaveCount(0);
});
