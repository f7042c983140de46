/**
 * Acceptance (issue 16, point 5): after Apply, the Reconcile sheet plans again and shows the new plan (tiles and rows),
 * with what was just applied marked above it; the selection counter counts only the rows that can be selected.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './host-fixture.ts';

/** The number on a summary tile, by its action label. */
async function tile(sheet: Locator, label: string): Promise<number> {
  const text = await sheet.getByTestId('plan-summary').getByRole('button').filter({ hasText: label }).locator('.count-number').innerText();
  return Number(text);
}

test('the consultant applies one create and one update in Reconcile, and sees them marked as applied above the new plan, which no longer has them', async ({ page }) => {
  await page.getByRole('button', { name: 'Reconcile…' }).click();
  const sheet = page.getByTestId('reconcile-sheet');
  await expect(sheet.getByTestId('plan-summary')).toBeVisible({ timeout: 30_000 });

  // The Sandbox's unmapped emails leave skipped rows without a checkbox: the counter counts only the selectable rows.
  const rows = sheet.getByTestId('plan-row');
  const checkboxes = sheet.getByRole('checkbox', { name: /^Apply: / });
  const selectable = await checkboxes.count();
  expect(await rows.count(), 'the plan has rows that cannot be selected').toBeGreaterThan(selectable);
  const counter = sheet.getByTestId('selection-count');
  await expect(counter).toHaveText(`${selectable} of ${selectable} rows selected`);

  const creates = await tile(sheet, 'Create');
  const updates = await tile(sheet, 'Update');
  expect(creates).toBeGreaterThan(0);
  expect(updates).toBeGreaterThan(0);
  await sheet.getByRole('button', { name: 'Select none' }).click();
  await expect(counter).toHaveText(`0 of ${selectable} rows selected`);
  const create = sheet.locator('[data-testid="plan-row"][data-action="create"]').first();
  const update = sheet.locator('[data-testid="plan-row"][data-action="update"]').first();
  const chosen = [await create.locator('.plan-row-title').innerText(), await update.locator('.plan-row-title').innerText()];
  const chosenIds = [await create.getAttribute('data-row-id'), await update.getAttribute('data-row-id')];
  await create.getByRole('checkbox').check();
  await update.getByRole('checkbox').check();
  await expect(counter).toHaveText(`2 of ${selectable} rows selected`);
  await sheet.getByRole('button', { name: 'Apply 2 selected' }).click();

  // What was just applied: the run's sentence in the past tense, and the two records marked Applied.
  const result = sheet.getByTestId('reconcile-result');
  await expect(result).toContainText('Reconcile succeeded: created 1 requisition and updated 1.', { timeout: 60_000 });
  await expect(result).toContainText('The plan below is what is left now.', { timeout: 30_000 });
  const applied = sheet.getByTestId('applied-item');
  await expect(applied).toHaveCount(2);
  await expect(applied.locator('.outcome-tag')).toHaveText(['Applied', 'Applied']);
  expect((await applied.locator('.plan-row-title').allInnerTexts()).sort()).toEqual([...chosen].sort());
  await expect(applied.filter({ hasText: chosen[0]! }).locator('.plan-row-reason')).toHaveText(/^Created — .* was created/);

  // The new plan: one create and one update fewer, the applied rows gone, every selectable row selected again.
  await expect(sheet.getByTestId('plan-summary')).toBeVisible();
  expect(await tile(sheet, 'Create')).toBe(creates - 1);
  expect(await tile(sheet, 'Update')).toBe(updates - 1);
  for (const id of chosenIds) await expect(sheet.locator(`[data-testid="plan-row"][data-row-id="${id}"]`)).toHaveCount(0);
  await expect(counter).toHaveText(`${selectable - 2} of ${selectable - 2} rows selected`);
  await expect(sheet.getByRole('button', { name: `Apply ${selectable - 2} selected` })).toBeEnabled();

  // The run is one click away.
  await sheet.getByRole('button', { name: /^Open run \d+ in Runs$/ }).click();
  await expect(sheet).toBeHidden();
  await expect(page.getByTestId('run-detail').locator('[data-testid="run-item"][data-outcome="applied"]')).toHaveCount(2);
});
