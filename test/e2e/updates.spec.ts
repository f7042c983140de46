/** Issue 10: "Check for updates" in Profiles → This computer. The browser host does not update itself: the panel shows the version and says so, with no button that cannot work. */
import { readFileSync } from 'node:fs';
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

const packageVersion = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

test('the browser host shows the running version and that updates come with the installed app', async ({ page, host }) => {
  const { profiles } = appModels(page);
  const { updates, updatesHeading, appVersion, updatesButtons } = profiles.thisComputer;
  await profiles.open();
  await expect(updatesHeading).toBeVisible();
  await expect(appVersion).toHaveText(packageVersion);
  await expect(updates).toContainText(`This is ReqBridge ${packageVersion}.`);
  await expect(updates).toContainText('Updates come with the installed app.');
  await expect(updatesButtons).toHaveCount(0);
  expect(await api(page, host, 'updates:status', {})).toEqual({ phase: 'unsupported', version: packageVersion });
});
