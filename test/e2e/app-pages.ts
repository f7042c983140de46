/** Small helpers that drive the app the way a consultant does: the rail, the switcher, the Options switches. */
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Open a section from the left rail and wait for its title. */
export async function openSection(page: Page, name: 'Home' | 'Setup' | 'Options' | 'Runs' | 'Hires' | 'Profiles'): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

/** Switch profile through the rail's switcher. */
export async function switchProfile(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: /^Profile: .*Switch profile$/ }).click();
  await page.getByRole('list', { name: 'Profiles' }).getByRole('button', { name }).click();
  await expect(page.getByTestId('current-profile')).toHaveText(name);
}

/** One of the five option switches, by its label. */
export function optionSwitch(page: Page, label: string): Locator {
  return page.getByRole('switch', { name: label, exact: true });
}
