/**
 * The plan sheet: one sheet for Reconcile…, Preview (and the first Sync now) and Undo this run…. It plans, lists the rows
 * grouped by action, lets the consultant choose which to apply, applies them and then shows what is left.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { AppShell } from './app-shell.ts';
import { ErrorNote } from './error-note.ts';
import { PlanRow } from './plan-row.ts';

/** How long planning on the Sandbox may take under load. */
const PLAN_TIMEOUT = 30_000;

/** The plan sheet (Reconcile, Preview or Undo). */
export class PlanSheet {
  /** The sheet itself. */
  readonly sheet: Locator;
  /** The summary tiles, one per action: shown once the plan is ready. */
  readonly summary: Locator;
  /** Every row shown (after the filters). */
  readonly rows: Locator;
  /** The rows shown that can be applied (they have a checkbox). */
  readonly selectableRows: Locator;
  /** Every Apply checkbox shown. */
  readonly checkboxes: Locator;
  /** The checkboxes of the rows shown, in order. */
  readonly rowCheckboxes: Locator;
  /** "N of M rows selected": counts only the rows that can be selected. */
  readonly selectionCount: Locator;
  /** Whichever "Apply N selected" button the footer shows. */
  readonly applySelectedButton: Locator;
  readonly applyAllButton: Locator;
  readonly selectNoneButton: Locator;
  readonly selectAllShownButton: Locator;
  /** The text filter. */
  readonly searchBox: Locator;
  /** The action filter. */
  readonly actionFilter: Locator;
  /** The sentence an applied plan leaves. */
  readonly result: Locator;
  /** The records just applied, listed above the new plan. */
  readonly appliedItems: Locator;
  /** The outcome tags of the records just applied. */
  readonly appliedOutcomes: Locator;
  /** The button that opens the applied run in Runs. */
  readonly openRunButton: Locator;
  /** Why planning failed, and its details. */
  readonly error: Locator;
  readonly errorNote: ErrorNote;
  readonly tryAgainButton: Locator;
  readonly planAgainButton: Locator;
  readonly closeButton: Locator;
  /** The footer with the selection and the Apply buttons, and its "N of M records" while applying. */
  readonly footer: Locator;
  readonly footerProgress: Locator;
  /** The values the plan could not map, with the way to the value mappings. */
  readonly unmappedValues: Locator;
  /** Preview's line on which way it writes. */
  readonly previewIntro: Locator;
  /** The note a profile's first Sync now shows. */
  readonly firstSyncNote: Locator;
  /** A notice above the plan (e.g. what would plan the records again after an undo). */
  readonly notice: Locator;

  private readonly shell: AppShell;

