/** Acceptance (issue 6): on the Sandbox, the webhook step shows URL and secret; a candidate marked hired in Lever shows on Hires with its decision. */
import { api, expect, test } from './host-fixture.ts';
import { openSection } from './app-pages.ts';
import { clearFaults, hireOpportunity, leverFault, leverState, sandboxOf } from './sandbox-control.ts';

test('the Sandbox webhook step shows URL and secret, and marking a sandbox candidate hired makes Hires show the decision', async ({ page, host }) => {
  const sandbox = sandboxOf(host);
  await openSection(page, 'Setup');
  const step = page.getByTestId('step-5');
  const url = step.getByTestId('webhook-url');
  const secret = step.getByTestId('webhook-secret');
  await expect(url).toHaveText(/^https?:\/\/[^/]+\/webhooks\/lever\/[^/\s]+$/);
  const secretText = (await secret.innerText()).trim();
  expect(secretText.length).toBeGreaterThanOrEqual(16);
  expect(await url.innerText()).toMatch(new RegExp(`/webhooks/lever/${secretText}$`));
  await expect(step.getByRole('button', { name: 'Copy webhook URL' })).toBeVisible();
  await expect(step.getByRole('button', { name: 'Copy webhook secret' })).toBeVisible();
  await expect(step.getByTestId('leverWebhookSignatureToken-status')).toContainText('Set');
  await expect(step.getByRole('list', { name: 'In Lever' })).toContainText('Candidate Hire');
  await expect(step.getByTestId('webhook-live-status')).toContainText('Last delivery');

  // Lever's side: a candidate still in process, with an email and a posting, is marked hired.
  const state = await leverState(page.request, sandbox);
  const candidate = state.opportunities.find((opp) => !opp.archived && opp.application?.posting && opp.emails.length > 0);
  if (!candidate) throw new Error('The Sandbox has no active candidate with an email and a posting to hire.');
  await openSection(page, 'Hires');
  await hireOpportunity(page.request, sandbox, candidate.id, { startDate: Date.UTC(2027, 0, 4), salary: 120_000, currency: 'USD' });

  // The delivery arrives, is decided, and the page shows it live.
  const row = page.locator(`[data-testid="hire-row"][data-opportunity="${candidate.id}"]`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).toContainText(candidate.name);
  const chip = row.getByTestId('decision-chip');
  await expect(chip).not.toHaveAttribute('data-decision', 'pending', { timeout: 30_000 });
  const decision = await chip.getAttribute('data-decision');
  expect(['created', 'job_missing', 'person_exists', 'not_first_hire', 'no_email', 'not_hired', 'failed']).toContain(decision);
  await expect(row.locator('.cell-reason')).not.toBeEmpty();

  await row.getByRole('button', { name: 'Details' }).click();
  const detail = page.getByTestId('hire-detail');
  await expect(detail).toContainText(candidate.id);
  await expect(detail.getByRole('button', { name: 'Replay' })).toBeEnabled();
  await expect(page.getByTestId('webhook-status-line')).toContainText('Last delivery');
  await expect(page.getByTestId('webhook-status-line')).not.toContainText('Last delivery: none yet');
});

