/** One record of a run's detail: its title, outcome, reason and, for a metrics run, its four numbers. */
import type { Locator } from '@playwright/test';
import { ROW_TITLE } from './plan-row.ts';

/** A record of a run's detail. */
export class RunRecord {
  /** The record itself. */
  readonly root: Locator;
  readonly title: Locator;
  /** Its outcome in words ("Written", "Unchanged", "Applied", …). */
  readonly outcome: Locator;
  /** Why it ended as it did. */
  readonly reason: Locator;
  /** A metrics record's numbers. */
  readonly metricNumbers: Locator;
  /** Each number of a metrics record (four of them). */
  readonly metricFields: Locator;

  constructor(root: Locator) {
    this.root = root;
    this.title = root.locator(ROW_TITLE);
    this.outcome = root.locator('.outcome-tag');
    this.reason = root.locator('.plan-row-reason');
    this.metricNumbers = root.getByTestId('metric-numbers');
    this.metricFields = this.metricNumbers.locator('[data-field]');
  }

  /** Expand the record's changes. */
  async showChanges(): Promise<void> {
    await this.root.getByRole('button', { name: 'Changes' }).click();
  }

  /** The value of one metric ("3 → 4", "2 (unchanged)"), by its field key. */
  metricValue(field: string): Locator {
    return this.root.locator(`[data-field="${field}"] dd`);
  }
}
