/** A run's detail in Runs: its counts, its records with their filters, its exports and its undo. */
import type { Locator, Page } from '@playwright/test';
import type { DownloadedFile } from './downloads.ts';
import { downloadFrom } from './downloads.ts';
import { ErrorNote } from './error-note.ts';
import { RunRecord } from './run-record.ts';

/** The detail of the run open in Runs. */
export class RunDetail {
  /** The whole detail card. */
  readonly detail: Locator;
  /** The card's title ("Run 3 · …"). */
  readonly title: Locator;
  /** The run's heading ("Run 3"), whatever its number. */
  readonly runHeading: Locator;
  /** The line with the run's trigger and kind ("Pull metrics now · Candidate metrics (Lever → ChartHop)"). */
  readonly meta: Locator;
  /** A failed run's error box, with its details. */
  readonly errorNote: ErrorNote;
  /** A metrics run's numbers that changed. */
  readonly changedMetrics: Locator;
  /** The run's status pill ("Succeeded", "Cancelled", …). */
  readonly status: Locator;
  /** The run's counts in words. */
  readonly counts: Locator;
  /** Every record shown (after the filters). */
  readonly items: Locator;
  /** The records shown that were applied. */
  readonly appliedItems: Locator;
  readonly undoButton: Locator;
  /** An undo run's line naming the run it undid. */
  readonly undoOf: Locator;
  /** An undone run's line naming the run that undid it. */
  readonly undoneBy: Locator;
  readonly searchBox: Locator;

  /** The window this model drives. */
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.detail = page.getByTestId('run-detail');
    this.title = this.detail.locator('.card-title');
    this.runHeading = this.detail.getByRole('heading', { level: 2 });
    this.meta = this.detail.locator('.run-meta');
    this.errorNote = new ErrorNote(this.detail.locator('.run-header .note-error'));
    this.changedMetrics = this.detail.locator('.metric-changed');
    this.status = this.detail.locator('.pill');
    this.counts = this.detail.getByTestId('run-counts');
    this.items = this.detail.getByTestId('run-item');
    this.appliedItems = this.itemsWithOutcome('applied');
    this.undoButton = this.detail.getByRole('button', { name: 'Undo this run…' });
    this.undoOf = this.detail.getByTestId('run-undo-of');
    this.undoneBy = this.detail.getByTestId('run-undone-by');
    this.searchBox = this.detail.getByLabel('Search');
  }

  /** The detail's heading for a run ("Run 3"). */
  heading(runId: number): Locator {
    return this.detail.getByRole('heading', { name: `Run ${runId}` });
  }

  /** The number of the run shown, read from its heading. */
  async runId(): Promise<number> {
    return Number((await this.runHeading.innerText()).match(/Run (\d+)/)?.[1]);
  }

  /** The record at a position of the list (0 is the first). */
  record(index: number): RunRecord {
    return new RunRecord(this.items.nth(index));
  }

  /** The records shown with one outcome (`applied`, `cancelled`, …). */
  itemsWithOutcome(outcome: string): Locator {
    return this.detail.locator(`[data-testid="run-item"][data-outcome="${outcome}"]`);
  }

  /** The records whose text mentions `text` (e.g. a record key). */
  itemsWith(text: string): Locator {
    return this.items.filter({ hasText: text });
  }

  /** Show only the records of one outcome, or `all`. */
  async filterByOutcome(outcome: string): Promise<void> {
    await this.detail.getByLabel('Outcome').selectOption(outcome);
  }

  /** Show only the records with one reason. */
  async filterByReason(reason: string): Promise<void> {
    await this.detail.getByLabel('Reason').selectOption(reason);
  }

  /** Type in the records' search box. */
  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
  }

  /** Open the undo sheet for this run (then use the plan sheet). */
  async undo(): Promise<void> {
    await this.undoButton.click();
  }

  /** Back to the list of runs. */
  async backToRuns(): Promise<void> {
    await this.detail.getByRole('button', { name: '← All runs' }).click();
  }

  /** Download the run's records as CSV. */
  exportCsv(): Promise<DownloadedFile> {
    return downloadFrom(this.page, this.page.getByRole('button', { name: 'Export CSV' }));
  }

  /** Download the run as JSON. */
  exportJson(): Promise<DownloadedFile> {
    return downloadFrom(this.page, this.page.getByRole('button', { name: 'Export JSON' }));
  }
}
