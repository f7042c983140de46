/** Screenshots of the doctor, webhook, sync and hires screens on the Sandbox (light and dark) for review (test-results/screenshots/) and compared with their baselines (snap.ts). */
import { api, expect, test } from './host-fixture.ts';
import { openSection } from './app-pages.ts';
import { hireOpportunity, leverState, sandboxOf, slowSyncWrites } from './sandbox-control.ts';
import { snap } from './snap.ts';

// The compared screenshots hide clock-dependent text with a style sheet (snap.ts), which the app's CSP would refuse.
test.use({ bypassCSP: true });


test('screenshots of Setup: Check connection, mappings, new-hire flow', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await openSection(page, 'Setup');
  await page.getByTestId('step-3').getByRole('button', { name: 'Check connection' }).click();
  await expect(page.getByTestId('doctor-report')).toBeVisible({ timeout: 20_000 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const suffix = scheme === 'dark' ? '-dark' : '';
    await snap(page.getByTestId('step-3'), `setup-check-connection${suffix}`);
    await snap(page.getByTestId('step-4'), `setup-data-flow${suffix}`);
    await snap(page.getByTestId('step-5'), `setup-new-hires${suffix}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await openSection(page, 'Home');
  await snap(page, 'home-after-check', { fullPage: true });
});

test('screenshots of Reconcile, Sync now, Runs and Home with runs', async ({ page, host }) => {
  const sandbox = sandboxOf(host);
  await api(page, host, 'settings:update', { profileId: 'sandbox', patch: { mappings: { users: { 'nora.edwards@northwind.example': 'nedwards@northwind.example' } } } });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole('button', { name: 'Reconcile…' }).click();
  const sheet = page.getByTestId('reconcile-sheet');
  await expect(sheet.getByTestId('plan-summary')).toBeVisible({ timeout: 30_000 });
  const drifted = sheet.getByTestId('plan-row').filter({ has: page.getByRole('button', { name: /^[1-9]\d* changes?$/ }) }).first();
  await drifted.getByRole('button', { name: /changes?$/ }).click();
  await snap(page, 'reconcile-plan');
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, 'reconcile-plan-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Map… on a record skipped as unmapped: the dialog with the other system's list, then left without saving.
  await sheet.getByRole('button', { name: /^Map the ChartHop user/ }).first().click();
  const map = page.getByTestId('map-dialog');
  await expect(map.getByRole('listbox')).toBeVisible({ timeout: 15_000 });
  await snap(page, 'map-dialog');
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, 'map-dialog-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await map.getByRole('button', { name: 'Cancel' }).click();
  await expect(map).toBeHidden();

  // Slow writes so the apply's progress can be caught.
  await slowSyncWrites(page.request, sandbox, 700);
  const count = await sheet.getByRole('button', { name: /^Apply \d+ selected$/ }).innerText();
  await sheet.getByRole('button', { name: count }).click();
  await expect(sheet.locator('.sheet-footer').getByText(/\d+ of \d+ records/)).toBeVisible({ timeout: 30_000 });
  await snap(page, 'reconcile-applying', { compare: false });
  // After Apply the sheet plans again: what was just applied, above what is left.
  await expect(sheet.getByTestId('reconcile-result')).toContainText('The plan below is what is left now.', { timeout: 60_000 });
  await snap(page, 'reconcile-result');
  await sheet.getByRole('button', { name: /^Open run \d+ in Runs$/ }).click();
  const detail = page.getByTestId('run-detail');
  await detail.getByTestId('run-item').first().getByRole('button', { name: 'Changes' }).click();
  await snap(page, 'run-detail', { fullPage: true });

  await api(page, host, 'settings:update', { profileId: 'sandbox', patch: { mappings: { users: { 'nora.edwards@northwind.example': 'nedwards@northwind.example', 'daniel.obrien@northwind.example': 'daniel.obrien@northwindlabs.example' } } } });
  await page.locator('.topbar').getByRole('button', { name: 'Sync now' }).click();
  await expect(page.locator('.topbar').getByText(/\d+ of \d+ records/)).toBeVisible({ timeout: 30_000 });
  await snap(page, 'sync-progress', { compare: false });
  await expect(page.getByTestId('sync-result')).toBeVisible({ timeout: 60_000 });
  await snap(page, 'sync-result');
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, 'sync-result-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('button', { name: '← All runs' }).click();
  await expect(page.getByTestId('runs-table').getByRole('row')).toHaveCount(3);
  await snap(page, 'runs');
  await openSection(page, 'Home');
  await snap(page, 'home-with-runs', { fullPage: true });
});

test('screenshots of the Hires page after a catch-up', async ({ page }) => {
  await openSection(page, 'Hires');
  await snap(page, 'hires-empty');
  await page.getByRole('button', { name: 'Catch up now' }).click();
  await expect(page.getByTestId('catch-up-result')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('hire-row').filter({ has: page.locator('[data-decision="created"]') }).first().getByRole('button', { name: 'Details' }).click();
  await snap(page, 'hires');
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, 'hires-dark');
});

test('screenshots of the new-hire webhook step once the listener is up, and a delivered hire', async ({ page, host }) => {
  const sandbox = sandboxOf(host);
  await page.setViewportSize({ width: 1280, height: 2000 });
  await openSection(page, 'Setup');
  await expect(page.getByTestId('step-5').getByTestId('webhook-url')).toBeVisible({ timeout: 20_000 });
  await snap(page.getByTestId('step-5'), 'setup-webhook-ready');

  const state = await leverState(page.request, sandbox);
  const candidate = state.opportunities.find((opp) => !opp.archived && opp.application?.posting && opp.emails.length > 0);
  if (!candidate) throw new Error('The Sandbox has no active candidate to hire.');
  await openSection(page, 'Hires');
  await hireOpportunity(page.request, sandbox, candidate.id, { startDate: Date.UTC(2027, 0, 4) });
  await expect(page.locator(`[data-testid="hire-row"][data-opportunity="${candidate.id}"]`)).toBeVisible({ timeout: 30_000 });
  await page.setViewportSize({ width: 1280, height: 900 });
  await snap(page, 'hires-delivered');
});
