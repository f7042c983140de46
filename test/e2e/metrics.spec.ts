/**
 * Issue 7 (UI): "Pull candidate metrics now" records a metrics run that opens in Runs, each job with its four
 * numbers before → after and how they were counted; a notification's run link (`runs/<profileId>/<runId>`) opens its run.
 */
import { api, expect, test } from './host-fixture.ts';
import { openSection } from './app-pages.ts';

test('after Sync now links the Sandbox jobs, Pull candidate metrics creates a metrics run whose detail lists the jobs with their numbers', async ({ page, host }) => {
  const topbar = page.locator('.topbar');
  // The first sync goes through the Preview: Apply all.
  await topbar.getByRole('button', { name: 'Sync now' }).click();
  const sheet = page.getByTestId('reconcile-sheet');
  await sheet.getByRole('button', { name: 'Apply all' }).click();
  await expect(sheet.getByTestId('reconcile-result')).toContainText(/linked \d+/, { timeout: 60_000 });
  await sheet.getByRole('button', { name: 'Close', exact: true }).click();

  const card = page.locator('[data-testid="home-card"][data-profile="sandbox"]');
  await card.getByRole('button', { name: 'Pull candidate metrics now' }).click();
  const detail = page.getByTestId('run-detail');
  await expect(detail.locator('.run-meta')).toContainText('Pull metrics now · Candidate metrics (Lever → ChartHop)', { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Runs');
  await expect(detail.locator('.pill')).toHaveText('Succeeded');
  await expect(detail.locator('.run-counts')).toHaveText(/^\d+ jobs? written/);

  // Every linked job is listed with its four numbers; the first pull writes numbers ChartHop did not have yet.
  const runId = Number((await detail.getByRole('heading', { level: 2 }).innerText()).match(/Run (\d+)/)?.[1]);
  const run = await api(page, host, 'runs:get', { profileId: 'sandbox', runId });
  expect(run.direction).toBe('metrics');
  expect(run.items.length).toBeGreaterThan(0);
  const items = detail.getByTestId('run-item');
  await expect(items).toHaveCount(run.items.length);
  await expect(detail.locator('[data-testid="metric-numbers"] .metric-changed').first()).toBeVisible();
  for (const [index, item] of run.items.slice(0, 3).entries()) {
    const row = items.nth(index);
    await expect(row.locator('.plan-row-title')).toHaveText(item.title);
    await expect(row.locator('.outcome-tag')).toHaveText(item.outcome === 'applied' ? 'Written' : 'Unchanged');
    await expect(row.getByTestId('metric-numbers').locator('[data-field]')).toHaveCount(4);
    for (const diff of item.diff) {
      const value = row.locator(`[data-field="${diff.field}"] dd`);
      // The run log carries all four numbers; unchanged ones have before = after.
      await expect(value).toContainText(diff.before === diff.after ? `${diff.after ?? '—'} (unchanged)` : `${diff.before ?? '—'} → ${diff.after ?? '—'}`);
    }
    await expect(row).toContainText(item.reasonText);
  }

  // A second pull from the Runs page changes nothing: every job shows its unchanged numbers, read from the explanation.
  await detail.getByRole('button', { name: '← All runs' }).click();
  await expect(page.getByTestId('runs-table').getByRole('row').filter({ hasText: 'Candidate metrics' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Pull candidate metrics now' }).click();
  await expect(detail.getByRole('heading', { level: 2 })).toContainText(`Run ${runId + 1}`);
  await expect(detail.locator('.run-counts')).toHaveText(`${run.items.length} unchanged`);
  await expect(detail.locator('.metric-changed')).toHaveCount(0);
  const first = items.first().getByTestId('metric-numbers');
  for (const field of ['active', 'interview', 'activeOffers', 'totalOffers']) {
    await expect(first.locator(`[data-field="${field}"] dd`)).toHaveText(/^\d+ \(unchanged\)$/);
  }
  const changed = run.items[0]?.diff.find((diff) => diff.field === 'active');
  if (changed?.after) await expect(first.locator('[data-field="active"] dd')).toContainText(changed.after);

  // Home lists it among the last runs, worded for metrics.
  await openSection(page, 'Home');
  await expect(card.getByTestId('home-last-run')).toContainText('Candidate metrics');
  await expect(card.getByTestId('home-last-run')).toContainText(`${run.items.length} unchanged`);
});

test('a run link runs/<profileId>/<runId> switches to the run’s profile and opens its detail, also on a fresh load', async ({ page, host }) => {
  const run = await api(page, host, 'metrics:run', { profileId: 'sandbox' });
  const { id } = await api(page, host, 'profiles:create', { name: 'Initech Links' });
  await api(page, host, 'profiles:select', { id });
  await page.reload();
  await expect(page.getByTestId('current-profile')).toHaveText('Initech Links');

  // What the desktop app's notification sends as app:navigate, followed here through the hash (the same parser and action).
  await page.evaluate(`window.location.hash = '#/runs/sandbox/${run.id}'`);
  await expect(page.getByTestId('current-profile')).toHaveText('Sandbox');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Runs');
  const detail = page.getByTestId('run-detail');
  await expect(detail.getByRole('heading', { level: 2 })).toContainText(`Run ${run.id}`);
  await expect(detail.locator('.run-meta')).toContainText('Candidate metrics (Lever → ChartHop)');
  await expect(detail).toContainText('No linked jobs to count yet');

  // Opened as the app's first page (as the desktop app does after a notification's click), with another profile selected.
  // The page is already at this very URL, so going there again would only be a same-document hash visit:
  // leave the app first, so this really is a fresh load.
  await api(page, host, 'profiles:select', { id });
  await page.goto('about:blank');
  await page.goto(`${host.origin}/#/runs/sandbox/${run.id}`);
  await expect(page.getByTestId('current-profile')).toHaveText('Sandbox');
  await expect(page.getByTestId('run-detail').getByRole('heading', { level: 2 })).toContainText(`Run ${run.id}`);

  // A malformed link still lands on the Runs page, on the list.
  await page.evaluate(`window.location.hash = '#/runs/Not A Profile/x'`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Runs');
});

test('a run link selects its profile even when this window has not yet heard of a switch made elsewhere', async ({ page, host }) => {
  const run = await api(page, host, 'metrics:run', { profileId: 'sandbox' });
  const { id } = await api(page, host, 'profiles:create', { name: 'Initech Elsewhere' });
  // Cut the event stream, so this window keeps believing the Sandbox is selected.
  await page.route('**/api/events', (route) => route.abort());
  await page.reload();
  await expect(page.getByTestId('current-profile')).toHaveText('Sandbox');
  await api(page, host, 'profiles:select', { id });
  await expect(page.getByTestId('current-profile')).toHaveText('Sandbox');

  await page.evaluate(`window.location.hash = '#/runs/sandbox/${run.id}'`);
  await expect(page.getByTestId('run-detail').getByRole('heading', { level: 2 })).toContainText(`Run ${run.id}`);
  expect((await api(page, host, 'profiles:list', {})).selectedId).toBe('sandbox');
});
