/** The Options page: the source of truth, the five option switches with their sentences, the schedule fields and the save bar. */
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { AppShell } from './app-shell.ts';
import { MetricFieldsModel } from './metric-fields.ts';

/** The source of truth, as its radio is labelled. */
export type SourceOfTruth = 'ChartHop' | 'Lever (remote system)';

/** The five option switches, by their labels. */
export type OptionLabel = 'Reverse Sync' | 'Sync On Change' | 'Reconciliation' | 'Run Daily' | 'Remote Location As Default';

/** An option's key, as its sentences' test ids start (`syncOnChange-reason`, `reconciliation-contradiction`). */
export type OptionKey = 'reverseSync' | 'syncOnChange' | 'reconciliation' | 'runDaily' | 'remoteLocationAsDefault';

/** One of the option switches, by its label. */
export function optionSwitchOf(page: Page, label: string): Locator {
  return page.getByRole('switch', { name: label, exact: true });
}

/** The Options page of the current profile. */
export class OptionsPage {
  /** The box under the source of truth that says which direction it means and what it requires. */
  readonly directionAdvice: Locator;
  /** The box's one-click fix for Lever as the truth. */
  readonly turnOnReverseSyncButton: Locator;
  /** Every contradiction note on the page. */
  readonly contradictions: Locator;
  /** Sync On Change's interval field (shown only while the option is on). */
  readonly syncOnChangeInterval: Locator;
  /** The hint under the interval. */
  readonly syncOnChangeIntervalHint: Locator;
  /** The sentence under an interval that cannot be saved. */
  readonly syncOnChangeIntervalError: Locator;
  /** The daily run's time field. */
  readonly dailyRunTime: Locator;
  /** The sticky save bar, where a refused save says why. */
  readonly saveBar: Locator;
  /** The save bar's state sentence ("All changes saved.", "You have unsaved changes.", …). */
  readonly saveState: Locator;
  readonly saveButton: Locator;
  readonly discardButton: Locator;
  /** The ChartHop fields the candidate metrics write. */
  readonly metricFields: MetricFieldsModel;

  private readonly shell: AppShell;

  /** The window this model drives. */
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.directionAdvice = page.getByTestId('direction-advice');
    this.turnOnReverseSyncButton = page.getByRole('button', { name: 'Turn on Reverse Sync' });
    this.contradictions = page.locator('[data-testid$="-contradiction"]');
    this.syncOnChangeInterval = page.getByLabel('Check ChartHop for changes every');
    this.syncOnChangeIntervalHint = page.getByText('10–600 seconds, default 30');
    this.syncOnChangeIntervalError = page.getByTestId('sync-on-change-interval-error');
    this.dailyRunTime = page.getByLabel('Daily run time');
    this.saveBar = page.getByRole('region', { name: 'Save options' });
    this.saveState = page.getByTestId('save-state');
    this.saveButton = page.getByRole('button', { name: 'Save', exact: true });
    this.discardButton = page.getByRole('button', { name: 'Discard' });
    this.metricFields = new MetricFieldsModel(page);
  }

  /** Open Options from the rail. */
  async open(): Promise<void> {
    await this.shell.open('Options');
  }

  /** Reload the window and wait for Options to be back. */
  async reload(): Promise<void> {
    await this.shell.reload('Options');
  }

  /** The radio of a source of truth. */
  sourceOfTruth(choice: SourceOfTruth): Locator {
    return this.page.getByRole('radio', { name: choice });
  }

  /** Choose the profile's source of truth. */
  async chooseSourceOfTruth(choice: SourceOfTruth): Promise<void> {
    await this.sourceOfTruth(choice).check();
  }

  /** An option's switch, by its label. */
  switch(label: OptionLabel): Locator {
    return optionSwitchOf(this.page, label);
  }

  /** The switch row an option's sentences sit in. */
  row(key: OptionKey): Locator {
    return this.page.locator(`[data-option="${key}"]`);
  }

  /** Why an option's switch is off limits, inside its own switch row. */
  rowReason(key: OptionKey): Locator {
    return this.row(key).getByTestId(`${key}-reason`);
  }

  /** How an option contradicts the source of truth, inside its own switch row. */
  rowContradiction(key: OptionKey): Locator {
    return this.row(key).getByTestId(`${key}-contradiction`);
  }

  /** Scroll an option's switch into view. */
  async scrollTo(label: OptionLabel): Promise<void> {
    await this.switch(label).scrollIntoViewIfNeeded();
  }

  /** Why an option's switch is off limits ("Not available while …"). */
  reason(key: OptionKey): Locator {
    return this.page.getByTestId(`${key}-reason`);
  }

  /** The note that says how an option contradicts the source of truth. */
  contradiction(key: OptionKey): Locator {
    return this.page.getByTestId(`${key}-contradiction`);
  }

  /** Click an option's switch, whichever way it is. */
  async toggle(label: OptionLabel): Promise<void> {
    await this.switch(label).click();
  }

  /** Put the focus on an option's switch, to drive it from the keyboard. */
  async focusSwitch(label: OptionLabel): Promise<void> {
    await this.switch(label).focus();
  }

  /** Put the focus on a source of truth's radio, to walk the page from there. */
  async focusSourceOfTruth(choice: SourceOfTruth): Promise<void> {
    await this.sourceOfTruth(choice).focus();
  }

  /** Turn an option on. */
  async turnOn(label: OptionLabel): Promise<void> {
    await this.switch(label).check();
  }

  /** Turn an option off. */
  async turnOff(label: OptionLabel): Promise<void> {
    await this.switch(label).uncheck();
  }

  /** Use the direction box's one-click fix: Reverse Sync on, and what it excludes off. */
  async turnOnReverseSync(): Promise<void> {
    await this.turnOnReverseSyncButton.click();
  }

  /** Type Sync On Change's interval, in seconds. */
  async setSyncOnChangeInterval(seconds: string): Promise<void> {
    await this.syncOnChangeInterval.fill(seconds);
  }

  /** Press Save (it may be refused: the save bar then says why). */
  async pressSave(): Promise<void> {
    await this.saveButton.click();
  }

  /** Save the changes and wait until the bar says they are saved. */
  async save(): Promise<void> {
    await this.pressSave();
    await expect(this.saveState).toHaveText('All changes saved.');
  }

  /** Throw the unsaved changes away. */
  async discard(): Promise<void> {
    await this.discardButton.click();
  }
}
