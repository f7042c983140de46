/** Issue 7 (UI): "Start ReqBridge at login" is a preference of this computer, on the Profiles page; it is saved and survives a reload. */
import { api, expect, test } from './host-fixture.ts';
import { openSection } from './app-pages.ts';

test('Start ReqBridge at login toggles on the Profiles page and survives a reload', async ({ page, host }) => {
  await openSection(page, 'Profiles');
  const section = page.getByTestId('this-computer');
  const toggle = section.getByRole('switch', { name: 'Start ReqBridge at login' });
  await expect(toggle).toBeEnabled();
  await expect(toggle).not.toBeChecked();
  await expect(section).toContainText('Applies to the desktop app');
  // The browser host says where the setting takes effect.
  await expect(section).toContainText('the desktop app applies it when it next starts');
  // Which profiles run daily here (the Sandbox has Run Daily on).
  await expect(section.getByTestId('scheduled-here')).toContainText('Sandbox — next daily run');

  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(toggle).toBeEnabled();
  expect((await api(page, host, 'app:preferences', {})).startAtLogin).toBe(true);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Profiles');
  await expect(toggle).toBeEnabled();
  await expect(toggle).toBeChecked();

  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await expect(toggle).toBeEnabled();
  await page.reload();
  await expect(toggle).toBeEnabled();
  await expect(toggle).not.toBeChecked();
  expect((await api(page, host, 'app:preferences', {})).startAtLogin).toBe(false);
});
