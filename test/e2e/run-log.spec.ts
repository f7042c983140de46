/**
 * Acceptance (issue 16, point 4): a run log read at a glance. The consultant filters the Runs list by kind, trigger and
 * status and searches it; each finished run speaks in the past tense; opening a run changes the address, so Back returns
 * to the list and a reload reopens the run.
 */
import { api, apiEnvelope, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';
import { PlanRow } from './pages/plan-row.ts';
import { charthopFault, clearFaults, sandboxOf } from './sandbox-control.ts';

test('the consultant filters the Runs list by kind, trigger and status, searches a job title, and opens a run: Back and reload work', async ({
  page,
  host,
}) => {
  const { runs: runsPage, runDetail } = appModels(page);
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

  await runsPage.open();
  const rows = runsPage.rows;
  await expect(rows).toHaveCount(3);
  // The Skipped column counts the records left as they were.
  const skippedColumn = await runsPage.columnIndex('Skipped');
  expect(skippedColumn).toBeGreaterThan(0);
  await expect(runsPage.cell(sync.id, skippedColumn)).toHaveText(String(sync.counts.skipped));

  // Filters: kind, then trigger with status; each narrows the list the main process returns.
  await runsPage.filterBy('Kind', 'Candidate metrics');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-run-id', String(metrics.id));
  await runsPage.filterBy('Kind', 'Sync');
  await runsPage.filterBy('Trigger', 'Sync now');
  await expect(rows).toHaveCount(2);
  await runsPage.filterBy('Status', 'Failed');
  await expect(rows).toHaveCount(1);
  await expect(runsPage.statusOf(rows.first())).toHaveText('Failed');
  await runsPage.filterBy('Trigger', 'Daily run');
  await expect(runsPage.noMatch).toHaveText('No run matches these filters. Clear a filter or search for something else.');
  await runsPage.clearFilters();
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
  await runsPage.search(created.recordKey);
  await expect(rows).toHaveCount(touched.length);
  expect(await runsPage.runIdsShown()).toEqual(touched);
  await runsPage.search(`#${metrics.id}`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-run-id', String(metrics.id));
  await runsPage.search('');
  await expect(rows).toHaveCount(3);

  // Opening the sync puts it in the address; it speaks in the past tense.
  await runsPage.openRun(sync.id);
  await expect(runDetail.heading(sync.id)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/runs/sandbox/${sync.id}$`));
  await expect(runDetail.counts).toContainText(`Created ${sync.counts.created} requisitions`);
  const createdRow = new PlanRow(runDetail.itemsWith(created.recordKey));
  await expect(createdRow.reason).toContainText(/^Created — .* was created/);
  await expect(runDetail.detail).not.toContainText('will be created');

  // A reload reopens the run; Back returns to the list.
  await page.reload();
  await expect(runDetail.heading(sync.id)).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/#\/runs$/);
  await expect(runsPage.table).toBeVisible();
  await expect(runDetail.detail).toHaveCount(0);
  await page.goForward();
  await expect(runDetail.heading(sync.id)).toBeVisible();
  await runDetail.backToRuns();
  await expect(page).toHaveURL(/#\/runs$/);
  await expect(rows).toHaveCount(3);

  // The filters are checked on the HTTP transport too: an unknown kind is refused with what was wrong.
  const refused = await apiEnvelope(page, host, 'runs:list', { profileId: 'sandbox', limit: 10, filter: { kind: 'everything' } } as never);
  expect(refused).toMatchObject({ ok: false, error: { code: 'api.invalid_input', message: expect.stringContaining('filter.kind') } });
});
