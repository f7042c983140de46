/**
 * The first helpers of the e2e specs, kept for the specs that do not use the page models yet (test/e2e/pages/):
 * thin wrappers around the rail's and the Options page's models.
 */
import type { Locator, Page } from '@playwright/test';
import type { SectionName } from './pages/app-shell.ts';
import { AppShell } from './pages/app-shell.ts';
import { optionSwitchOf } from './pages/options-page.ts';

/** Open a section from the left rail and wait for its title. */
export async function openSection(page: Page, name: SectionName): Promise<void> {
  await new AppShell(page).open(name);
}

/** Switch profile through the rail's switcher. */
export async function switchProfile(page: Page, name: string): Promise<void> {
  await new AppShell(page).switchProfile(name);
}

/** One of the five option switches, by its label. */
export function optionSwitch(page: Page, label: string): Locator {
  return optionSwitchOf(page, label);
}