test('Catch up now finds the Sandbox hires that never arrived as webhooks, each with its decision; Replay decides again', async ({ page }) => {
  await openSection(page, 'Hires');
  await expect(page.getByRole('heading', { name: 'No hires yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Catch up now' }).click();
  await expect(page.getByRole('button', { name: 'Catching up…' })).toBeDisabled();
  await expect(page.getByTestId('catch-up-result')).toContainText(/[1-9]\d* found, [1-9]\d* processed/, { timeout: 30_000 });

  const rows = page.getByTestId('hire-row');
  await expect(rows.first()).toBeVisible();
  const decisions = await rows.getByTestId('decision-chip').evaluateAll((chips) => chips.map((chip) => chip.getAttribute('data-decision')));
  expect(decisions).toContain('created');
  expect(decisions.some((decision) => decision !== 'created' && decision !== 'pending')).toBe(true);

  // A created hire shows what was written; a refused one says what to do, and Replay decides it again.
  const created = rows.filter({ has: page.locator('[data-decision="created"]') }).first();
  await created.getByRole('button', { name: 'Details' }).click();
  await expect(page.getByTestId('hire-detail')).toContainText(/Person \S+, pending hire starting \d{4}-\d{2}-\d{2}; job set to Pending\./);
  const refused = rows.filter({ has: page.locator('[data-decision="person_exists"], [data-decision="job_missing"], [data-decision="no_email"]') }).first();
  const refusedId = await refused.getAttribute('data-hire-id');
  await refused.getByRole('button', { name: 'Details' }).click();
  const detail = page.getByTestId('hire-detail');
  await expect(detail).toContainText('Next step');
  await detail.getByRole('button', { name: 'Replay' }).click();
  await expect(detail.getByRole('status')).toContainText('Replayed:');
  await expect(page.locator(`[data-testid="hire-row"][data-hire-id="${refusedId}"]`)).toBeVisible();
});

test('on a client profile the webhook step says what to configure; a public URL and the signature token make it ready', async ({ page, host }) => {
  const { id } = await api(page, host, 'profiles:create', { name: `Initech ${Date.now().toString(36)}` });
  await api(page, host, 'profiles:select', { id });
  await page.reload();
  await openSection(page, 'Setup');
  const step = page.getByTestId('step-5');
  await expect(step.getByTestId('webhook-url-missing')).toBeVisible();
  await expect(step).toContainText('Choose a tunnel below');
  await expect(step.locator('.step-header .chip')).toHaveText('Needs attention — no public URL');

  await step.getByRole('radio', { name: /My own public URL/ }).check();
  await step.getByLabel('Public address').fill('hooks.example.com');
  await step.getByRole('button', { name: 'Save tunnel' }).click();
  await expect(step.getByTestId('public-url-problem')).toContainText('must be a full https:// address, for example https://hooks.example.com');
  await step.getByLabel('Public address').fill('https://hooks.example.com');
  await step.getByRole('button', { name: 'Save tunnel' }).click();
  await expect(step.getByText('Saved', { exact: true })).toBeVisible();
  expect((await api(page, host, 'settings:get', { profileId: id })).webhook).toMatchObject({ tunnel: 'public-url', publicUrl: 'https://hooks.example.com' });
  await expect(step.getByTestId('webhook-url')).toHaveText(/^https:\/\/hooks\.example\.com\/webhooks\/lever\/\S+$/, { timeout: 10_000 });
  await expect(step.locator('.step-header .chip')).toHaveText('Needs attention — no signature token');

  const token = `lvr_sig_${Date.now().toString(36)}_Tk42`;
  const form = step.getByTestId('secret-leverWebhookSignatureToken');
  await form.getByLabel('Lever webhook signature token').fill(token);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(step.getByTestId('leverWebhookSignatureToken-status')).toContainText('•••• Tk42');
  await expect(step.locator('.step-header .chip')).toHaveText('Done — waiting for Verify Connection');
  expect(await page.content()).not.toContain(token);
});

test('Catch up now shows hire N of M with an ETA and Cancel, which stops between hires; the next catch-up finishes the rest', async ({ page, host }) => {
  const sandbox = sandboxOf(host);
  // Each hire re-reads its opportunity in Lever: slowing that read makes every hire take a while.
  await leverFault(page.request, sandbox, { method: 'GET', path: '/v1/opportunities/:id', action: { kind: 'delay', ms: 800 } });
  await openSection(page, 'Hires');
  await expect(page.getByRole('heading', { name: 'No hires yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Catch up now' }).click();

  const bar = page.getByTestId('catch-up-progress');
  await expect(bar.getByRole('progressbar', { name: 'Processing new hires' })).toBeVisible({ timeout: 15_000 });
  await expect(bar).toContainText(/\d+ of \d+ hires/);
  // Once a few hires are processed the bar gives an ETA.
  await expect(bar).toContainText(/[3-9] of \d+ hires · (about \d+ (s|min) left|almost done)/, { timeout: 15_000 });
  const total = Number(/of (\d+) hires/.exec(await bar.innerText())?.[1]);
  expect(total).toBeGreaterThan(4);

  await bar.getByRole('button', { name: 'Cancel' }).click();
  const result = page.getByTestId('catch-up-result');
  await expect(result).toContainText(/Catch-up cancelled: \d+ found, \d+ processed/, { timeout: 15_000 });
  await expect(page.getByTestId('catch-up-progress')).toHaveCount(0);
  const processed = Number(/(\d+) processed/.exec(await result.innerText())?.[1]);
  expect(processed).toBeGreaterThanOrEqual(3);
  expect(processed).toBeLessThan(total);
  // Only the processed hires are listed, each decided: none left queued or half-done.
  const rows = page.getByTestId('hire-row');
  await expect(rows).toHaveCount(processed);
  expect(await rows.getByTestId('decision-chip').evaluateAll((chips) => chips.filter((chip) => chip.getAttribute('data-decision') === 'pending').length)).toBe(0);

  // The next catch-up finds the same hires and processes exactly the rest.
  await clearFaults(page.request, sandbox);
  await page.getByRole('button', { name: 'Catch up now' }).click();
  await expect(result).toContainText(new RegExp(`looked at Lever’s hires since the last check: ${total} found, ${total - processed} processed`), { timeout: 30_000 });
  await expect(rows).toHaveCount(total);
});
