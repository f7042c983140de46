/**
 * Acceptance (issue 16, point 5): after Apply, the Reconcile sheet plans again and shows the new plan (tiles and rows),
 * with what was just applied marked above it; the selection counter counts only the rows that can be selected.
 */
import { expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';
import { PlanRow, sortedTitles } from './pages/plan-row.ts';

test('the consultant applies one create and one update in Reconcile, and sees them marked as applied above the new plan, which no longer has them', async ({
  page,
}) => {
  const { planSheet: reconcile, runDetail } = appModels(page);
  await reconcile.open();

  // The Sandbox's unmapped emails leave skipped rows without a checkbox: the counter counts only the selectable rows.
  const selectable = await reconcile.checkboxes.count();
  expect(await reconcile.rows.count(), 'the plan has rows that cannot be selected').toBeGreaterThan(selectable);
  await expect(reconcile.selectionCount).toHaveText(`${selectable} of ${selectable} rows selected`);

  const creates = await reconcile.tile('Create');
  const updates = await reconcile.tile('Update');
  expect(creates).toBeGreaterThan(0);
  expect(updates).toBeGreaterThan(0);
  await reconcile.selectNone();
  await expect(reconcile.selectionCount).toHaveText(`0 of ${selectable} rows selected`);
  const create = new PlanRow(reconcile.rowsOf('create').first());
  const update = new PlanRow(reconcile.rowsOf('update').first());
  const chosen = [await create.title.innerText(), await update.title.innerText()];
  const chosenIds = [await create.id(), await update.id()];
  await create.select();
  await update.select();
  await expect(reconcile.selectionCount).toHaveText(`2 of ${selectable} rows selected`);
  await reconcile.apply(2);

  // What was just applied: the run's sentence in the past tense, and the two records marked Applied.
  await expect(reconcile.result).toContainText('Reconcile succeeded: created 1 requisition and updated 1.', { timeout: 60_000 });
  await expect(reconcile.result).toContainText('The plan below is what is left now.', { timeout: 30_000 });
  const applied = reconcile.appliedItems;
  await expect(applied).toHaveCount(2);
  await expect(reconcile.appliedOutcomes).toHaveText(['Applied', 'Applied']);
  expect(await sortedTitles(applied)).toEqual([...chosen].sort());
  await expect(new PlanRow(applied.filter({ hasText: chosen[0]! })).reason).toHaveText(/^Created — .* was created/);

  // The new plan: one create and one update fewer, the applied rows gone, every selectable row selected again.
  await expect(reconcile.summary).toBeVisible();
  expect(await reconcile.tile('Create')).toBe(creates - 1);
  expect(await reconcile.tile('Update')).toBe(updates - 1);
  for (const id of chosenIds) await expect(reconcile.planRowWithId(id)).toHaveCount(0);
  await expect(reconcile.selectionCount).toHaveText(`${selectable - 2} of ${selectable - 2} rows selected`);
  await expect(reconcile.applyButton(selectable - 2)).toBeEnabled();

  // The run is one click away.
  await reconcile.openRun();
  await expect(reconcile.sheet).toBeHidden();
  await expect(runDetail.appliedItems).toHaveCount(2);
});
