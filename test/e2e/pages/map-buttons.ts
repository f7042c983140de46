/** The Map… buttons an unmapped value offers wherever it is shown (a plan row, a run record, a check, an attention item). */
import type { Locator } from '@playwright/test';

const MAP_USER = /^Map the ChartHop user/;

/** Every "Map the ChartHop user “…”" button inside `scope`. */
export function mapUserButtons(scope: Locator): Locator {
  return scope.getByRole('button', { name: MAP_USER });
}

/** The Map… button of one ChartHop user's email inside `scope`. */
export function mapUserButtonFor(scope: Locator, email: string): Locator {
  return scope.getByRole('button', { name: `Map the ChartHop user “${email}”` });
}

/** The elements of `rows` that offer to map a ChartHop user. */
export function withMapUserButton(rows: Locator): Locator {
  return rows.filter({ has: rows.page().getByRole('button', { name: MAP_USER }) });
}

/** The email a Map… button offers to map, read from its accessible name. */
export async function emailToMap(button: Locator): Promise<string> {
  return /“(.+)”/.exec((await button.getAttribute('aria-label')) ?? '')?.[1] ?? '';
}

/** The notes inside `scope` that say what a value is mapped to. */
export function mappedNotes(scope: Locator): Locator {
  return scope.getByTestId('mapped-note');
}
