/** Issue 10: "Check for updates" in Profiles → This computer. The browser host does not update itself: the panel shows the version and says so, with no button that cannot work. */
import { readFileSync } from 'node:fs';
import { api, expect, test } from './host-fixture.ts';
import { openSection } from './app-pages.ts';

const packageVersion = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

test('the browser host shows the running version and that updates come with the installed app', async ({ page, host }) => {
  await openSection(page, 'Profiles');
  const updates = page.getByTestId('this-computer').getByTestId('app-updates');
  await expect(updates.getByRole('heading', { name: 'Updates' })).toBeVisible();
  await expect(updates.getByTestId('app-version')).toHaveText(packageVersion);
  await expect(updates).toContainText(`This is ReqBridge ${packageVersion}.`);
  await expect(updates).toContainText('Updates come with the installed app.');
  await expect(updates.getByRole('button')).toHaveCount(0);
  expect(await api(page, host, 'updates:status', {})).toEqual({ phase: 'unsupported', version: packageVersion });
});