  /** The window this model drives. */
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.sheet = page.getByTestId('reconcile-sheet');
    this.summary = this.sheet.getByTestId('plan-summary');
    this.rows = this.sheet.getByTestId('plan-row');
    this.selectableRows = this.rows.filter({ has: page.getByRole('checkbox') });
    this.checkboxes = this.sheet.getByRole('checkbox', { name: /^Apply: / });
    this.rowCheckboxes = this.rows.getByRole('checkbox');
    this.selectionCount = this.sheet.getByTestId('selection-count');
    this.applySelectedButton = this.sheet.getByRole('button', { name: /^Apply \d+ selected$/ });
    this.applyAllButton = this.sheet.getByRole('button', { name: 'Apply all' });
    this.selectNoneButton = this.sheet.getByRole('button', { name: 'Select none' });
    this.selectAllShownButton = this.sheet.getByRole('button', { name: 'Select all shown' });
    this.searchBox = this.sheet.getByLabel('Search');
    this.actionFilter = this.sheet.getByLabel('Action', { exact: true });
    this.result = this.sheet.getByTestId('reconcile-result');
    this.appliedItems = this.sheet.getByTestId('applied-item');
    this.appliedOutcomes = this.appliedItems.locator('.outcome-tag');
    this.openRunButton = this.sheet.getByRole('button', { name: /^Open run \d+ in Runs$/ });
    this.error = this.sheet.getByRole('alert');
    this.errorNote = new ErrorNote(this.error);
    this.tryAgainButton = this.sheet.getByRole('button', { name: 'Try again' });
    this.planAgainButton = this.sheet.getByRole('button', { name: 'Plan again' });
    this.closeButton = this.sheet.getByRole('button', { name: 'Close', exact: true });
    this.footer = this.sheet.locator('.sheet-footer');
    this.footerProgress = this.footer.getByText(/\d+ of \d+ records/);
    this.unmappedValues = this.sheet.getByTestId('unmapped-values');
    this.previewIntro = this.sheet.getByTestId('preview-intro');
    this.firstSyncNote = this.sheet.getByTestId('first-sync-note');
    this.notice = this.sheet.getByTestId('plan-notice');
  }

  /** Press the top bar's Reconcile… (the sheet then plans). */
  async pressReconcile(): Promise<void> {
    await this.shell.reconcileButton.click();
  }

  /** Open Reconcile from the top bar and wait for its plan. */
  async open(): Promise<void> {
    await this.pressReconcile();
    await this.waitForPlan();
  }

  /** Open Reconcile from the keyboard (focus Reconcile…, press Enter) and wait for its plan. */
  async openWithKeyboard(): Promise<void> {
    await this.shell.reconcileButton.focus();
    await this.page.keyboard.press('Enter');
    await this.waitForPlan();
  }

  /** Wait until the plan is ready (its summary shows). */
  async waitForPlan(): Promise<void> {
    await expect(this.summary).toBeVisible({ timeout: PLAN_TIMEOUT });
  }

  /** The sheet's heading, e.g. "Reconcile Sandbox", "Preview Sandbox", "Undo run 3". */
  heading(name: string): Locator {
    return this.sheet.getByRole('heading', { name });
  }

  /** The "Apply N selected" button for exactly `count` rows. */
  applyButton(count: number): Locator {
    return this.sheet.getByRole('button', { name: `Apply ${count} selected` });
  }

  /** The number on a summary tile, by its action label ("Create", "Update", …). */
  async tile(label: string): Promise<number> {
    return Number(await this.summary.getByRole('button').filter({ hasText: label }).locator('.count-number').innerText());
  }

  /** The action of every row shown, in order. */
  async actionsOfRows(): Promise<string[]> {
    return this.rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-action') ?? ''));
  }

  /** The row with this id in the plan. */
  rowById(id: string | null): PlanRow {
    return new PlanRow(this.sheet.locator(`[data-row-id="${id}"]`));
  }

  /** The rows of one action (`create`, `update`, …). */
  rowsOf(action: string): Locator {
    return this.sheet.locator(`[data-testid="plan-row"][data-action="${action}"]`);
  }

  /** A plan row with this id, as a row locator (to check it is gone). */
  planRowWithId(id: string | null): Locator {
    return this.sheet.locator(`[data-testid="plan-row"][data-row-id="${id}"]`);
  }

  /** The first selectable row with a diff ("N changes"), pinned by its id so it stays the same row once expanded. */
  async firstRowWithChanges(): Promise<PlanRow> {
    const row = this.selectableRows.filter({ has: this.page.getByRole('button', { name: /^[1-9]\d* changes?$/ }) }).first();
    return this.rowById(await row.getAttribute('data-row-id'));
  }

  /** The first row with a diff ("N changes"), selectable or not. */
  firstDriftedRow(): PlanRow {
    return new PlanRow(this.rows.filter({ has: this.page.getByRole('button', { name: /^[1-9]\d* changes?$/ }) }).first());
  }

  /** The first selectable row without a diff (it has "Details"), pinned by its id. */
  async firstRowWithDetails(): Promise<PlanRow> {
    const row = this.selectableRows.filter({ has: this.page.getByRole('button', { name: 'Details' }) }).first();
    return this.rowById(await row.getAttribute('data-row-id'));
  }

  /** The first row of an action, pinned by its id. */
  async firstRowOf(action: string): Promise<PlanRow> {
    return this.rowById(await this.rowsOf(action).first().getAttribute('data-row-id'));
  }

  /** Clear the selection. */
  async selectNone(): Promise<void> {
    await this.selectNoneButton.click();
  }

  /** Put the focus on the first row's checkbox, to drive the selection from the keyboard. */
  async focusFirstRowCheckbox(): Promise<void> {
    await this.rowCheckboxes.first().focus();
  }

  /** Leave the first applicable row out of the selection. */
  async deselectFirst(): Promise<void> {
    await this.checkboxes.first().uncheck();
  }

  /** Type in the text filter (empty clears it). */
  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
  }

  /** The action filter's option for one action (its text ends with the action's row count). */
  actionOption(action: string): Locator {
    return this.actionFilter.locator(`option[value="${action}"]`);
  }

  /** Show only one action's rows, or `all`. */
  async filterByAction(action: string): Promise<void> {
    await this.actionFilter.selectOption(action);
  }

  /** Apply the `count` rows selected. */
  async apply(count: number): Promise<void> {
    await this.applyButton(count).click();
  }

  /** Apply the rows selected, whatever their number (the button's own name). */
  async applySelected(): Promise<void> {
    const name = await this.applySelectedButton.innerText();
    await this.sheet.getByRole('button', { name }).click();
  }

  /** Apply the whole plan, whatever is selected. */
  async applyAll(): Promise<void> {
    await this.applyAllButton.click();
  }

  /** Plan again after a failure. */
  async tryAgain(): Promise<void> {
    await this.tryAgainButton.click();
  }

  /** The number of the run the last Apply recorded, as its "Open run N in Runs" button says. */
  async appliedRunId(): Promise<number> {
    return Number((await this.openRunButton.textContent())?.replace(/\D+/g, ''));
  }

  /** Open the applied run in Runs. */
  async openRun(): Promise<void> {
    await this.openRunButton.click();
  }

  /** The first unmapped value of a kind ("User email"), as the table of unmapped values shows it. */
  async unmappedValue(kind: string): Promise<string> {
    const row = this.unmappedValues.locator('tbody tr').filter({ hasText: kind }).first();
    return (await row.locator('code').innerText()).trim();
  }

  /** Follow the unmapped values to Setup's value mappings. */
  async openValueMappings(): Promise<void> {
    await this.unmappedValues.getByRole('button', { name: 'Open value mappings' }).click();
  }

  /** Close the sheet with its Close button and wait for it to go. */
  async close(): Promise<void> {
    await this.closeButton.click();
    await expect(this.sheet).toBeHidden();
  }

  /** Close the sheet with Escape and wait for it to go. */
  async closeWithEscape(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.sheet).toBeHidden();
  }
}
