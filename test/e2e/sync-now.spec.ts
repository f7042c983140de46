/** Acceptance (issue 5): Sync now shows progress (records done / total, Cancel) and the result, and the run appears in Runs. */
import { expect, test } from './host-fixture.ts';
import { openSection } from './app-pages.ts';
import { sandboxOf, slowSyncWrites } from './sandbox-control.ts';

test('Sync now on the Sandbox shows progress with counts and Cancel, then the result; Runs lists the run', async ({ page, host }) => {
  // Slow the first read and every write so the progress can be watched.
  await slowSyncWrites(page.request, sandboxOf(host), 600);

  const topbar = page.locator('.topbar');
  await topbar.getByRole('button', { name: 'Sync now' }).click();
  await expect(topbar.getByRole('progressbar')).toBeVisible();
  await expect(topbar.getByTestId('progress')).toContainText(/Starting the sync|Reading ChartHop and Lever|Planning/);
  await expect(topbar.getByRole('button', { name: 'Sync now' })).toBeDisabled();
  await expect(topbar.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(topbar.getByTestId('progress')).toContainText(/\d+ of \d+ records/, { timeout: 30_000 });

  const result = page.getByTestId('sync-result');
  await expect(result).toContainText(/Sync (succeeded|partly failed):/, { timeout: 90_000 });
  await expect(result).toContainText(/\d+ (created|updated|linked|closed)/);
  await expect(topbar.getByRole('progressbar')).toHaveCount(0);
  await expect(topbar.getByRole('button', { name: 'Sync now' })).toBeEnabled();

  await result.getByRole('button', { name: /^Open run \d+$/ }).click();
  await expect(page.getByTestId('run-detail')).toContainText('Sync now');
  await page.getByRole('button', { name: '← All runs' }).click();
  const row = page.getByTestId('runs-table').getByRole('row').filter({ hasText: 'Sync now' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('ChartHop → Lever');
  await openSection(page, 'Home');
  await expect(page.getByTestId('home-last-run')).toBeVisible();
  await expect(page.getByTestId('runs-chart')).toBeVisible();
});

test('Cancel stops a running Sync now between records and says so', async ({ page, host }) => {
  await slowSyncWrites(page.request, sandboxOf(host), 1500);
  const topbar = page.locator('.topbar');
  await topbar.getByRole('button', { name: 'Sync now' }).click();
  await expect(topbar.getByTestId('progress')).toContainText(/Writing changes/, { timeout: 30_000 });
  await topbar.getByRole('button', { name: 'Cancel' }).click();
  await expect(topbar.getByRole('button', { name: 'Cancelling…' })).toBeDisabled();
  const result = page.getByTestId('sync-result');
  await expect(result).toContainText('Sync cancelled:', { timeout: 30_000 });
  await result.getByRole('button', { name: /^Open run \d+$/ }).click();
  await expect(page.getByTestId('run-detail').locator('.pill')).toHaveText('Cancelled');
  await expect(page.getByTestId('run-detail').locator('[data-testid="run-item"][data-outcome="cancelled"]').first()).toBeVisible();
});
