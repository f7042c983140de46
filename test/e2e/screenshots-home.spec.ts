/** Screenshots of Home and its neighbours for review (test-results/screenshots/) and compared with their baselines (snap.ts): Home per profile (light, dark, paused), a metrics run, This computer. */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';
import { snap } from './snap.ts';

// The compared screenshots hide clock-dependent text with a style sheet (snap.ts), which the app's CSP would refuse.
test.use({ bypassCSP: true });

test('screenshots of Home with two profiles, a metrics run and This computer', async ({ page, host }) => {
  const { home, setup, runDetail, profiles } = appModels(page);
  // A client mid-setup next to the Sandbox: key pasted, token missing, Run Daily at 07:30. Unique name: the keychain is shared by parallel tests.
  const { id } = await api(page, host, 'profiles:create', { name: 'Umbrella Health' });
  await api(page, host, 'settings:update', {
    profileId: id,
    patch: { charthop: { org: 'umbrella' }, options: { runDaily: true }, dailyRunTime: '07:30' },
  });
  await api(page, host, 'secrets:set', { profileId: id, name: 'leverApiKey', value: 'lvr_screenshot_home_Q7x2' });
  // The Sandbox after a sync, a metrics pull and Check connection.
  await api(page, host, 'sync:run', { profileId: 'sandbox' });
  await api(page, host, 'metrics:run', { profileId: 'sandbox' });
  await page.reload();
  await setup.open();
  await setup.checkConnection();
  await expect(setup.connectionCheck.report).toBeVisible({ timeout: 20_000 });

  await page.setViewportSize({ width: 1280, height: 1900 });
  await home.open();
  const sandbox = home.card('sandbox');
  await expect(sandbox.lastRun).toContainText('Candidate metrics');
  await expect(home.card(id).attention).toBeVisible();
  await snap(page, 'home-profiles');
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, 'home-profiles-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.setViewportSize({ width: 1280, height: 900 });
  await home.pauseSchedules();
  await expect(sandbox.nextRun).toContainText('Schedules paused');
  await snap(page, 'home-paused');
  await home.resumeSchedules();
  await expect(home.schedulesBar).toHaveAttribute('data-paused', 'false');

  await sandbox.openLastRun();
  await expect(runDetail.items.first()).toBeVisible();
  await snap(page, 'run-detail-metrics');
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, 'run-detail-metrics-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await profiles.open();
  await expect(profiles.thisComputer.startAtLogin).toBeEnabled();
  await snap(page.getByTestId('this-computer'), 'profiles-this-computer');
});
