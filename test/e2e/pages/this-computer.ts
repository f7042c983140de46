/** Profiles → This computer: the preferences of this computer (start at login), what is scheduled here, and updates. */
import type { Locator, Page } from '@playwright/test';

/** The "This computer" section of the Profiles page. */
export class ThisComputer {
  /** The section itself. */
  readonly section: Locator;
  readonly startAtLogin: Locator;
  /** Which profiles run on a schedule on this computer. */
  readonly scheduledHere: Locator;
  /** The updates panel, its heading, the running version and its buttons. */
  readonly updates: Locator;
  readonly updatesHeading: Locator;
  readonly appVersion: Locator;
  readonly updatesButtons: Locator;

  constructor(page: Page) {
    this.section = page.getByTestId('this-computer');
    this.startAtLogin = this.section.getByRole('switch', { name: 'Start ReqBridge at login' });
    this.scheduledHere = this.section.getByTestId('scheduled-here');
    this.updates = this.section.getByTestId('app-updates');
    this.updatesHeading = this.updates.getByRole('heading', { name: 'Updates' });
    this.appVersion = this.updates.getByTestId('app-version');
    this.updatesButtons = this.updates.getByRole('button');
  }

  /** Turn "Start ReqBridge at login" over. */
  async toggleStartAtLogin(): Promise<void> {
    await this.startAtLogin.click();
  }
}
