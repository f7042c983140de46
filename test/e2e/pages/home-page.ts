/** The Home page: one card per profile with its state and its run buttons, and the schedules bar. */
import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell.ts';
import { HomeCard } from './home-card.ts';

/** The Home page. */
export class HomePage {
  /** Every profile's card, the current profile's first. */
  readonly cards: Locator;
  /** The list of what needs the consultant's attention. */
  readonly attention: Locator;
  /** The last run, on the current profile's card. */
  readonly lastRun: Locator;
  /** The chart of recent runs. */
  readonly chart: Locator;
  /** The bar that pauses and resumes every schedule (its `data-paused` says which). */
  readonly schedulesBar: Locator;

  /** The window this model drives. */
  readonly page: Page;
  private readonly shell: AppShell;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.cards = page.getByTestId('home-card');
    this.attention = page.getByTestId('attention');
    this.lastRun = page.getByTestId('home-last-run');
    this.chart = page.getByTestId('runs-chart');
    this.schedulesBar = page.getByTestId('schedules-bar');
  }

  /** Open Home from the rail. */
  async open(): Promise<void> {
    await this.shell.open('Home');
  }

  /** The card of one profile, by its id. */
  card(profileId: string): HomeCard {
    return new HomeCard(this.page.locator(`[data-testid="home-card"][data-profile="${profileId}"]`));
  }

  /** The card whose text mentions `name`. */
  cardNamed(name: string): HomeCard {
    return new HomeCard(this.cards.filter({ hasText: name }));
  }

  /** The card at a position (0 is the first). */
  cardAt(index: number): HomeCard {
    return new HomeCard(this.cards.nth(index));
  }

  /** Resume every schedule from the schedules bar. */
  async resumeSchedules(): Promise<void> {
    await this.schedulesBar.getByRole('button', { name: 'Resume schedules' }).click();
  }

  /** Pause every schedule from the schedules bar. */
  async pauseSchedules(): Promise<void> {
    await this.schedulesBar.getByRole('button', { name: 'Pause schedules' }).click();
  }
}
