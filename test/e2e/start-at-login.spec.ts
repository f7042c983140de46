/** Issue 7 (UI): "Start ReqBridge at login" is a preference of this computer, on the Profiles page; it is saved and survives a reload. */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

test('Start ReqBridge at login toggles on the Profiles page and survives a reload', async ({ page, host }) => {
  const { shell, profiles } = appModels(page);
  const here = profiles.thisComputer;
  await profiles.open();
  const section = here.section;
  const toggle = here.startAtLogin;
  await expect(toggle).toBeEnabled();
  await expect(toggle).not.toBeChecked();
  await expect(section).toContainText('Applies to the desktop app');
  // The browser host says where the setting takes effect.
  await expect(section).toContainText('the desktop app applies it when it next starts');
  // Which profiles run daily here (the Sandbox has Run Daily on).
  await expect(here.scheduledHere).toContainText('Sandbox — next daily run');

  await here.toggleStartAtLogin();
  await expect(toggle).toBeChecked();
  await expect(toggle).toBeEnabled();
  expect((await api(page, host, 'app:preferences', {})).startAtLogin).toBe(true);

  await page.reload();
  await expect(shell.title).toHaveText('Profiles');
  await expect(toggle).toBeEnabled();
  await expect(toggle).toBeChecked();

  await here.toggleStartAtLogin();
  await expect(toggle).not.toBeChecked();
  await expect(toggle).toBeEnabled();
  await page.reload();
  await expect(toggle).toBeEnabled();
  await expect(toggle).not.toBeChecked();
  expect((await api(page, host, 'app:preferences', {})).startAtLogin).toBe(false);
});
