/** One row of a plan (Reconcile, Preview, Undo) or one record of a run: its title, reason, selection and diff. */
import type { Locator } from '@playwright/test';

/** The class that holds a row's or a record's title, shared by plan rows, applied items and run records. */
export const ROW_TITLE = '.plan-row-title';

/** The titles of every row or record `rows` matches, sorted, for comparing sets of records. */
export async function sortedTitles(rows: Locator): Promise<string[]> {
  return (await rows.locator(ROW_TITLE).allInnerTexts()).sort();
}

/** The value of one attribute on every element `rows` matches, in order (e.g. each row's `data-action`). */
export function attributeOfEach(rows: Locator, name: string): Promise<Array<string | null>> {
  return rows.evaluateAll((els, attribute) => els.map((el) => el.getAttribute(attribute)), name);
}

/** A plan row, pinned by its locator. */
export class PlanRow {
  /** The row's title. */
  readonly title: Locator;
  /** Why the row plans what it plans. */
  readonly reason: Locator;
  /** The row's Apply checkbox (only applicable rows have one). */
  readonly checkbox: Locator;
  /** The field rows of its diff that change. */
  readonly changedFields: Locator;

  /** The row itself. */
  readonly root: Locator;

  constructor(root: Locator) {
    this.root = root;
    this.title = root.locator(ROW_TITLE);
    this.reason = root.locator('.plan-row-reason');
    this.checkbox = root.getByRole('checkbox');
    this.changedFields = root.locator('table.diff-table tr[data-changed="true"]');
  }

  /** The row's id in the plan (`data-row-id`). */
  async id(): Promise<string | null> {
    return this.root.getAttribute('data-row-id');
  }

  /** Expand the row's diff ("3 changes"). */
  async showChanges(): Promise<void> {
    await this.root.getByRole('button', { name: /changes?$/ }).click();
  }

  /** The before and after values of a changed field row of the diff. */
  async beforeAndAfter(field: Locator): Promise<[string, string]> {
    return Promise.all([field.locator('.diff-before').innerText(), field.locator('.diff-after').innerText()]);
  }

  /** Approve the row. */
  async select(): Promise<void> {
    await this.checkbox.check();
  }
}
