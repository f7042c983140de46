/** Runs at 1280 px (issue 13): every count column of the Runs table shows without sideways scrolling; TOTAL's column is fully inside the table's scroll container. */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

test('at 1280 px the Runs table shows every count column, TOTAL included, without scrolling sideways', async ({ page, host }) => {
  const { runs } = appModels(page);
  await api(page, host, 'sync:run', { profileId: 'sandbox', confirmLargeChange: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await runs.open();
  await expect(runs.rows).toHaveCount(1);
  const scroll = runs.tableScroll;
  const frame = await scroll.boundingBox();
  const headers = ['Created', 'Updated', 'Linked', 'Closed', 'Failed', 'Skipped', 'Attention', 'Cancelled', 'Total'];
  for (const name of headers) {
    const box = await runs.columnHeader(name).boundingBox();
    expect(box, name).not.toBeNull();
    expect(box!.x, `${name} starts inside the table`).toBeGreaterThanOrEqual(frame!.x);
    expect(box!.x + box!.width, `${name} ends inside the table`).toBeLessThanOrEqual(frame!.x + frame!.width + 0.5);
  }
  const { scrollWidth, clientWidth } = await scroll.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth, 'the Runs table scrolls sideways').toBeLessThanOrEqual(clientWidth);
  await expect(runs.scrollHint).toHaveCount(0);
  // Total counts every record of the run.
  const run = (await api(page, host, 'runs:list', { profileId: 'sandbox', limit: 1 }))[0]!;
  await expect(runs.totals).toHaveText(String(Object.values(run.counts).reduce((a, b) => a + b, 0)));
});
