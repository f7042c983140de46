/** The Hires page: each new hire Lever reported, its decision and details, Catch up now and Replay. */
import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell.ts';

/** The Hires page of the current profile. */
export class HiresPage {
  /** The table of hires, and the scroll container around it. */
  readonly table: Locator;
  readonly tableScroll: Locator;
  /** The hires inside the table. */
  readonly tableRows: Locator;
  /** Every hire listed. */
  readonly rows: Locator;
  /** The decision chips of the hires listed. */
  readonly decisionChips: Locator;
  /** The hires listed that are decided (no longer pending). */
  readonly decidedRows: Locator;
  /** The heading of the empty list. */
  readonly noHiresHeading: Locator;
  readonly catchUpButton: Locator;
  /** Catch up now's button while it runs. */
  readonly catchingUpButton: Locator;
  /** Catch up now's progress bar, with its Cancel. */
  readonly catchUpProgress: Locator;
  /** The progress bar inside it. */
  readonly catchUpProgressBar: Locator;
  /** What the last catch-up found. */
  readonly catchUpResult: Locator;
  /** The open hire's details. */
  readonly detail: Locator;
  readonly replayButton: Locator;
  /** What the last Replay (or Link now) decided. */
  readonly replayStatus: Locator;
  /** The open ChartHop job a "Job missing" hire's requisition matches, with Link now. */
  readonly jobMatch: Locator;
  /** The empty list's word that the webhook is ready, and its way to set the webhook up otherwise. */
  readonly webhookReady: Locator;
  readonly setUpWebhookButton: Locator;
  /** The webhook's last-delivery line. */
  readonly webhookStatus: Locator;

  private readonly shell: AppShell;

  /** The window this model drives. */
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.table = page.getByTestId('hires-table');
    this.tableScroll = page.locator('.table-scroll').filter({ has: this.table });
    this.tableRows = this.table.getByTestId('hire-row');
    this.rows = page.getByTestId('hire-row');
    this.decisionChips = this.rows.getByTestId('decision-chip');
    this.decidedRows = this.rows.filter({ has: page.locator('[data-testid="decision-chip"]:not([data-decision="pending"])') });
    this.noHiresHeading = page.getByRole('heading', { name: 'No hires yet' });
    this.catchUpButton = page.getByRole('button', { name: 'Catch up now' });
    this.catchingUpButton = page.getByRole('button', { name: 'Catching up…' });
    this.catchUpProgress = page.getByTestId('catch-up-progress');
    this.catchUpProgressBar = this.catchUpProgress.getByRole('progressbar', { name: 'Processing new hires' });
    this.catchUpResult = page.getByTestId('catch-up-result');
    this.detail = page.getByTestId('hire-detail');
    this.replayButton = this.detail.getByRole('button', { name: 'Replay' });
    this.replayStatus = this.detail.getByRole('status');
    this.jobMatch = this.detail.getByTestId('job-match');
    this.webhookReady = page.getByTestId('hires-webhook-ready');
    this.setUpWebhookButton = page.getByRole('button', { name: 'Set up the webhook' });
    this.webhookStatus = page.getByTestId('webhook-status-line');
  }

  /** Open Hires from the rail. */
  async open(): Promise<void> {
    await this.shell.open('Hires');
  }

  /** The row of the hire of one Lever opportunity. */
  rowOfOpportunity(opportunityId: string): Locator {
    return this.page.locator(`[data-testid="hire-row"][data-opportunity="${opportunityId}"]`);
  }

  /** The row of one hire, by its id. */
  rowOfHire(hireId: string | null): Locator {
    return this.page.locator(`[data-testid="hire-row"][data-hire-id="${hireId}"]`);
  }

  /** The decision chip of a hire's row (its `data-decision` holds the decision). */
  decisionOf(row: Locator): Locator {
    return row.getByTestId('decision-chip');
  }

  /** The reason a hire's row gives for its decision. */
  reasonOf(row: Locator): Locator {
    return row.locator('.cell-reason');
  }

  /** The hires whose decision is one of `decisions` (`created`, `person_exists`, …). */
  rowsDecided(...decisions: string[]): Locator {
    return this.rows.filter({ has: this.page.locator(decisions.map((decision) => `[data-decision="${decision}"]`).join(', ')) });
  }

  /** Each listed hire's decision, in order. */
  decisions(): Promise<Array<string | null>> {
    return this.decisionChips.evaluateAll((chips) => chips.map((chip) => chip.getAttribute('data-decision')));
  }

  /** Start Catch up now. */
  async catchUp(): Promise<void> {
    await this.catchUpButton.click();
  }

  /** Cancel the catch-up that is running. */
  async cancelCatchUp(): Promise<void> {
    await this.catchUpProgress.getByRole('button', { name: 'Cancel' }).click();
  }

  /** Open a hire's details. */
  async openDetails(row: Locator): Promise<void> {
    await row.getByRole('button', { name: 'Details' }).click();
  }

  /** Close a hire's details. */
  async hideDetails(row: Locator): Promise<void> {
    await row.getByRole('button', { name: 'Hide' }).click();
  }

  /** Link the matching ChartHop job to the requisition and decide the hire again. */
  async linkNow(): Promise<void> {
    await this.jobMatch.getByRole('button', { name: 'Link now' }).click();
  }

  /** Decide the open hire again. */
  async replay(): Promise<void> {
    await this.replayButton.click();
  }
}
