/**
 * Acceptance (issue 16, point 4): a run log read at a glance. The consultant filters the Runs list by kind, trigger and
 * status and searches it; each finished run speaks in the past tense; opening a run changes the address, so Back returns
 * to the list and a reload reopens the run.
 */
import { api, apiEnvelope, expect, test } from './host-fixture.ts';
import { openSection } from './app-pages.ts';
import { charthopFault, clearFaults, sandboxOf } from './sandbox-control.ts';

test('the consultant filters the Runs list by kind, trigger and status, searches a job title, and opens a run: Back and reload work', async ({ page, host }) => {
  // Three runs: a Sync now (its unmapped emails skipped), a candidate metrics pull, and a Sync now that fails on ChartHop.
  const sync = await api(page, host, 'sync:run', { profileId: 'sandbox', confirmLargeChange: false });
  expect(sync.counts.created, 'the Sandbox sync creates requisitions').toBeGreaterThan(0);
  expect(sync.counts.skipped, 'the Sandbox sync skips records').toBeGreaterThan(0);
  const metrics = await api(page, host, 'metrics:run', { profileId: 'sandbox' });
  await charthopFault(page.request, sandboxOf(host), { method: 'GET', path: '/v2/org/:org/job', action: { kind: 'status', status: 500 } });
  const failed = await api(page, host, 'sync:run', { profileId: 'sandbox', confirmLargeChange: false }).catch(() => null);
  await clearFaults(page.request, sandboxOf(host));
  const runs = await api(page, host, 'runs:list', { profileId: 'sandbox', limit: 10 });
  expect(runs.map((run) => run.status)).toEqual(['failed', metrics.status, sync.status]);
  expect(failed?.status ?? 'failed').toBe('failed');

  await openSection(page, 'Runs');
  const table = page.getByTestId('runs-table');
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  // The Skipped column counts the records left as they were.
  const skippedColumn = await table.locator('thead th').evaluateAll((ths) => ths.findIndex((th) => th.textContent === 'Skipped'));
  expect(skippedColumn).toBeGreaterThan(0);
  await expect(table.locator(`tr[data-run-id="${sync.id}"] td`).nth(skippedColumn)).toHaveText(String(sync.counts.skipped));

  // Filters: kind, then trigger with status; each narrows the list the main process returns.
  const filters = page.getByRole('group', { name: 'Filter runs' });
  await filters.getByLabel('Kind').selectOption({ label: 'Candidate metrics' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-run-id', String(metrics.id));
  await filters.getByLabel('Kind').selectOption({ label: 'Sync' });
  await filters.getByLabel('Trigger').selectOption({ label: 'Sync now' });
  await expect(rows).toHaveCount(2);
  await filters.getByLabel('Status').selectOption({ label: 'Failed' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('.pill')).toHaveText('Failed');
  await filters.getByLabel('Trigger').selectOption({ label: 'Daily run' });
  await expect(page.getByTestId('runs-no-match')).toHaveText('No run matches these filters. Clear a filter or search for something else.');
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(3);

  // Search: the code of a requisition the sync created finds the runs that touched it (the sync, and the metrics pull
  // that counted its candidates), not the failed run; a run number finds that run.
  const { items } = await api(page, host, 'runs:get', { profileId: 'sandbox', runId: sync.id });
  const created = items.find((item) => item.action === 'create' && item.outcome === 'applied')!;
  const touched = [];
  for (const run of [metrics, sync]) {
    const detail = await api(page, host, 'runs:get', { profileId: 'sandbox', runId: run.id });
    if (detail.items.some((item) => `${item.title} ${item.recordKey}`.includes(created.recordKey))) touched.push(String(run.id));
  }
  expect(touched).toContain(String(sync.id));
  await filters.getByLabel('Search').fill(created.recordKey);
  await expect(rows).toHaveCount(touched.length);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-run-id')))).toEqual(touched);
  await filters.getByLabel('Search').fill(`#${metrics.id}`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-run-id', String(metrics.id));
  await filters.getByLabel('Search').fill('');
  await expect(rows).toHaveCount(3);

  // Opening the sync puts it in the address; it speaks in the past tense.
  await page.getByRole('button', { name: new RegExp(`^Open run ${sync.id},`) }).click();
  const detail = page.getByTestId('run-detail');
  await expect(detail.getByRole('heading', { name: `Run ${sync.id}` })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/runs/sandbox/${sync.id}$`));
  await expect(detail.getByTestId('run-counts')).toContainText(`Created ${sync.counts.created} requisitions`);
  const createdRow = detail.getByTestId('run-item').filter({ hasText: created.recordKey });
  await expect(createdRow.locator('.plan-row-reason')).toContainText(/^Created — .* was created/);
  await expect(detail).not.toContainText('will be created');

  // A reload reopens the run; Back returns to the list.
  await page.reload();
  await expect(detail.getByRole('heading', { name: `Run ${sync.id}` })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/#\/runs$/);
  await expect(table).toBeVisible();
  await expect(detail).toHaveCount(0);
  await page.goForward();
  await expect(detail.getByRole('heading', { name: `Run ${sync.id}` })).toBeVisible();
  await detail.getByRole('button', { name: '← All runs' }).click();
  await expect(page).toHaveURL(/#\/runs$/);
  await expect(rows).toHaveCount(3);

  // The filters are checked on the HTTP transport too: an unknown kind is refused with what was wrong.
  const refused = await apiEnvelope(page, host, 'runs:list', { profileId: 'sandbox', limit: 10, filter: { kind: 'everything' } } as never);
  expect(refused).toMatchObject({ ok: false, error: { code: 'api.invalid_input', message: expect.stringContaining('filter.kind') } });
});
