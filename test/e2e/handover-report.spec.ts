/**
 * Acceptance (issue 13): Home's profile card downloads the hand-over report; Chromium parses the
 * file and finds each section, and the page loads nothing from anywhere (self-contained).
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './host-fixture.ts';

const SECTIONS = [
  'Client profile', 'Last Check connection', 'Mappings', 'Webhook setup', 'Schedule', 'Last 10 runs', 'Pending attention items', 'Unmapped values',
  'What the client still has to do',
];

test('Hand-over report on Home’s profile card downloads one self-contained HTML file with every section', async ({ page, context }) => {
  const card = page.locator('[data-testid="home-card"][data-profile="sandbox"]');
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Hand-over report' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^reqbridge-handover-sandbox-\d{4}-\d\d-\d\d\.html$/);
  const html = await readFile(await download.path(), 'utf8');

  const reader = await context.newPage();
  const requests: string[] = [];
  await reader.route('**/*', async (route) => {
    requests.push(route.request().url());
    await route.abort();
  });
  await reader.setContent(html, { waitUntil: 'load' });
  await expect(reader.locator('h1')).toHaveText('ReqBridge hand-over: Sandbox');
  await expect(reader.locator('section > h2')).toHaveText(SECTIONS);
  for (const title of SECTIONS) await expect(reader.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(reader.locator('#profile table')).toContainText('Sync On Change');
  expect(requests).toEqual([]);
  // Printing keeps every section (the print stylesheet hides nothing).
  await reader.emulateMedia({ media: 'print' });
  for (const title of SECTIONS) await expect(reader.getByRole('heading', { level: 2, name: title })).toBeVisible();
});
