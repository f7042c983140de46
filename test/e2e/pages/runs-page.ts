/** The Runs page: the list of runs with its filters, search and chart. */
import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell.ts';

/** The Runs list's filters, by their labels. */
export type RunsFilter = 'Kind' | 'Trigger' | 'Status';

/** The Runs page of the current profile. */
export class RunsPage {
  /** The table of runs. */
  readonly table: Locator;
  /** Its body rows, one per run shown. */
  readonly rows: Locator;
  /** Every row of the table, its header's included. */
  readonly tableRows: Locator;
  /** The first cell of the first run (its When). */
  readonly firstCell: Locator;
  /** Its column headers. */
  readonly headers: Locator;
  /** The scroll container around the table. */
  readonly tableScroll: Locator;
  /** The hint shown when the table is wider than its container. */
  readonly scrollHint: Locator;
  /** The chart of recent runs. */
  readonly chart: Locator;
  /** The filters and the search box. */
  readonly filters: Locator;
  readonly searchBox: Locator;
  /** The sentence shown when no run matches. */
  readonly noMatch: Locator;
  /** What the page shows before the profile's first run, with its Sync now or its "Finish Setup". */
  readonly emptyState: Locator;
  readonly emptyStateSyncNow: Locator;
  /** The sentence shown instead of Sync now until Setup is finished. */
  readonly setupFirst: Locator;
  /** The links from undo runs to the run each undid. */
  readonly undoOfLinks: Locator;
  /** The Total column's cells. */
  readonly totals: Locator;

  private readonly shell: AppShell;

  /** The window this model drives. */
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.table = page.getByTestId('runs-table');
    this.rows = this.table.locator('tbody tr');
    this.headers = this.table.locator('thead th');
    this.tableRows = this.table.getByRole('row');
    this.firstCell = this.rows.first().locator('td').first();
    this.tableScroll = page.locator('.table-scroll').filter({ has: this.table });
    this.scrollHint = page.getByText('Scroll sideways for more columns');
    this.chart = page.getByTestId('runs-chart');
    this.filters = page.getByRole('group', { name: 'Filter runs' });
    this.searchBox = this.filters.getByLabel('Search');
    this.noMatch = page.getByTestId('runs-no-match');
    this.emptyState = page.locator('.empty-state');
    this.emptyStateSyncNow = this.emptyState.getByRole('button', { name: 'Sync now' });
    this.setupFirst = page.getByTestId('runs-setup-first');
    this.undoOfLinks = this.table.getByTestId('runs-undo-of');
    this.totals = this.table.getByTestId('runs-total');
  }

  /** Open Runs from the rail. */
  async open(): Promise<void> {
    await this.shell.open('Runs');
  }

  /** The row of one run. */
  row(runId: number): Locator {
    return this.table.locator(`tr[data-run-id="${runId}"]`);
  }

  /** One cell of a run's row, by its column's index. */
  cell(runId: number, column: number): Locator {
    return this.row(runId).locator('td').nth(column);
  }

  /** The status pill of a run's row. */
  statusOf(row: Locator): Locator {
    return row.locator('.pill');
  }

  /** The rows whose text mentions `text` (e.g. a trigger such as "Reconcile"). */
  rowsWith(text: string): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }

  /** A column header, by its exact name. */
  columnHeader(name: string): Locator {
    return this.table.getByRole('columnheader', { name, exact: true });
  }

  /** The index of a column, by its header's text (-1 when there is none). */
  columnIndex(name: string): Promise<number> {
    return this.headers.evaluateAll((ths, header) => ths.findIndex((th) => th.textContent === header), name);
  }

  /** The run ids of the rows shown, in order. */
  runIdsShown(): Promise<Array<string | null>> {
    return this.rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-run-id')));
  }

  /** Pick a filter's option by its label ("Candidate metrics", "Sync now", "Failed", …). */
  async filterBy(filter: RunsFilter, label: string): Promise<void> {
    await this.filters.getByLabel(filter).selectOption({ label });
  }

  /** Clear every filter. */
  async clearFilters(): Promise<void> {
    await this.filters.getByRole('button', { name: 'Clear filters' }).click();
  }

  /** Type in the search box (empty clears it). */
  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
  }

  /** The Cancelled count of the rows whose text mentions `text`. */
  cancelledCountOf(text: string): Locator {
    return this.rowsWith(text).getByTestId('runs-cancelled');
  }

  /** Press Runs' Pull candidate metrics now (the new run opens). */
  async pullMetrics(): Promise<void> {
    await this.page.getByRole('button', { name: 'Pull candidate metrics now' }).click();
  }

  /** Follow the empty state's "Finish Setup". */
  async finishSetup(): Promise<void> {
    await this.emptyState.getByRole('button', { name: 'Finish Setup' }).click();
  }

  /** Follow an undo run's link to the run it undid. */
  async openUndoneRun(): Promise<void> {
    await this.undoOfLinks.click();
  }

  /** Open a run's detail from the list. */
  async openRun(runId: number): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^Open run ${runId},`) }).click();
  }
}
