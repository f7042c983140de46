/** Screenshots of the doctor, webhook, sync and hires screens on the Sandbox (light and dark) for review (test-results/screenshots/) and compared with their baselines (snap.ts). */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';
import { mapUserButtons } from './pages/map-buttons.ts';
import { mapDialog } from './pages/map-dialog.ts';
import { hireOpportunity, leverState, sandboxOf, slowSyncWrites } from './sandbox-control.ts';
import { snap } from './snap.ts';

// The compared screenshots hide clock-dependent text with a style sheet (snap.ts), which the app's CSP would refuse.
test.use({ bypassCSP: true });

test('screenshots of Setup: Check connection, mappings, new-hire flow', async ({ page }) => {
  const { home, setup } = appModels(page);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await setup.open();
  await setup.checkConnection();
  await expect(setup.connectionCheck.report).toBeVisible({ timeout: 20_000 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const suffix = scheme === 'dark' ? '-dark' : '';
    await snap(page.getByTestId('step-3'), `setup-check-connection${suffix}`);
    await snap(page.getByTestId('step-4'), `setup-data-flow${suffix}`);
    await snap(page.getByTestId('step-5'), `setup-new-hires${suffix}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await home.open();
  await snap(page, 'home-after-check', { fullPage: true });
});

test('screenshots of Reconcile, Sync now, Runs and Home with runs', async ({ page, host }) => {
  const { shell, home, planSheet: reconcile, runs, runDetail } = appModels(page);
  const sandbox = sandboxOf(host);
  await api(page, host, 'settings:update', {
    profileId: 'sandbox',
    patch: { mappings: { users: { 'nora.edwards@northwind.example': 'nedwards@northwind.example' } } },
  });
  await page.setViewportSize({ width: 1280, height: 900 });

  await reconcile.open();
  await reconcile.firstDriftedRow().showChanges();
  await snap(page, 'reconcile-plan');
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, 'reconcile-plan-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Map… on a record skipped as unmapped: the dialog with the other system's list, then left without saving.
  const map = mapDialog(page);
  await map.openFrom(mapUserButtons(reconcile.sheet).first());
  await expect(map.choices).toBeVisible({ timeout: 15_000 });
  await snap(page, 'map-dialog');
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, 'map-dialog-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await map.cancel();

  // Slow writes so the apply's progress can be caught.
  await slowSyncWrites(page.request, sandbox, 700);
  await reconcile.applySelected();
  await expect(reconcile.footerProgress).toBeVisible({ timeout: 30_000 });
  await snap(page, 'reconcile-applying', { compare: false });
  // After Apply the sheet plans again: what was just applied, above what is left.
  await expect(reconcile.result).toContainText('The plan below is what is left now.', { timeout: 60_000 });
  await snap(page, 'reconcile-result');
  await reconcile.openRun();
  await runDetail.record(0).showChanges();
  await snap(page, 'run-detail', { fullPage: true });

  await api(page, host, 'settings:update', {
    profileId: 'sandbox',
    patch: {
      mappings: {
        users: {
          'nora.edwards@northwind.example': 'nedwards@northwind.example',
          'daniel.obrien@northwind.example': 'daniel.obrien@northwindlabs.example',
        },
      },
    },
  });
  await shell.syncNow();
  await expect(shell.recordsProgress).toBeVisible({ timeout: 30_000 });
  await snap(page, 'sync-progress', { compare: false });
  await expect(shell.syncResult).toBeVisible({ timeout: 60_000 });
  await snap(page, 'sync-result');
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, 'sync-result-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await runDetail.backToRuns();
  await expect(runs.tableRows).toHaveCount(3);
  await snap(page, 'runs');
  await home.open();
  await snap(page, 'home-with-runs', { fullPage: true });
});

test('screenshots of the Hires page after a catch-up', async ({ page }) => {
  const { hires } = appModels(page);
  await hires.open();
  await snap(page, 'hires-empty');
  await hires.catchUp();
  await expect(hires.catchUpResult).toBeVisible({ timeout: 30_000 });
  await hires.openDetails(hires.rowsDecided('created').first());
  await snap(page, 'hires');
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, 'hires-dark');
});

test('screenshots of the new-hire webhook step once the listener is up, and a delivered hire', async ({ page, host }) => {
  const { setup, hires } = appModels(page);
  const sandbox = sandboxOf(host);
  await page.setViewportSize({ width: 1280, height: 2000 });
  await setup.open();
  await expect(setup.webhook.url).toBeVisible({ timeout: 20_000 });
  await snap(page.getByTestId('step-5'), 'setup-webhook-ready');

  const state = await leverState(page.request, sandbox);
  const candidate = state.opportunities.find((opp) => !opp.archived && opp.application?.posting && opp.emails.length > 0);
  if (!candidate) throw new Error('The Sandbox has no active candidate to hire.');
  await hires.open();
  await hireOpportunity(page.request, sandbox, candidate.id, { startDate: Date.UTC(2027, 0, 4) });
  await expect(hires.rowOfOpportunity(candidate.id)).toBeVisible({ timeout: 30_000 });
  await page.setViewportSize({ width: 1280, height: 900 });
  await snap(page, 'hires-delivered');
});
