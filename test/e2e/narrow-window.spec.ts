/** A narrow window (900 × 800): the Runs and Hires tables scroll inside their container, never the whole page. */
import type { Page } from '@playwright/test';
import { api, expect, test } from './host-fixture.ts';
import { openSection } from './app-pages.ts';
import { snap } from './snap.ts';

// The compared screenshots hide clock-dependent text with a style sheet (snap.ts), which the app's CSP would refuse.
test.use({ bypassCSP: true });


/** The page itself (`document.scrollingElement`, the html element) and the scrolling content area have no horizontal overflow. */
async function expectNoPageOverflow(page: Page): Promise<void> {
  for (const [what, selector] of [['the page', 'html'], ['the content area', 'main#main']] as const) {
    const { scroll, client } = await page.locator(selector).evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(scroll, `${what} scrolls sideways`).toBeLessThanOrEqual(client);
  }
}

test('at 900 px wide the Runs and Hires tables scroll inside their container and the page does not overflow', async ({ page, host }) => {
  // A finished run and some hires to fill both tables.
  await api(page, host, 'sync:run', { profileId: 'sandbox', confirmLargeChange: true });
  await api(page, host, 'hires:catch-up', { profileId: 'sandbox' });
  await page.setViewportSize({ width: 900, height: 800 });
  await page.reload();

  await openSection(page, 'Runs');
  const runsTable = page.getByTestId('runs-table');
  await expect(runsTable.getByRole('row')).not.toHaveCount(1);
  await expectNoPageOverflow(page);
  // The table keeps its columns readable and scrolls inside its own container, which says so to assistive tech.
  const runsScroll = page.locator('.table-scroll').filter({ has: runsTable });
  await expect(runsScroll).toHaveAttribute('tabindex', '0');
  await expect(runsScroll).toHaveAccessibleName('Runs, newest first');
  await expect(page.getByText('Scroll sideways for more columns')).toBeVisible();
  const firstCell = runsTable.locator('tbody tr').first().locator('td').first();
  await expect(firstCell).toBeInViewport();
  const cellBox = await firstCell.boundingBox();
  expect(cellBox?.width ?? 0, 'the When column is not squeezed').toBeGreaterThan(60);
  await snap(page, 'narrow-runs');
  // Scrolled to its end, the first column stays in view.
  await runsScroll.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
  await expect(firstCell).toBeInViewport();
  await snap(page, 'narrow-runs-scrolled');

  await openSection(page, 'Hires');
  const hiresTable = page.getByTestId('hires-table');
  await expect(hiresTable.getByTestId('hire-row').first()).toBeVisible();
  await expectNoPageOverflow(page);
  await expect(page.locator('.table-scroll').filter({ has: hiresTable })).toHaveAccessibleName('New hires, newest first');
  await snap(page, 'narrow-hires');
});
