/**
 * Acceptance (issue 5): Sync now shows progress (records done / total, Cancel) and the result, and the run appears in Runs;
 * while a run is going, the buttons that would start another one are disabled and say why; a large change offers Reconcile…;
 * a client profile that is not set up yet points to Setup instead of Sync now.
 */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';
import { deleteCharthopJobs, sandboxOf, slowSyncWrites } from './sandbox-control.ts';
import { syncOnceFirst } from './first-sync.ts';

test('Sync now on the Sandbox shows progress with counts and Cancel, then the result; Runs lists the run', async ({ page, host }) => {
  const { shell, home, runs, runDetail } = appModels(page);
  // Past the first sync, which goes through the Preview (preview.spec.ts).
  await syncOnceFirst(page, host);
  // Slow the first read and every write so the progress can be watched.
  await slowSyncWrites(page.request, sandboxOf(host), 600);

  await shell.syncNow();
  await expect(shell.progressBar).toBeVisible();
  await expect(shell.progress).toContainText(/Starting the sync|Reading ChartHop and Lever|Planning/);
  await expect(shell.syncNowButton).toBeDisabled();
  await expect(shell.cancelRunButton).toBeVisible();
  await expect(shell.progress).toContainText(/\d+ of \d+ records/, { timeout: 30_000 });
  // While writing, the current phase and, once a record is done, the ETA at the pace so far (RunProgressView → progressDetail).
  await expect(shell.progress).toContainText(/Writing changes/, { timeout: 30_000 });
  await expect(shell.progress).toContainText(/\d+ of \d+ records · (about \d+ (s|min) left|almost done)/, { timeout: 30_000 });

  await expect(shell.syncResult).toContainText(/Sync (succeeded|partly failed):/, { timeout: 90_000 });
  await expect(shell.syncResult).toContainText(/(created|updated|linked|closed) \d+/);
  await expect(shell.progressBar).toHaveCount(0);
  await expect(shell.syncNowButton).toBeEnabled();

  await shell.openSyncResultRun();
  await expect(runDetail.detail).toContainText('Sync now');
  await runDetail.backToRuns();
  const rows = runs.rowsWith('Sync now');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('ChartHop → Lever');
  await home.open();
  await expect(home.lastRun).toBeVisible();
  await expect(home.chart).toBeVisible();
});

test('Cancel stops a running Sync now between records and says so', async ({ page, host }) => {
  const { shell, runs, runDetail } = appModels(page);
  await syncOnceFirst(page, host);
  await slowSyncWrites(page.request, sandboxOf(host), 1500);
  await shell.syncNow();
  await expect(shell.progress).toContainText(/Writing changes/, { timeout: 30_000 });
  await shell.cancelRun();
  await expect(shell.cancellingButton).toBeDisabled();
  await expect(shell.syncResult).toContainText('Sync cancelled:', { timeout: 30_000 });
  await shell.openSyncResultRun();
  await expect(runDetail.status).toHaveText('Cancelled');
  const cancelledItems = runDetail.itemsWithOutcome('cancelled');
  await expect(cancelledItems.first()).toBeVisible();
  // The run's counts name its cancelled records, in the detail and in the Runs table.
  const cancelled = await cancelledItems.count();
  await expect(runDetail.counts).toContainText(`${cancelled} cancelled`);
  await runDetail.backToRuns();
  await expect(runs.cancelledCountOf('Cancelled')).toHaveText(String(cancelled));
});

const RUN_IN_PROGRESS = 'A run is in progress — wait for it to finish or cancel it.';

