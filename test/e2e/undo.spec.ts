/**
 * Acceptance (issue 13): a run's detail opens the undo sheet ("Undo this run…"), the same sheet as
 * Reconcile with the same selection; applying it records an `undo` run that the Runs table and the
 * detail link back to the run it undid, and that run says it was undone.
 */
import { expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

test('Undo this run… from a run’s detail: the sheet, Apply, and the undo run in Runs linking back', async ({ page }) => {
  const { shell, planSheet, runs, runDetail } = appModels(page);
  // The first sync goes through the Preview: Apply all, then open its run.
  await shell.syncNow();
  await planSheet.applyAll();
  await expect(planSheet.result).toContainText(/Sync succeeded:/, { timeout: 90_000 });
  const synced = await planSheet.appliedRunId();
  await planSheet.openRun();

  await runDetail.undo();
  const undo = planSheet;
  await expect(undo.heading(`Undo run ${synced}`)).toBeVisible();
  await expect(undo.rows.first()).toBeVisible({ timeout: 30_000 });
  // The Sandbox syncs on change and daily: the sheet says they would plan the records again.
  await expect(undo.notice).toContainText('Sync On Change is on for this profile');
  // The same selection as Reconcile: every applicable row starts selected, and one can be left out.
  // The counter counts only the rows that can be selected.
  const applicable = await undo.checkboxes.count();
  expect(applicable).toBeGreaterThan(1);
  await expect(undo.selectionCount).toHaveText(`${applicable} of ${applicable} rows selected`);
  await undo.deselectFirst();
  await expect(undo.selectionCount).toHaveText(`${applicable - 1} of ${applicable} rows selected`);
  await undo.apply(applicable - 1);

  await expect(undo.result).toContainText(`Undo of run ${synced} succeeded:`, { timeout: 60_000 });
  await undo.openRun();
  await expect(undo.sheet).not.toBeVisible();

  // The undo run names the run it undid and links back to it.
  await expect(runDetail.undoOf).toContainText(`Undo of run ${synced}.`);
  await expect(runDetail.undoButton).toHaveCount(0);
  await runDetail.backToRuns();
  await expect(runs.undoOfLinks).toHaveText(`Undo of run ${synced}`);
  await runs.openUndoneRun();
  await expect(runDetail.title).toContainText(`Run ${synced}`);
  await expect(runDetail.undoneBy).toContainText('Undone by run');
  await expect(runDetail.undoButton).toHaveCount(0);
});
