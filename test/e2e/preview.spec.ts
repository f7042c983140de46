/**
 * Acceptance (issue 16, point 1): Preview before every write. Preview sits next to Sync now (Home's card, the top bar)
 * and opens the plan sheet in the profile's direction without writing; "Apply all" / "Apply selected" write it.
 * With Lever as the source of truth, Reconcile… says in visible text why it is off.
 */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

test('with Lever as the truth, the consultant presses Preview, sees the ChartHop jobs Sync now would create with nothing written, then Apply all writes them', async ({
  page,
  host,
}) => {
  const { shell, home, planSheet: preview } = appModels(page);
  await api(page, host, 'settings:update', {
    profileId: 'sandbox',
    patch: { sourceOfTruth: 'lever', options: { syncOnChange: false, reconciliation: false, reverseSync: true } },
  });
  // Reconcile… is off for this profile, and says why on screen, not only in a tooltip.
  await expect(shell.reconcileButton).toBeDisabled();
  await expect(shell.reconcileOffNote).toBeVisible();

  // Home's card offers Preview too: it opens the same read-only sheet, and Close leaves everything as it was.
  await home.card('sandbox').preview();
  await expect(preview.heading('Preview Sandbox')).toBeVisible();
  await expect(preview.previewIntro).toContainText('Lever is the source of truth: this is what Sync now would write to ChartHop.');
  await preview.waitForPlan();
  await preview.close();

  await shell.preview();
  await expect(preview.heading('Preview Sandbox')).toBeVisible();
  await preview.waitForPlan();
  const creates = preview.rowsOf('create');
  await expect(creates.first()).toBeVisible();
  const toCreate = await creates.count();
  const applicable = await preview.checkboxes.count();
  expect(applicable, 'the Sandbox has Lever requisitions to bring into ChartHop').toBeGreaterThan(0);
  // Apply selected follows the selection; Apply all does not need one.
  await preview.selectNone();
  await expect(preview.applyButton(0)).toBeDisabled();
  await expect(preview.applyAllButton).toBeEnabled();

  // Previewing wrote nothing: no run yet.
  expect(await api(page, host, 'runs:list', { profileId: 'sandbox', limit: 5 })).toEqual([]);

  await preview.applyAll();
  await expect(preview.result).toContainText(/Sync (succeeded|partly failed):/, { timeout: 90_000 });
  await expect(preview.result).toContainText(/created \d+ ChartHop jobs?/);
  const runs = await api(page, host, 'runs:list', { profileId: 'sandbox', limit: 5 });
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({ direction: 'inbound', trigger: 'manual' });
  expect(runs[0]?.counts.created).toBe(toCreate);
});

test('the consultant’s first Sync now on a profile shows the plan instead of writing; after Apply all, the next Sync now writes straight away', async ({
  page,
  host,
}) => {
  const { shell, planSheet: preview } = appModels(page);
  await shell.syncNow();
  await expect(preview.heading('Preview Sandbox')).toBeVisible();
  await expect(preview.firstSyncNote).toHaveText(
    'This is Sandbox’s first sync in this direction, so its plan is shown before anything is written. Later, Sync now writes straight away.',
  );
  await expect(preview.previewIntro).toContainText('ChartHop is the source of truth: this is what Sync now would write to Lever.');
  await preview.waitForPlan();
  expect(await api(page, host, 'runs:list', { profileId: 'sandbox', limit: 5 }), 'nothing written before Apply').toEqual([]);

  await preview.applyAll();
  await expect(preview.result).toContainText(/Sync (succeeded|partly failed):/, { timeout: 90_000 });
  await preview.close();

  // No longer the first sync: Sync now runs without the sheet and reports its result.
  await shell.syncNow();
  await expect(shell.syncResult).toContainText(/Sync (succeeded|partly failed):/, { timeout: 90_000 });
  await expect(preview.sheet).toBeHidden();
  const manual = (await api(page, host, 'runs:list', { profileId: 'sandbox', limit: 20 })).filter((run) => run.trigger === 'manual');
  expect(manual).toHaveLength(2);
});
