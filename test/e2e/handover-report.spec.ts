/**
 * Acceptance (issue 13): Home's profile card downloads the hand-over report; Chromium parses the
 * file and finds each section, and the page loads nothing from anywhere (self-contained).
 */
import { expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';
import { HandoverReport } from './pages/handover-report.ts';

const SECTIONS = [
  'Client profile',
  'Last Check connection',
  'Mappings',
  'Webhook setup',
  'Schedule',
  'Last 10 runs',
  'Pending attention items',
  'Unmapped values',
  'What the client still has to do',
];

test('Hand-over report on Home’s profile card downloads one self-contained HTML file with every section', async ({ page, context }) => {
  const { home } = appModels(page);
  const download = await home.card('sandbox').downloadHandoverReport();
  expect(download.name).toMatch(/^reqbridge-handover-sandbox-\d{4}-\d\d-\d\d\.html$/);
  const html = download.text;

  const reader = await context.newPage();
  const requests: string[] = [];
  await reader.route('**/*', async (route) => {
    requests.push(route.request().url());
    await route.abort();
  });
  await reader.setContent(html, { waitUntil: 'load' });
  const report = new HandoverReport(reader);
  await expect(report.title).toHaveText('ReqBridge hand-over: Sandbox');
  await expect(report.sectionTitles).toHaveText(SECTIONS);
  for (const title of SECTIONS) await expect(report.section(title)).toBeVisible();
  await expect(report.profileTable).toContainText('Sync On Change');
  expect(requests).toEqual([]);
  // Printing keeps every section (the print stylesheet hides nothing).
  await reader.emulateMedia({ media: 'print' });
  for (const title of SECTIONS) await expect(report.section(title)).toBeVisible();
});
