/** One screenshot per main page (light, and dark for the busiest ones) for review (test-results/screenshots/) and compared with their baselines (snap.ts). */
import { api, expect, test } from './host-fixture.ts';
import { openSection } from './app-pages.ts';
import { snap } from './snap.ts';

// The compared screenshots hide clock-dependent text with a style sheet (snap.ts), which the app's CSP would refuse.
test.use({ bypassCSP: true });

const PAGES = ['Home', 'Setup', 'Options', 'Runs', 'Hires', 'Profiles'] as const;

test('screenshots of every main page', async ({ page, host }) => {
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
    await openSection(page, name);
    await expect(page.locator('main .loading')).toHaveCount(0);
    await snap(page, `${name.toLowerCase()}`);
  }

  // Options mid-edit: inbound with Reverse Sync on, the excluded options disabled with their reason, unsaved.
  await openSection(page, 'Options');
  await page.getByRole('radio', { name: 'Lever (remote system)' }).check();
  // A new profile starts with Sync On Change on (the outbound flow requires it); inbound excludes it.
  await page.getByRole('switch', { name: 'Sync On Change', exact: true }).uncheck();
  await page.getByRole('switch', { name: 'Reverse Sync', exact: true }).check();
  await expect(page.getByTestId('syncOnChange-reason')).toBeVisible();
  await snap(page, 'options-unsaved');
  await page.getByRole('button', { name: 'Discard' }).click();

  await page.emulateMedia({ colorScheme: 'dark' });
  for (const name of ['Options', 'Setup', 'Home'] as const) {
    await openSection(page, name);
    await snap(page, `${name.toLowerCase()}-dark`);
  }

  await page.setViewportSize({ width: 1280, height: 860 });
  await openSection(page, 'Options');
  await page.getByRole('button', { name: /^Profile: .*Switch profile$/ }).click();
  await snap(page, 'switcher-dark');
});
