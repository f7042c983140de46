/** The Home page: one card per profile with its state and its run buttons. */
import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell.ts';

/** The Home page. */
export class HomePage {
  /** Every profile's card. */
  readonly cards: Locator;
  /** The list of what needs the consultant's attention. */
  readonly attention: Locator;
  /** The last run, on the current profile's card. */
  readonly lastRun: Locator;
  /** The chart of recent runs. */
  readonly chart: Locator;

  private readonly shell: AppShell;

  /** The window this model drives. */
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.cards = page.getByTestId('home-card');
    this.attention = page.getByTestId('attention');
    this.lastRun = page.getByTestId('home-last-run');
    this.chart = page.getByTestId('runs-chart');
  }

  /** Open Home from the rail. */
  async open(): Promise<void> {
    await this.shell.open('Home');
  }

  /** The card of one profile, by its id. */
  card(profileId: string): Locator {
    return this.page.locator(`[data-testid="home-card"][data-profile="${profileId}"]`);
  }

  /** The runs part of a profile's card, with its own Sync now. */
  runsOf(profileId: string): Locator {
    return this.card(profileId).getByTestId('home-runs');
  }

  /** The Sync now of a profile's card. */
  syncNowButton(profileId: string): Locator {
    return this.runsOf(profileId).getByRole('button', { name: 'Sync now' });
  }

  /** A sentence shown in the runs part of a profile's card (e.g. why Sync now is off). */
  runsNote(profileId: string, text: string): Locator {
    return this.runsOf(profileId).getByText(text);
  }

  /** The Pull candidate metrics now of a profile's card. */
  pullMetricsButton(profileId: string): Locator {
    return this.card(profileId).getByRole('button', { name: 'Pull candidate metrics now' });
  }

  /** The sentence a profile's card shows instead of Sync now until Setup is finished. */
  setupFirst(profileId: string): Locator {
    return this.card(profileId).getByTestId('home-setup-first');
  }

  /** Follow a profile card's "Finish Setup". */
  async finishSetup(profileId: string): Promise<void> {
    await this.setupFirst(profileId).getByRole('button', { name: 'Finish Setup' }).click();
  }

  /** Press a profile card's Preview (the plan sheet opens). */
  async preview(profileId: string): Promise<void> {
    await this.card(profileId).getByRole('button', { name: 'Preview' }).click();
  }
}
