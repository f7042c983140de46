/** An error note with its details one click away: HTTP status, call, request id, and Copy details. */
import type { Locator } from '@playwright/test';

/** An error note (the plan sheet's, a run's error box). */
export class ErrorNote {
  /** The note itself. */
  readonly root: Locator;
  /** The disclosure, closed ("Details") and open ("Hide details"). */
  readonly detailsButton: Locator;
  readonly hideDetailsButton: Locator;
  /** The details, once open. */
  readonly details: Locator;
  /** Their list of facts, and the facts' names. */
  readonly facts: Locator;
  readonly factNames: Locator;
  /** What Copy details did, said inside the details. */
  readonly copyStatus: Locator;
  /** Any status line of the note. */
  readonly status: Locator;

  constructor(root: Locator) {
    this.root = root;
    this.detailsButton = root.getByRole('button', { name: 'Details' });
    this.hideDetailsButton = root.getByRole('button', { name: 'Hide details' });
    this.details = root.getByRole('group', { name: 'Error details' });
    this.facts = this.details.locator('dl');
    this.factNames = this.facts.locator('dt');
    this.copyStatus = this.details.getByRole('status');
    this.status = root.getByRole('status');
  }

  /** One fact, by its key (`code`, `status`, `call`, `requestId`, `attempts`, `time`). */
  fact(name: string): Locator {
    return this.facts.locator(`[data-fact="${name}"]`);
  }

  /** Open the details. */
  async showDetails(): Promise<void> {
    await this.detailsButton.click();
  }

  /** Copy the details to the clipboard. */
  async copyDetails(): Promise<void> {
    await this.root.getByRole('button', { name: 'Copy details' }).click();
  }
}