test('while a run is in progress, Home’s Sync now, Reconcile… and Pull candidate metrics now are disabled and say why; Runs’ Sync now too', async ({
  page,
  host,
}) => {
  const { shell, home, runs } = appModels(page);
  await slowSyncWrites(page.request, sandboxOf(host), 1500);
  // A run started elsewhere (the CLI's or the tray's), before this profile has any run: Home still shows its empty state.
  const running = api(page, host, 'sync:run', { profileId: 'sandbox', confirmLargeChange: false }).catch(() => null);
  await expect(shell.progressBar).toBeVisible();

  // Home's own Sync now (the runs list refreshes only when the run ends, so the empty state stays meanwhile).
  const homeSync = home.card('sandbox').syncNowButton;
  await expect(homeSync).toBeDisabled();
  await expect(homeSync).toHaveAccessibleDescription(RUN_IN_PROGRESS);
  await expect(home.card('sandbox').runsNote(RUN_IN_PROGRESS)).toBeVisible();
  const pull = home.card('sandbox').pullMetricsButton;
  await expect(pull).toBeDisabled();
  await expect(pull).toHaveAttribute('title', RUN_IN_PROGRESS);
  for (const button of [shell.syncNowButton, shell.reconcileButton]) {
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute('title', RUN_IN_PROGRESS);
    await expect(button).toHaveAccessibleDescription(RUN_IN_PROGRESS);
  }

  await runs.open();
  await expect(runs.emptyStateSyncNow).toBeDisabled();
  await expect(runs.emptyStateSyncNow).toHaveAccessibleDescription(RUN_IN_PROGRESS);

  // Once the run has ended (cancelled here), everything can start a run again.
  await shell.cancelRun();
  expect((await running)?.status).toMatch(/^(cancelled|succeeded|partial)$/);
  await expect(shell.progressBar).toHaveCount(0);
  await expect(shell.reconcileButton).toBeEnabled();
  await expect(shell.reconcileButton).not.toHaveAttribute('title', RUN_IN_PROGRESS);
  await expect(runs.table).toBeVisible();
  await home.open();
  await expect(home.card('sandbox').pullMetricsButton).toBeEnabled();
  await expect(shell.runBusyReason).toHaveCount(0);
});

test('a large change stops Sync now with a question whose "Review in Reconcile…" opens the Reconcile sheet, writing nothing', async ({
  page,
  host,
}) => {
  const { shell, planSheet: reconcile } = appModels(page);
  // Link the Sandbox's requisitions, then delete every job in ChartHop: the next sync would close them all.
  const first = await api(page, host, 'sync:run', { profileId: 'sandbox', confirmLargeChange: false });
  expect(first.counts.linked + first.counts.created).toBeGreaterThan(0);
  expect(await deleteCharthopJobs(page.request, sandboxOf(host))).toBeGreaterThan(0);

  await shell.syncNow();
  await expect(shell.largeChangeDialog).toBeVisible({ timeout: 30_000 });
  await expect(shell.largeChangeDialog).toContainText('Nothing was written yet.');
  await expect(shell.largeChangeCancelButton()).toBeFocused();
  await shell.reviewLargeChangeInReconcile();

  await expect(shell.largeChangeDialog).toBeHidden();
  await expect(reconcile.heading('Reconcile Sandbox')).toBeVisible();
  await reconcile.waitForPlan();
  const runs = await api(page, host, 'runs:list', { profileId: 'sandbox' });
  expect(runs.map((run) => run.status)).toEqual(['needs_confirmation', first.status]);
});

test('a client profile without its keys and org: Home and Runs say to finish Setup first and mention the Sandbox, instead of offering Sync now', async ({
  page,
  host,
}) => {
  const { shell, home, runs } = appModels(page);
  // Unique name: the keychain is shared by parallel tests.
  const name = `Globex ${Date.now().toString(36)}`;
  const { id } = await api(page, host, 'profiles:create', { name });
  await api(page, host, 'profiles:select', { id });
  await page.reload();
  const missing = `${name} still needs the Lever API key, the ChartHop API token and the ChartHop org`;

  const setupFirst = home.card(id).setupFirst;
  await expect(setupFirst).toContainText(`No runs yet — finish Setup first: ${missing}.`);
  await expect(setupFirst).toContainText('use the Sandbox profile');
  await expect(home.card(id).syncNowButton).toHaveCount(0);

  await runs.open();
  await expect(runs.setupFirst).toContainText(`Finish Setup first: ${missing}`);
  await expect(runs.emptyStateSyncNow).toHaveCount(0);
  await runs.finishSetup();
  await expect(shell.title).toHaveText('Setup');

  await home.open();
  await home.card(id).finishSetup();
  await expect(shell.title).toHaveText('Setup');

  // Only the org left: the sentence names just that. With everything in place, Sync now is back.
  await api(page, host, 'secrets:set', { profileId: id, name: 'leverApiKey', value: `lvr_e2e_${id}_key_A1b2` });
  await api(page, host, 'secrets:set', { profileId: id, name: 'charthopToken', value: `cht_e2e_${id}_token_C3d4` });
  await home.open();
  await expect(setupFirst).toContainText(`${name} still needs the ChartHop org.`);
  await api(page, host, 'settings:update', { profileId: id, patch: { charthop: { org: 'globex' } } });
  await expect(setupFirst).toHaveCount(0);
  await expect(home.card(id).syncNowButton).toBeEnabled();
});
