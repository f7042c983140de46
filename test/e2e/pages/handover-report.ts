/** The hand-over report, the self-contained HTML file Home's profile card downloads, opened in a page of its own. */
import type { Locator, Page } from '@playwright/test';

/** The hand-over report as Chromium shows it. */
export class HandoverReport {
  /** "ReqBridge hand-over: <profile>". */
  readonly title: Locator;
  /** The titles of its sections, in order. */
  readonly sectionTitles: Locator;
  /** The client profile's table. */
  readonly profileTable: Locator;

  /** The page the report is open in. */
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.title = page.locator('h1');
    this.sectionTitles = page.locator('section > h2');
    this.profileTable = page.locator('#profile table');
  }

  /** A section's heading, by its title. */
  section(title: string): Locator {
    return this.page.getByRole('heading', { level: 2, name: title });
  }
}
