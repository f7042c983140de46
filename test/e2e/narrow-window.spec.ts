/** A narrow window (900 × 800): the Runs and Hires tables scroll inside their container, never the whole page. */
import { api, expect, test } from './host-fixture.ts';
import type { AppShell } from './pages/app-shell.ts';
import { appModels } from './pages/app.ts';
import { snap } from './snap.ts';

// The compared screenshots hide clock-dependent text with a style sheet (snap.ts), which the app's CSP would refuse.
test.use({ bypassCSP: true });

/** The page itself (`document.scrollingElement`, the html element) and the scrolling content area have no horizontal overflow. */
async function expectNoPageOverflow(shell: AppShell): Promise<void> {
  for (const [what, area] of [
    ['the page', shell.document],
    ['the content area', shell.main],
  ] as const) {
    const { scroll, client } = await area.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(scroll, `${what} scrolls sideways`).toBeLessThanOrEqual(client);
  }
}

test('at 900 px wide the Runs and Hires tables scroll inside their container and the page does not overflow', async ({ page, host }) => {
  const { shell, runs, hires } = appModels(page);
  // A finished run and some hires to fill both tables.
  await api(page, host, 'sync:run', { profileId: 'sandbox', confirmLargeChange: true });
  await api(page, host, 'hires:catch-up', { profileId: 'sandbox' });
  await page.setViewportSize({ width: 900, height: 800 });
  await page.reload();

  await runs.open();
  await expect(runs.tableRows).not.toHaveCount(1);
  await expectNoPageOverflow(shell);
  // The table keeps its columns readable and scrolls inside its own container, which says so to assistive tech.
  const runsScroll = runs.tableScroll;
  await expect(runsScroll).toHaveAttribute('tabindex', '0');
  await expect(runsScroll).toHaveAccessibleName('Runs, newest first');
  await expect(runs.scrollHint).toBeVisible();
  const firstCell = runs.firstCell;
  await expect(firstCell).toBeInViewport();
  const cellBox = await firstCell.boundingBox();
  expect(cellBox?.width ?? 0, 'the When column is not squeezed').toBeGreaterThan(60);
  await snap(page, 'narrow-runs');
  // Scrolled to its end, the first column stays in view.
  await runsScroll.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  });
  await expect(firstCell).toBeInViewport();
  await snap(page, 'narrow-runs-scrolled');

  await hires.open();
  await expect(hires.tableRows.first()).toBeVisible();
  await expectNoPageOverflow(shell);
  await expect(hires.tableScroll).toHaveAccessibleName('New hires, newest first');
  await snap(page, 'narrow-hires');
});
