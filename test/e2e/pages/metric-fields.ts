/** The Options section that names the ChartHop fields the candidate metrics write. */
import type { Locator, Page } from '@playwright/test';

/** A candidate metric, as its field is labelled. */
export type MetricLabel = 'Active candidates' | 'Active interviews' | 'Active offers' | 'Total offers';

/** A candidate metric's key, as its problem sentence's test id names it. */
export type MetricKey = 'active' | 'interview' | 'activeOffers' | 'totalOffers';

/** The "Candidate metrics in ChartHop" section of Options. */
export class MetricFieldsModel {
  /** The whole section. */
  readonly section: Locator;
  readonly heading: Locator;
  /** The reset to the built-in fields (disabled while they are in use). */
  readonly useBuiltInButton: Locator;
  /** Every field that cannot be saved as typed. */
  readonly invalidFields: Locator;

  /** The window this model drives. */
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.section = page.getByTestId('metric-fields');
    this.heading = this.section.getByRole('heading', { name: 'Candidate metrics in ChartHop' });
    this.useBuiltInButton = this.section.getByRole('button', { name: 'Use the built-in fields' });
    this.invalidFields = this.section.locator('[aria-invalid="true"]');
  }

  /** The field of a metric, by its label. */
  field(label: MetricLabel): Locator {
    return this.section.getByRole('textbox', { name: label, exact: true });
  }

  /** The sentence under a metric's field that cannot be saved. */
  problem(key: MetricKey): Locator {
    return this.page.getByTestId(`metric-field-${key}-problem`);
  }

  /** Type the ChartHop field code of a metric. */
  async fill(label: MetricLabel, code: string): Promise<void> {
    await this.field(label).fill(code);
  }

  /** Put the built-in fields back (unsaved until Save). */
  async useBuiltIn(): Promise<void> {
    await this.useBuiltInButton.click();
  }
}
