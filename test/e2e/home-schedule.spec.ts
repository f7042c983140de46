/** Issue 7 (UI): Home shows every profile's schedule; Pause schedules shows on Home and in the top bar, survives a reload, and Resume brings the next run back. */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';
import { hireOpportunity, leverState, sandboxOf } from './sandbox-control.ts';

test('Home shows the Sandbox card with its daily time and next run; pausing shows "paused" on Home and in the top bar, across a reload; resuming shows the next run again', async ({
  page,
  host,
}) => {
  const { shell, home } = appModels(page);
  const card = home.card('sandbox');
  await expect(card.name).toHaveText('Sandbox');
  await expect(card.badge).toHaveText('Sandbox');
  const { dailyRunTime } = await api(page, host, 'settings:get', { profileId: 'sandbox' });
  await expect(card.runDaily).toContainText(`On, at ${dailyRunTime} (this computer’s time)`);

  // The next run is the scheduler's: at the daily time, within the next day.
  const next = card.nextRun;
  const { nextRuns } = await api(page, host, 'schedule:status', {});
  expect(nextRuns.map((run) => run.profileId)).toContain('sandbox');
  await expect(next).toContainText(dailyRunTime);
  await expect(next).toContainText(/in \d+ (seconds?|minutes?|hours?)|tomorrow/);
  await expect(next).not.toContainText('paused');
  const { syncOnChangeIntervalSeconds } = await api(page, host, 'settings:get', { profileId: 'sandbox' });
  await expect(card.syncOnChange).toContainText(
    `On — ChartHop is checked every ${syncOnChangeIntervalSeconds} s while ReqBridge runs; changes go to Lever`,
  );
  await expect(shell.nextRun).toContainText(`Next run: Daily at ${dailyRunTime} — next in`);

  const bar = home.schedulesBar;
  await expect(bar).toContainText('Schedules on.');
  await home.pauseSchedules();
  await expect(bar).toHaveAttribute('data-paused', 'true');
  await expect(bar).toContainText('Schedules paused.');
  await expect(next).toContainText('Schedules paused');
  await expect(next).not.toContainText(/in \d+/);
  await expect(card.syncOnChange).toContainText('paused');
  await expect(shell.nextRun).toHaveText(/^Schedules paused/);
  expect((await api(page, host, 'schedule:status', {})).paused).toBe(true);

  await page.reload();
  await expect(bar).toHaveAttribute('data-paused', 'true');
  await expect(card.nextRun).toContainText('Schedules paused');
  await expect(shell.nextRun).toHaveText(/^Schedules paused/);

  // Resume from the top bar's link this time: the next run is back on Home and in the top bar.
  await shell.resumeSchedules();
  await expect(bar).toHaveAttribute('data-paused', 'false');
  await expect(card.nextRun).toContainText(dailyRunTime);
  await expect(card.nextRun).not.toContainText('paused');
  await expect(shell.nextRun).toContainText(`Next run: Daily at ${dailyRunTime} — next in`);
  expect((await api(page, host, 'schedule:status', {})).paused).toBe(false);
});

test('Home has a card per profile, the selected one first, each with its own schedule and attention items', async ({ page, host }) => {
  const { shell, home } = appModels(page);
  const { id } = await api(page, host, 'profiles:create', { name: 'Globex Home' });
  await api(page, host, 'settings:update', { profileId: id, patch: { options: { runDaily: true }, dailyRunTime: '07:30' } });
  await page.reload();

  await expect(home.cards).toHaveCount(2);
  await expect(home.cardAt(0).root).toHaveAttribute('data-profile', 'sandbox');
  const globex = home.card(id);
  await expect(globex.badge).toHaveText('Not configured');
  await expect(globex.runDaily).toContainText('On, at 07:30');
  await expect(globex.nextRun).toContainText('07:30');
  await expect(globex.attention).toContainText('The Lever API key is not set.');
  await expect(globex.runs).toContainText('No runs yet');

  // Using it from its card makes it the selected profile, and its card moves first.
  await globex.use();
  await expect(shell.currentProfile).toHaveText('Globex Home');
  await expect(home.cardAt(0).root).toHaveAttribute('data-profile', id);
  await expect(home.cardAt(0).currentChip).toHaveText('In use');

  // An attention item of a card acts on that card's profile: this one opens Setup for the Sandbox.
  await api(page, host, 'settings:update', { profileId: 'sandbox', patch: { options: { syncOnChange: false } } });
  await home.card('sandbox').actOnAttention('Sync On Change is required', 'Turn it on in Options');
  await expect(shell.title).toHaveText('Options');
  await expect(shell.currentProfile).toHaveText('Sandbox');
});

test('Home’s Sandbox card shows the new-hire webhook: no tunnel needed, and the last delivery once Lever sends one', async ({
  page,
  host,
}) => {
  const { home } = appModels(page);
  const card = home.card('sandbox');
  await expect(card.webhookHeading).toHaveText('New-hire webhook');

  // The Sandbox's fake Lever calls this computer directly: no tunnel, and nothing delivered yet.
  const status = await api(page, host, 'webhook:status', { profileId: 'sandbox' });
  expect(status).toMatchObject({ tunnel: { provider: 'none' }, lastDeliveryAt: null });
  await expect(card.webhookTunnelValue).toHaveText('No tunnel needed: the Sandbox’s fake Lever calls this computer directly.');
  await expect(card.webhookLastDeliveryValue).toHaveText('None yet');

  // Lever marks a candidate hired: the delivery arrives and the card says when, live.
  const sandbox = sandboxOf(host);
  const state = await leverState(page.request, sandbox);
  const candidate = state.opportunities.find((opp) => !opp.archived && opp.application?.posting && opp.emails.length > 0);
  if (!candidate) throw new Error('The Sandbox has no active candidate with an email and a posting to hire.');
  await hireOpportunity(page.request, sandbox, candidate.id, { startDate: Date.UTC(2027, 0, 4) });
  await expect(card.webhookLastDelivery).not.toContainText('None yet', { timeout: 30_000 });
  await expect(card.webhookLastDeliveryValue).toHaveText(/^(just now|\d+ seconds? ago)$/);
  const delivered = await api(page, host, 'webhook:status', { profileId: 'sandbox' });
  expect(delivered.lastDeliveryAt).not.toBeNull();
  await expect(card.webhookLastDeliveryTime).toHaveCount(1);
  await expect(card.webhookTunnel).toContainText('No tunnel needed');
});
