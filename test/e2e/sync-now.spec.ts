/**
 * Acceptance (issue 5): Sync now shows progress (records done / total, Cancel) and the result, and the run appears in Runs;
 * while a run is going, the buttons that would start another one are disabled and say why; a large change offers Reconcile…;
 * a client profile that is not set up yet points to Setup instead of Sync now.
 */
import { api, expect, test } from './host-fixture.ts';
import { openSection } from './app-pages.ts';
import { deleteCharthopJobs, sandboxOf, slowSyncWrites } from './sandbox-control.ts';
import { syncOnceFirst } from './first-sync.ts';

test('Sync now on the Sandbox shows progress with counts and Cancel, then the result; Runs lists the run', async ({ page, host }) => {
  // Past the first sync, which goes through the Preview (preview.spec.ts).
  await syncOnceFirst(page, host);
  // Slow the first read and every write so the progress can be watched.
  await slowSyncWrites(page.request, sandboxOf(host), 600);

  const topbar = page.locator('.topbar');
  await topbar.getByRole('button', { name: 'Sync now' }).click();
  await expect(topbar.getByRole('progressbar')).toBeVisible();
  await expect(topbar.getByTestId('progress')).toContainText(/Starting the sync|Reading ChartHop and Lever|Planning/);
  await expect(topbar.getByRole('button', { name: 'Sync now' })).toBeDisabled();
  await expect(topbar.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(topbar.getByTestId('progress')).toContainText(/\d+ of \d+ records/, { timeout: 30_000 });
  // While writing, the current phase and, once a record is done, the ETA at the pace so far (RunProgressView → progressDetail).
  await expect(topbar.getByTestId('progress')).toContainText(/Writing changes/, { timeout: 30_000 });
  await expect(topbar.getByTestId('progress')).toContainText(/\d+ of \d+ records · (about \d+ (s|min) left|almost done)/, { timeout: 30_000 });

  const result = page.getByTestId('sync-result');
  await expect(result).toContainText(/Sync (succeeded|partly failed):/, { timeout: 90_000 });
  await expect(result).toContainText(/(created|updated|linked|closed) \d+/);
  await expect(topbar.getByRole('progressbar')).toHaveCount(0);
  await expect(topbar.getByRole('button', { name: 'Sync now' })).toBeEnabled();

  await result.getByRole('button', { name: /^Open run \d+$/ }).click();
  await expect(page.getByTestId('run-detail')).toContainText('Sync now');
  await page.getByRole('button', { name: '← All runs' }).click();
  const rows = page.getByTestId('runs-table').getByRole('row').filter({ hasText: 'Sync now' });
  await expect(rows).toHaveCount(2);
  const row = rows.first();
  await expect(row).toContainText('ChartHop → Lever');
  await openSection(page, 'Home');
  await expect(page.getByTestId('home-last-run')).toBeVisible();
  await expect(page.getByTestId('runs-chart')).toBeVisible();
});

test('Cancel stops a running Sync now between records and says so', async ({ page, host }) => {
  await syncOnceFirst(page, host);
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
  const detail = page.getByTestId('run-detail');
  const cancelledItems = detail.locator('[data-testid="run-item"][data-outcome="cancelled"]');
  await expect(cancelledItems.first()).toBeVisible();
  // The run's counts name its cancelled records, in the detail and in the Runs table.
  const cancelled = await cancelledItems.count();
  await expect(detail.locator('.run-counts')).toContainText(`${cancelled} cancelled`);
  await detail.getByRole('button', { name: '← All runs' }).click();
  await expect(page.getByTestId('runs-table').getByRole('row').filter({ hasText: 'Cancelled' }).getByTestId('runs-cancelled')).toHaveText(String(cancelled));
});

const RUN_IN_PROGRESS = 'A run is in progress — wait for it to finish or cancel it.';

test('while a run is in progress, Home’s Sync now, Reconcile… and Pull candidate metrics now are disabled and say why; Runs’ Sync now too', async ({ page, host }) => {
  await slowSyncWrites(page.request, sandboxOf(host), 1500);
  const card = page.locator('[data-testid="home-card"][data-profile="sandbox"]');
  const homeRuns = card.getByTestId('home-runs');
  const topbar = page.locator('.topbar');
  // A run started elsewhere (the CLI's or the tray's), before this profile has any run: Home still shows its empty state.
  const running = api(page, host, 'sync:run', { profileId: 'sandbox', confirmLargeChange: false }).catch(() => null);
  await expect(topbar.getByRole('progressbar')).toBeVisible();

  // Home's own Sync now (the runs list refreshes only when the run ends, so the empty state stays meanwhile).
  const homeSync = homeRuns.getByRole('button', { name: 'Sync now' });
  await expect(homeSync).toBeDisabled();
  await expect(homeSync).toHaveAccessibleDescription(RUN_IN_PROGRESS);
  await expect(homeRuns.getByText(RUN_IN_PROGRESS)).toBeVisible();
  const pull = card.getByRole('button', { name: 'Pull candidate metrics now' });
  await expect(pull).toBeDisabled();
  await expect(pull).toHaveAttribute('title', RUN_IN_PROGRESS);
  for (const name of ['Sync now', 'Reconcile…']) {
    const button = topbar.getByRole('button', { name });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute('title', RUN_IN_PROGRESS);
    await expect(button).toHaveAccessibleDescription(RUN_IN_PROGRESS);
  }

  await openSection(page, 'Runs');
  const runsSync = page.locator('.empty-state').getByRole('button', { name: 'Sync now' });
  await expect(runsSync).toBeDisabled();
  await expect(runsSync).toHaveAccessibleDescription(RUN_IN_PROGRESS);

  // Once the run has ended (cancelled here), everything can start a run again.
  await topbar.getByRole('button', { name: 'Cancel' }).click();
  expect((await running)?.status).toMatch(/^(cancelled|succeeded|partial)$/);
  await expect(topbar.getByRole('progressbar')).toHaveCount(0);
  await expect(topbar.getByRole('button', { name: 'Reconcile…' })).toBeEnabled();
  await expect(topbar.getByRole('button', { name: 'Reconcile…' })).not.toHaveAttribute('title', RUN_IN_PROGRESS);
  await expect(page.getByTestId('runs-table')).toBeVisible();
  await openSection(page, 'Home');
  await expect(card.getByRole('button', { name: 'Pull candidate metrics now' })).toBeEnabled();
  await expect(page.getByTestId('run-busy-reason')).toHaveCount(0);
});

test('a large change stops Sync now with a question whose "Review in Reconcile…" opens the Reconcile sheet, writing nothing', async ({ page, host }) => {
  // Link the Sandbox's requisitions, then delete every job in ChartHop: the next sync would close them all.
  const first = await api(page, host, 'sync:run', { profileId: 'sandbox', confirmLargeChange: false });
  expect(first.counts.linked + first.counts.created).toBeGreaterThan(0);
  expect(await deleteCharthopJobs(page.request, sandboxOf(host))).toBeGreaterThan(0);

  await page.locator('.topbar').getByRole('button', { name: 'Sync now' }).click();
  const dialog = page.getByRole('dialog', { name: 'Apply a large change?' });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toContainText('Nothing was written yet.');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Review in Reconcile…' }).click();

  await expect(dialog).toBeHidden();
  const sheet = page.getByTestId('reconcile-sheet');
  await expect(sheet.getByRole('heading', { name: 'Reconcile Sandbox' })).toBeVisible();
  await expect(sheet.getByTestId('plan-summary')).toBeVisible({ timeout: 30_000 });
  const runs = await api(page, host, 'runs:list', { profileId: 'sandbox' });
  expect(runs.map((run) => run.status)).toEqual(['needs_confirmation', first.status]);
});

test('a client profile without its keys and org: Home and Runs say to finish Setup first and mention the Sandbox, instead of offering Sync now', async ({ page, host }) => {
  // Unique name: the keychain is shared by parallel tests.
  const name = `Globex ${Date.now().toString(36)}`;
  const { id } = await api(page, host, 'profiles:create', { name });
  await api(page, host, 'profiles:select', { id });
  await page.reload();
  const missing = `${name} still needs the Lever API key, the ChartHop API token and the ChartHop org`;

  const card = page.locator(`[data-testid="home-card"][data-profile="${id}"]`);
  const setupFirst = card.getByTestId('home-setup-first');
  await expect(setupFirst).toContainText(`No runs yet — finish Setup first: ${missing}.`);
  await expect(setupFirst).toContainText('use the Sandbox profile');
  await expect(card.getByTestId('home-runs').getByRole('button', { name: 'Sync now' })).toHaveCount(0);

  await openSection(page, 'Runs');
  await expect(page.getByTestId('runs-setup-first')).toContainText(`Finish Setup first: ${missing}`);
  await expect(page.locator('.empty-state').getByRole('button', { name: 'Sync now' })).toHaveCount(0);
  await page.locator('.empty-state').getByRole('button', { name: 'Finish Setup' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Setup');

  await openSection(page, 'Home');
  await setupFirst.getByRole('button', { name: 'Finish Setup' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Setup');

  // Only the org left: the sentence names just that. With everything in place, Sync now is back.
  await api(page, host, 'secrets:set', { profileId: id, name: 'leverApiKey', value: `lvr_e2e_${id}_key_A1b2` });
  await api(page, host, 'secrets:set', { profileId: id, name: 'charthopToken', value: `cht_e2e_${id}_token_C3d4` });
  await openSection(page, 'Home');
  await expect(setupFirst).toContainText(`${name} still needs the ChartHop org.`);
  await api(page, host, 'settings:update', { profileId: id, patch: { charthop: { org: 'globex' } } });
  await expect(setupFirst).toHaveCount(0);
  await expect(card.getByTestId('home-runs').getByRole('button', { name: 'Sync now' })).toBeEnabled();
});
