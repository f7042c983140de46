/** The rail's status dots say the same as Home's attention list: a sync that skipped records, a profile without its keys. */
import type { Page } from '@playwright/test';
import { api, expect, test } from './host-fixture.ts';
import { switchProfile } from './app-pages.ts';

/** The status dot of a section in the rail (its accessible name is its meaning). */
const railDot = (page: Page, section: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: new RegExp(`^${section}\\b`) }).getByRole('img');

test('Runs goes amber after a Sandbox sync that skipped records; Setup is red for a client profile without keys', async ({ page, host }) => {
  await expect(railDot(page, 'Runs')).toHaveCount(0);
  await expect(railDot(page, 'Setup')).toHaveAttribute('aria-label', 'all set');

  // The Sandbox's demo data has a recruiter missing from Lever: the sync succeeds but skips their jobs.
  // The first sync goes through the Preview: Apply all.
  await page.locator('.topbar').getByRole('button', { name: 'Sync now' }).click();
  const sheet = page.getByTestId('reconcile-sheet');
  await sheet.getByRole('button', { name: 'Apply all' }).click();
  await expect(sheet.getByTestId('reconcile-result')).toContainText(/\d+ skipped/, { timeout: 90_000 });
  await sheet.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(railDot(page, 'Runs')).toHaveAttribute('aria-label', 'needs attention');
  await expect(page.getByTestId('home-card').first()).toContainText('Unmapped values skipped records');

  await api(page, host, 'profiles:create', { name: 'Keyless Client' });
  await switchProfile(page, 'Keyless Client');
  await expect(railDot(page, 'Setup')).toHaveAttribute('aria-label', 'needs fixing');
});
