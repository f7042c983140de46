/** The Home page: one card per profile with its state and its run buttons. */
import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell.ts';

/** The Home page. */
export class HomePage {
  /** Every profile's card. */
  readonly cards: Locator;
  /** The list of what needs the consultant's attention. */
  readonly attention: Locator;

  private readonly shell: AppShell;

  /** The window this model drives. */
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.cards = page.getByTestId('home-card');
    this.attention = page.getByTestId('attention');
  }

  /** Open Home from the rail. */
  async open(): Promise<void> {
    await this.shell.open('Home');
  }

  /** The card of one profile, by its id. */
  card(profileId: string): Locator {
    return this.page.locator(`[data-testid="home-card"][data-profile="${profileId}"]`);
  }

  /** Press a profile card's Preview (the plan sheet opens). */
  async preview(profileId: string): Promise<void> {
    await this.card(profileId).getByRole('button', { name: 'Preview' }).click();
  }
}
