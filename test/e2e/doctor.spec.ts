/** Acceptance (issue 4): Check connection on the Sandbox profile shows the doctor's report, mismatches in amber with their fix. */
import { expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';
import { leverFault, sandboxOf } from './sandbox-control.ts';

test('Check connection on the Sandbox shows the report: a mismatched manager email and the duplicated team "Operations" in amber', async ({
  page,
  host,
}) => {
  const { shell, home, setup } = appModels(page);
  const check = setup.connectionCheck;
  await expect(shell.currentProfile).toHaveText('Sandbox');
  // The doctor takes a fraction of a second on the Sandbox: a slow first Lever read makes its progress observable.
  await leverFault(page.request, sandboxOf(host), { method: 'GET', path: '/v1/:resource', times: 1, action: { kind: 'delay', ms: 1500 } });
  await setup.open();
  await expect(check.step).toContainText('Not checked yet');

  await check.run();
  await expect(check.progressBar).toBeVisible();

  await expect(check.report).toBeVisible({ timeout: 20_000 });
  await expect(check.anyProgressBar).toHaveCount(0);
  await expect(check.summary).toContainText(/\d+ passed · \d+ warnings? · 0 failed · \d+ not verified/);

  // The deliberate mismatches of the demo data, in amber rows with a fix line.
  const amber = check.checksWithStatus('warn');
  const users = amber.filter({ hasText: 'Hiring managers and recruiters exist in Lever' });
  await expect(users).toHaveCount(1);
  // (The Sandbox maps the demo's aliased managers; its recruiter with no Lever user at all stays unmatched.)
  const unmatched = /(hiring manager|recruiter) of \d+ open jobs\): no Lever user with the email [\w.'-]+@[\w.-]+/;
  await expect(check.findings(users, unmatched).first()).toBeVisible();
  await expect(users).toContainText('Fix:');
  const teams = amber.filter({ hasText: 'No Lever team name under two departments' });
  await expect(check.findings(teams, '"Operations"')).toHaveCount(1);

  // Green rows say they passed and carry no fix; every row is one of the four states.
  const key = check.check('lever.key');
  await expect(key).toHaveAttribute('data-status', 'pass');
  await expect(key).not.toContainText('Fix:');
  for (const status of await check.statuses()) {
    expect(['pass', 'warn', 'fail', 'unverified']).toContain(status);
  }

  // The step's chip follows the report: nothing failed, warnings to review.
  await expect(check.chip).toHaveText(/^Done — \d+ warnings? to review$/);

  // Home lists the doctor's warnings among the attention items of this session.
  await home.open();
  await expect(home.attention).toContainText('Check connection warns — No Lever team name under two departments');
});

test('Check connection shows check K of N with its title, an ETA and Cancel; a cancelled check reports the rest as not checked', async ({
  page,
  host,
}) => {
  const { setup } = appModels(page);
  const check = setup.connectionCheck;
  // Every Lever read takes a while, so the checks can be watched and cancelled halfway.
  await leverFault(page.request, sandboxOf(host), { method: 'GET', path: '/v1/:resource', action: { kind: 'delay', ms: 400 } });
  await setup.open();
  await check.run();

  await expect(check.progressBar).toBeVisible();
  await expect(check.progress).toContainText(/check \d+ of 20: \S/);
  await expect(check.progress).toContainText(/check ([4-9]|1\d|20) of 20: .+ · (about \d+ (s|min) left|almost done)/, { timeout: 15_000 });
  await check.cancel();

  await expect(check.report).toBeVisible({ timeout: 10_000 });
  await expect(check.anyProgressBar).toHaveCount(0);
  await expect(check.summary).toContainText(/Cancelled — \d+ checks? (was|were) not run/);
  const cancelled = check.checksWithStatus('unverified').filter({ hasText: 'Not checked — cancelled.' });
  expect(await cancelled.count()).toBeGreaterThan(0);
  await expect(check.check('users.match')).toContainText('Not checked — cancelled.');
  // The checks that finished keep their result.
  await expect(check.check('charthop.token')).toHaveAttribute('data-status', 'pass');
  await expect(check.chip).toHaveText('Needs attention — check cancelled');
  await expect(check.formState).toContainText(/^Cancelled /);
});

test('Check connection is remembered: after a reload Setup still shows the report with when it ran and Check again, Home keeps its warnings, and the key chips said verified as soon as it passed', async ({
  page,
}) => {
  const { home, setup } = appModels(page);
  const check = setup.connectionCheck;
  await setup.open();
  const leverKey = setup.secretStatus('leverApiKey');
  await expect(leverKey).toContainText('not verified yet');
  await check.run();
  await expect(check.report).toBeVisible({ timeout: 20_000 });
  // The key chips follow the check without a reload.
  await expect(leverKey).toContainText(/verified (just now|\d+ (seconds?|s) ago)/);
  const summary = await check.summary.innerText();

  await page.reload();
  await setup.open();
  await expect(check.report).toBeVisible();
  await expect(check.summary).toHaveText(summary);
  await expect(check.formState).toHaveText(/^Checked (just now|.+ ago), took /);
  await expect(check.checkAgainButton).toBeVisible();
  await expect(check.chip).toHaveText(/^Done — \d+ warnings? to review$/);
  await expect(leverKey).toContainText('verified');
  await expect(leverKey).not.toContainText('not verified yet');

  await home.open();
  await expect(home.attention).toContainText('Check connection warns — No Lever team name under two departments');
});
