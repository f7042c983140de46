/** Acceptance (issue 4): Check connection on the Sandbox profile shows the doctor's report, mismatches in amber with their fix. */
import { expect, test } from './host-fixture.ts';
import { openSection } from './app-pages.ts';
import { leverFault, sandboxOf } from './sandbox-control.ts';

test('Check connection on the Sandbox shows the report: a mismatched manager email and the duplicated team "Operations" in amber', async ({ page, host }) => {
  await expect(page.getByTestId('current-profile')).toHaveText('Sandbox');
  // The doctor takes a fraction of a second on the Sandbox: a slow first Lever read makes its progress observable.
  await leverFault(page.request, sandboxOf(host), { method: 'GET', path: '/v1/:resource', times: 1, action: { kind: 'delay', ms: 1500 } });
  await openSection(page, 'Setup');
  const step = page.getByTestId('step-3');
  await expect(step).toContainText('Not checked yet');

  await step.getByRole('button', { name: 'Check connection' }).click();
  await expect(step.getByRole('progressbar', { name: 'Checking Lever and ChartHop' })).toBeVisible();

  const report = step.getByTestId('doctor-report');
  await expect(report).toBeVisible({ timeout: 20_000 });
  await expect(step.getByRole('progressbar')).toHaveCount(0);
  await expect(report.getByRole('status')).toContainText(/\d+ passed · \d+ warnings? · 0 failed · \d+ not verified/);

  // The deliberate mismatches of the demo data, in amber rows with a fix line.
  const amber = report.locator('[data-testid="doctor-check"][data-status="warn"]');
  const users = amber.filter({ hasText: 'Hiring managers and recruiters exist in Lever' });
  await expect(users).toHaveCount(1);
  // (The Sandbox maps the demo's aliased managers; its recruiter with no Lever user at all stays unmatched.)
  await expect(users.getByRole('listitem').filter({ hasText: /(hiring manager|recruiter) of \d+ open jobs\): no Lever user with the email [\w.'-]+@[\w.-]+/ }).first()).toBeVisible();
  await expect(users).toContainText('Fix:');
  const teams = amber.filter({ hasText: 'No Lever team name under two departments' });
  await expect(teams.getByRole('listitem').filter({ hasText: '"Operations"' })).toHaveCount(1);

  // Green rows say they passed and carry no fix; every row is one of the four states.
  const key = report.locator('[data-check="lever.key"]');
  await expect(key).toHaveAttribute('data-status', 'pass');
  await expect(key).not.toContainText('Fix:');
  for (const status of await report.getByTestId('doctor-check').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')))) {
    expect(['pass', 'warn', 'fail', 'unverified']).toContain(status);
  }

  // The step's chip follows the report: nothing failed, warnings to review.
  await expect(step.locator('.step-header .chip')).toHaveText(/^Done — \d+ warnings? to review$/);

  // Home lists the doctor's warnings among the attention items of this session.
  await openSection(page, 'Home');
  await expect(page.getByTestId('attention')).toContainText('Check connection warns — No Lever team name under two departments');
});

test('Check connection shows check K of N with its title, an ETA and Cancel; a cancelled check reports the rest as not checked', async ({ page, host }) => {
  // Every Lever read takes a while, so the checks can be watched and cancelled halfway.
  await leverFault(page.request, sandboxOf(host), { method: 'GET', path: '/v1/:resource', action: { kind: 'delay', ms: 400 } });
  await openSection(page, 'Setup');
  const step = page.getByTestId('step-3');
  await step.getByRole('button', { name: 'Check connection' }).click();

  const progress = step.getByTestId('progress');
  await expect(step.getByRole('progressbar', { name: 'Checking Lever and ChartHop' })).toBeVisible();
  await expect(progress).toContainText(/check \d+ of 20: \S/);
  await expect(progress).toContainText(/check ([4-9]|1\d|20) of 20: .+ · (about \d+ (s|min) left|almost done)/, { timeout: 15_000 });
  await progress.getByRole('button', { name: 'Cancel' }).click();

  const report = step.getByTestId('doctor-report');
  await expect(report).toBeVisible({ timeout: 10_000 });
  await expect(step.getByRole('progressbar')).toHaveCount(0);
  await expect(report.getByRole('status')).toContainText(/Cancelled — \d+ checks? (was|were) not run/);
  const cancelled = report.locator('[data-testid="doctor-check"][data-status="unverified"]').filter({ hasText: 'Not checked — cancelled.' });
  expect(await cancelled.count()).toBeGreaterThan(0);
  await expect(report.locator('[data-check="users.match"]')).toContainText('Not checked — cancelled.');
  // The checks that finished keep their result.
  await expect(report.locator('[data-check="charthop.token"]')).toHaveAttribute('data-status', 'pass');
  await expect(step.locator('.step-header .chip')).toHaveText('Needs attention — check cancelled');
  await expect(step.locator('.form-state')).toContainText(/^Cancelled /);
});

test('Check connection is remembered: after a reload Setup still shows the report with when it ran and Check again, Home keeps its warnings, and the key chips said verified as soon as it passed', async ({ page }) => {
  await openSection(page, 'Setup');
  const step = page.getByTestId('step-3');
  const leverKey = page.getByTestId('leverApiKey-status');
  await expect(leverKey).toContainText('not verified yet');
  await step.getByRole('button', { name: 'Check connection' }).click();
  const report = step.getByTestId('doctor-report');
  await expect(report).toBeVisible({ timeout: 20_000 });
  // The key chips follow the check without a reload.
  await expect(leverKey).toContainText(/verified (just now|\d+ (seconds?|s) ago)/);
  const summary = await report.getByRole('status').innerText();

  await page.reload();
  await openSection(page, 'Setup');
  await expect(step.getByTestId('doctor-report')).toBeVisible();
  await expect(step.getByTestId('doctor-report').getByRole('status')).toHaveText(summary);
  await expect(step.locator('.form-state')).toHaveText(/^Checked (just now|.+ ago), took /);
  await expect(step.getByRole('button', { name: 'Check again' })).toBeVisible();
  await expect(step.locator('.step-header .chip')).toHaveText(/^Done — \d+ warnings? to review$/);
  await expect(leverKey).toContainText('verified');
  await expect(leverKey).not.toContainText('not verified yet');

  await openSection(page, 'Home');
  await expect(page.getByTestId('attention')).toContainText('Check connection warns — No Lever team name under two departments');
});
