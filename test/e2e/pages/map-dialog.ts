/** The Map… dialog as a consultant uses it: read the value found, find the counterpart, pick it, save. */
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The page model of the Map… dialog. */
export interface MapDialogModel {
  dialog: Locator;
  /** The dialog's heading, e.g. "Map a ChartHop user". */
  heading(name: string): Locator;
  /** The list of counterparts to pick from. */
  choices: Locator;
  /** Open the dialog with one of the Map… buttons an unmapped value offers. */
  openFrom(button: Locator): Promise<void>;
  /** Leave with Escape, without saving, and wait for the dialog to close. */
  dismiss(): Promise<void>;
  /** Leave with Cancel, without saving, and wait for the dialog to close. */
  cancel(): Promise<void>;
  /** The read-only field holding the unmapped value (labelled with its system and kind, e.g. "ChartHop user"). */
  source(label: string): Locator;
  /** Type in the search box, then pick the first choice whose text contains `choice`. */
  pick(search: string, choice: string): Promise<void>;
  /** Save the mapping and wait for the dialog to close. */
  save(): Promise<void>;
}

/** The window's Map… dialog. */
export function mapDialog(page: Page): MapDialogModel {
  const dialog = page.getByTestId('map-dialog');
  return {
    dialog,
    heading: (name) => dialog.getByRole('heading', { name }),
    choices: dialog.getByRole('listbox'),
    async openFrom(button) {
      await button.click();
    },
    async dismiss() {
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    },
    async cancel() {
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
    },
    source: (label) => dialog.getByLabel(label, { exact: true }),
    async pick(search, choice) {
      await dialog.getByRole('searchbox').fill(search);
      const list = dialog.getByRole('listbox');
      const option = list.locator('option', { hasText: choice }).first();
      await expect(option).toBeAttached({ timeout: 15_000 });
      await list.selectOption((await option.getAttribute('value')) ?? '');
    },
    async save() {
      await dialog.getByRole('button', { name: 'Save mapping' }).click();
      await expect(dialog).toBeHidden({ timeout: 15_000 });
    },
  };
}
