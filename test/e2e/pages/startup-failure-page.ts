/** The page the host shows instead of the app when it could not start: what happened and what to do. */
import type { Locator, Page } from '@playwright/test';

/** The host's start-up failure page. */
export class StartupFailurePage {
  readonly heading: Locator;
  /** The sentence: what happened and what to do. */
  readonly reason: Locator;
  /** The reassurance that nothing was changed. */
  readonly nothingChanged: Locator;

  constructor(page: Page) {
    this.heading = page.getByRole('heading', { name: 'ReqBridge could not start' });
    this.reason = page.getByRole('alert');
    this.nothingChanged = page.getByText('Nothing was changed.');
  }
}
