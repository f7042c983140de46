/**
 * Issue 7 (UI): "Pull candidate metrics now" records a metrics run that opens in Runs, each job with its four
 * numbers before → after and how they were counted; a notification's run link (`runs/<profileId>/<runId>`) opens its run.
 */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

test('after Sync now links the Sandbox jobs, Pull candidate metrics creates a metrics run whose detail lists the jobs with their numbers', async ({
  page,
  host,
}) => {
  const { shell, home, planSheet: preview, runs, runDetail } = appModels(page);
  // The first sync goes through the Preview: Apply all.
  await shell.syncNow();
  await preview.applyAll();
  await expect(preview.result).toContainText(/linked \d+/, { timeout: 60_000 });
  await preview.close();

  const card = home.card('sandbox');
  await card.pullMetrics();
  await expect(runDetail.meta).toContainText('Pull metrics now · Candidate metrics (Lever → ChartHop)', { timeout: 30_000 });
  await expect(shell.title).toHaveText('Runs');
  await expect(runDetail.status).toHaveText('Succeeded');
  await expect(runDetail.counts).toHaveText(/^\d+ jobs? written/);

  // Every linked job is listed with its four numbers; the first pull writes numbers ChartHop did not have yet.
  const runId = await runDetail.runId();
  const run = await api(page, host, 'runs:get', { profileId: 'sandbox', runId });
  expect(run.direction).toBe('metrics');
  expect(run.items.length).toBeGreaterThan(0);
  await expect(runDetail.items).toHaveCount(run.items.length);
  await expect(runDetail.changedMetrics.first()).toBeVisible();
  for (const [index, item] of run.items.slice(0, 3).entries()) {
    const record = runDetail.record(index);
    await expect(record.title).toHaveText(item.title);
    await expect(record.outcome).toHaveText(item.outcome === 'applied' ? 'Written' : 'Unchanged');
    await expect(record.metricFields).toHaveCount(4);
    for (const diff of item.diff) {
      // The run log carries all four numbers; unchanged ones have before = after.
      const expected = diff.before === diff.after ? `${diff.after ?? '—'} (unchanged)` : `${diff.before ?? '—'} → ${diff.after ?? '—'}`;
      await expect(record.metricValue(diff.field)).toContainText(expected);
    }
    await expect(record.root).toContainText(item.reasonText);
  }

  // A second pull from the Runs page changes nothing: every job shows its unchanged numbers, read from the explanation.
  await runDetail.backToRuns();
  await expect(runs.rowsWith('Candidate metrics')).toHaveCount(1);
  await runs.pullMetrics();
  await expect(runDetail.runHeading).toContainText(`Run ${runId + 1}`);
  await expect(runDetail.counts).toHaveText(`${run.items.length} unchanged`);
  await expect(runDetail.changedMetrics).toHaveCount(0);
  const first = runDetail.record(0);
  for (const field of ['active', 'interview', 'activeOffers', 'totalOffers']) {
    await expect(first.metricValue(field)).toHaveText(/^\d+ \(unchanged\)$/);
  }
  const changed = run.items[0]?.diff.find((diff) => diff.field === 'active');
  if (changed?.after) await expect(first.metricValue('active')).toContainText(changed.after);

  // Home lists it among the last runs, worded for metrics.
  await home.open();
  await expect(card.lastRun).toContainText('Candidate metrics');
  await expect(card.lastRun).toContainText(`${run.items.length} unchanged`);
});

test('a run link runs/<profileId>/<runId> switches to the run’s profile and opens its detail, also on a fresh load', async ({
  page,
  host,
}) => {
  const { shell, runDetail } = appModels(page);
  const run = await api(page, host, 'metrics:run', { profileId: 'sandbox' });
  const { id } = await api(page, host, 'profiles:create', { name: 'Initech Links' });
  await api(page, host, 'profiles:select', { id });
  await page.reload();
  await expect(shell.currentProfile).toHaveText('Initech Links');

  // What the desktop app's notification sends as app:navigate, followed here through the hash (the same parser and action).
  await page.evaluate(`window.location.hash = '#/runs/sandbox/${run.id}'`);
  await expect(shell.currentProfile).toHaveText('Sandbox');
  await expect(shell.title).toHaveText('Runs');
  await expect(runDetail.runHeading).toContainText(`Run ${run.id}`);
  await expect(runDetail.meta).toContainText('Candidate metrics (Lever → ChartHop)');
  await expect(runDetail.detail).toContainText('No linked jobs to count yet');

  // Opened as the app's first page (as the desktop app does after a notification's click), with another profile selected.
  // The page is already at this very URL, so going there again would only be a same-document hash visit:
  // leave the app first, so this really is a fresh load.
  await api(page, host, 'profiles:select', { id });
  await page.goto('about:blank');
  await page.goto(`${host.origin}/#/runs/sandbox/${run.id}`);
  await expect(shell.currentProfile).toHaveText('Sandbox');
  await expect(runDetail.runHeading).toContainText(`Run ${run.id}`);

  // A malformed link still lands on the Runs page, on the list.
  await page.evaluate(`window.location.hash = '#/runs/Not A Profile/x'`);
  await expect(shell.title).toHaveText('Runs');
});

test('a run link selects its profile even when this window has not yet heard of a switch made elsewhere', async ({ page, host }) => {
  const { shell, runDetail } = appModels(page);
  const run = await api(page, host, 'metrics:run', { profileId: 'sandbox' });
  const { id } = await api(page, host, 'profiles:create', { name: 'Initech Elsewhere' });
  // Cut the event stream, so this window keeps believing the Sandbox is selected.
  await page.route('**/api/events', (route) => route.abort());
  await page.reload();
  await expect(shell.currentProfile).toHaveText('Sandbox');
  await api(page, host, 'profiles:select', { id });
  await expect(shell.currentProfile).toHaveText('Sandbox');

  await page.evaluate(`window.location.hash = '#/runs/sandbox/${run.id}'`);
  await expect(runDetail.runHeading).toContainText(`Run ${run.id}`);
  expect((await api(page, host, 'profiles:list', {})).selectedId).toBe('sandbox');
});
