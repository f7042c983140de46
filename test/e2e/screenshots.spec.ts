/** One screenshot per main page (light, and dark for the busiest ones) for review (test-results/screenshots/) and compared with their baselines (snap.ts). */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';
import { snap } from './snap.ts';

// The compared screenshots hide clock-dependent text with a style sheet (snap.ts), which the app's CSP would refuse.
test.use({ bypassCSP: true });

const PAGES = ['Home', 'Setup', 'Options', 'Runs', 'Hires', 'Profiles'] as const;

test('screenshots of every main page', async ({ page, host }) => {
  const { shell, options } = appModels(page);
  // A client mid-setup: key pasted, token missing, org named. Unique name: the keychain is shared by parallel tests.
  await api(page, host, 'profiles:create', { name: 'Acme Corp' });
  const { id } = await api(page, host, 'profiles:create', { name: 'Stark Industries' });
  await api(page, host, 'settings:update', { profileId: id, patch: { charthop: { org: 'stark' }, options: { runDaily: true } } });
  await api(page, host, 'secrets:set', { profileId: id, name: 'leverApiKey', value: 'lvr_screenshot_demo_a1B2' });
  await api(page, host, 'profiles:select', { id });
  await page.reload();
  // The content scrolls inside the frame: a tall viewport shows whole pages.
  await page.setViewportSize({ width: 1280, height: 1800 });

  for (const name of PAGES) {
    await shell.open(name);
    await expect(shell.loading).toHaveCount(0);
    await snap(page, `${name.toLowerCase()}`);
  }

  // Options mid-edit: inbound with Reverse Sync on, the excluded options disabled with their reason, unsaved.
  await options.open();
  await options.chooseSourceOfTruth('Lever (remote system)');
  // A new profile starts with Sync On Change on (the outbound flow requires it); inbound excludes it.
  await options.turnOff('Sync On Change');
  await options.turnOn('Reverse Sync');
  await expect(options.reason('syncOnChange')).toBeVisible();
  await snap(page, 'options-unsaved');
  await options.discard();

  await page.emulateMedia({ colorScheme: 'dark' });
  for (const name of ['Options', 'Setup', 'Home'] as const) {
    await shell.open(name);
    await snap(page, `${name.toLowerCase()}-dark`);
  }

  await page.setViewportSize({ width: 1280, height: 860 });
  await options.open();
  await shell.openProfileMenu();
  await snap(page, 'switcher-dark');
});
