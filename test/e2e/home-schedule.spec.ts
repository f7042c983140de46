/** Issue 7 (UI): Home shows every profile's schedule; Pause schedules shows on Home and in the top bar, survives a reload, and Resume brings the next run back. */
import { api, expect, test } from './host-fixture.ts';
import { hireOpportunity, leverState, sandboxOf } from './sandbox-control.ts';

test('Home shows the Sandbox card with its daily time and next run; pausing shows "paused" on Home and in the top bar, across a reload; resuming shows the next run again', async ({ page, host }) => {
  const card = page.locator('[data-testid="home-card"][data-profile="sandbox"]');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('Sandbox');
  await expect(card.locator('.badge')).toHaveText('Sandbox');
  const { dailyRunTime } = await api(page, host, 'settings:get', { profileId: 'sandbox' });
  await expect(card.getByTestId('schedule-run-daily')).toContainText(`On, at ${dailyRunTime} (this computer’s time)`);

  // The next run is the scheduler's: at the daily time, within the next day.
  const next = card.getByTestId('schedule-next-run');
  const { nextRuns } = await api(page, host, 'schedule:status', {});
  expect(nextRuns.map((run) => run.profileId)).toContain('sandbox');
  await expect(next).toContainText(dailyRunTime);
  await expect(next).toContainText(/in \d+ (seconds?|minutes?|hours?)|tomorrow/);
  await expect(next).not.toContainText('paused');
  const { syncOnChangeIntervalSeconds } = await api(page, host, 'settings:get', { profileId: 'sandbox' });
  await expect(card.getByTestId('schedule-sync-on-change')).toContainText(`On — ChartHop is checked every ${syncOnChangeIntervalSeconds} s while ReqBridge runs; changes go to Lever`);
  const topNext = page.getByTestId('topbar-next-run');
  await expect(topNext).toContainText(`Next run: Daily at ${dailyRunTime} — next in`);

  const bar = page.getByTestId('schedules-bar');
  await expect(bar).toContainText('Schedules on.');
  await bar.getByRole('button', { name: 'Pause schedules' }).click();
  await expect(bar).toHaveAttribute('data-paused', 'true');
  await expect(bar).toContainText('Schedules paused.');
  await expect(next).toContainText('Schedules paused');
  await expect(next).not.toContainText(/in \d+/);
  await expect(card.getByTestId('schedule-sync-on-change')).toContainText('paused');
  await expect(topNext).toHaveText(/^Schedules paused/);
  expect((await api(page, host, 'schedule:status', {})).paused).toBe(true);

  await page.reload();
  await expect(page.getByTestId('schedules-bar')).toHaveAttribute('data-paused', 'true');
  await expect(card.getByTestId('schedule-next-run')).toContainText('Schedules paused');
  await expect(page.getByTestId('topbar-next-run')).toHaveText(/^Schedules paused/);

  // Resume from the top bar's link this time: the next run is back on Home and in the top bar.
  await page.getByTestId('topbar-next-run').getByRole('button', { name: 'Resume schedules' }).click();
  await expect(page.getByTestId('schedules-bar')).toHaveAttribute('data-paused', 'false');
  await expect(card.getByTestId('schedule-next-run')).toContainText(dailyRunTime);
  await expect(card.getByTestId('schedule-next-run')).not.toContainText('paused');
  await expect(page.getByTestId('topbar-next-run')).toContainText(`Next run: Daily at ${dailyRunTime} — next in`);
  expect((await api(page, host, 'schedule:status', {})).paused).toBe(false);
});

test('Home has a card per profile, the selected one first, each with its own schedule and attention items', async ({ page, host }) => {
  const { id } = await api(page, host, 'profiles:create', { name: 'Globex Home' });
  await api(page, host, 'settings:update', { profileId: id, patch: { options: { runDaily: true }, dailyRunTime: '07:30' } });
  await page.reload();

  const cards = page.getByTestId('home-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toHaveAttribute('data-profile', 'sandbox');
  const globex = page.locator(`[data-testid="home-card"][data-profile="${id}"]`);
  await expect(globex.locator('.badge')).toHaveText('Not configured');
  await expect(globex.getByTestId('schedule-run-daily')).toContainText('On, at 07:30');
  await expect(globex.getByTestId('schedule-next-run')).toContainText('07:30');
  await expect(globex.getByTestId('attention')).toContainText('The Lever API key is not set.');
  await expect(globex.getByTestId('home-runs')).toContainText('No runs yet');

  // Using it from its card makes it the selected profile, and its card moves first.
  await globex.getByRole('button', { name: 'Use this profile' }).click();
  await expect(page.getByTestId('current-profile')).toHaveText('Globex Home');
  await expect(cards.nth(0)).toHaveAttribute('data-profile', id);
  await expect(cards.nth(0).locator('.chip-current')).toHaveText('In use');

  // An attention item of a card acts on that card's profile: this one opens Setup for the Sandbox.
  await api(page, host, 'settings:update', { profileId: 'sandbox', patch: { options: { syncOnChange: false } } });
  const sandbox = page.locator('[data-testid="home-card"][data-profile="sandbox"]');
  const item = sandbox.getByTestId('attention').getByRole('listitem').filter({ hasText: 'Sync On Change is required' });
  await item.getByRole('button', { name: 'Turn it on in Options' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Options');
  await expect(page.getByTestId('current-profile')).toHaveText('Sandbox');
});

test('Home’s Sandbox card shows the new-hire webhook: no tunnel needed, and the last delivery once Lever sends one', async ({ page, host }) => {
  const card = page.locator('[data-testid="home-card"][data-profile="sandbox"]');
  const webhook = card.getByTestId('home-webhook');
  await expect(webhook.getByRole('heading', { level: 3 })).toHaveText('New-hire webhook');

  // The Sandbox's fake Lever calls this computer directly: no tunnel, and nothing delivered yet.
  const status = await api(page, host, 'webhook:status', { profileId: 'sandbox' });
  expect(status).toMatchObject({ tunnel: { provider: 'none' }, lastDeliveryAt: null });
  await expect(webhook.getByTestId('home-webhook-tunnel').locator('dd')).toHaveText('No tunnel needed: the Sandbox’s fake Lever calls this computer directly.');
  await expect(webhook.getByTestId('home-webhook-last-delivery').locator('dd')).toHaveText('None yet');

  // Lever marks a candidate hired: the delivery arrives and the card says when, live.
  const sandbox = sandboxOf(host);
  const state = await leverState(page.request, sandbox);
  const candidate = state.opportunities.find((opp) => !opp.archived && opp.application?.posting && opp.emails.length > 0);
  if (!candidate) throw new Error('The Sandbox has no active candidate with an email and a posting to hire.');
  await hireOpportunity(page.request, sandbox, candidate.id, { startDate: Date.UTC(2027, 0, 4) });
  const lastDelivery = webhook.getByTestId('home-webhook-last-delivery');
  await expect(lastDelivery).not.toContainText('None yet', { timeout: 30_000 });
  await expect(lastDelivery.locator('dd')).toHaveText(/^(just now|\d+ seconds? ago)$/);
  const delivered = await api(page, host, 'webhook:status', { profileId: 'sandbox' });
  expect(delivered.lastDeliveryAt).not.toBeNull();
  await expect(lastDelivery.locator('time[title]')).toHaveCount(1);
  await expect(webhook.getByTestId('home-webhook-tunnel')).toContainText('No tunnel needed');
});
