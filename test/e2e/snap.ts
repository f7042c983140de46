/**
 * Screenshots that are reviewed and compared: each one is written to test-results/screenshots/ for review and, unless
 * it shows a moment that cannot be caught twice the same (a run in progress), compared with its committed baseline
 * in test/e2e/__screenshots__/ (Playwright's toHaveScreenshot). Clock-dependent text is hidden in fixed-width boxes
 * while comparing (snap.css; the spec needs `test.use({ bypassCSP: true })`, or the app's CSP refuses the style). For an intended change: `npm run test:e2e -- --update-snapshots`, then review the PNGs.
 */
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

const DIR = 'test-results/screenshots';
const HIDE_CLOCK = fileURLToPath(new URL('./snap.css', import.meta.url));

/** How one screenshot is taken. */
export interface SnapOptions {
  fullPage?: boolean;
  /** False for a moment that cannot be caught twice the same (progress mid-run): written for review only. */
  compare?: boolean;
}

/** Writes `name`.png for review and compares it with its baseline. */
export async function snap(target: Page | Locator, name: string, options: SnapOptions = {}): Promise<void> {
  const fullPage = options.fullPage ?? false;
  const isPage = 'goto' in target;
  await target.screenshot({ path: `${DIR}/${name}.png`, ...(isPage ? { fullPage } : {}) });
  if (options.compare === false) return;
  const compared = { animations: 'disabled' as const, caret: 'hide' as const, stylePath: HIDE_CLOCK, maxDiffPixelRatio: 0.01 };
  if (isPage) await expect(target).toHaveScreenshot(`${name}.png`, { ...compared, fullPage });
  else await expect(target).toHaveScreenshot(`${name}.png`, compared);
}
