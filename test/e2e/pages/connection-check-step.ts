/** Setup's step 3, Check connection: the doctor's checks of Lever and ChartHop, their progress and their report. */
import type { Locator, Page } from '@playwright/test';

/** A check's state in the report. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unverified';

/** Setup's Check connection step. */
export class ConnectionCheckStep {
  /** The step itself. */
  readonly step: Locator;
  /** The step's status chip ("Done — 2 warnings to review", …). */
  readonly chip: Locator;
  /** When the check ran and how long it took, or that it was cancelled. */
  readonly formState: Locator;
  readonly checkAgainButton: Locator;
  /** The progress bar while the checks run, and any progress bar of the step. */
  readonly progressBar: Locator;
  readonly anyProgressBar: Locator;
  /** "check K of N: title · ETA", with Cancel. */
  readonly progress: Locator;
  /** The report, its summary line and its checks. */
  readonly report: Locator;
  readonly summary: Locator;
  readonly checks: Locator;

  /** The window this model drives. */
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.step = page.getByTestId('step-3');
    this.chip = this.step.locator('.step-header .chip');
    this.formState = this.step.locator('.form-state');
    this.checkAgainButton = this.step.getByRole('button', { name: 'Check again' });
    this.progressBar = this.step.getByRole('progressbar', { name: 'Checking Lever and ChartHop' });
    this.anyProgressBar = this.step.getByRole('progressbar');
    this.progress = this.step.getByTestId('progress');
    this.report = this.step.getByTestId('doctor-report');
    this.summary = this.report.getByRole('status');
    this.checks = this.report.getByTestId('doctor-check');
  }

  /** One check of the report, by its id (`lever.key`, `users.match`, …). */
  check(id: string): Locator {
    return this.report.locator(`[data-check="${id}"]`);
  }

  /** The checks of the report in one state. */
  checksWithStatus(status: CheckStatus): Locator {
    return this.report.locator(`[data-testid="doctor-check"][data-status="${status}"]`);
  }

  /** The state of every check of the report, in order. */
  statuses(): Promise<Array<string | null>> {
    return this.checks.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
  }

  /** The items of a check's findings that mention `text`. */
  findings(check: Locator, text: string | RegExp): Locator {
    return check.getByRole('listitem').filter({ hasText: text });
  }

  /** Start Check connection. */
  async run(): Promise<void> {
    await this.step.getByRole('button', { name: 'Check connection' }).click();
  }

  /** Cancel the checks that are running. */
  async cancel(): Promise<void> {
    await this.progress.getByRole('button', { name: 'Cancel' }).click();
  }
}
