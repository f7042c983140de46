/** Acceptance (issue 6): on the Sandbox, the webhook step shows URL and secret; a candidate marked hired in Lever shows on Hires with its decision. */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';
import { clearFaults, hireOpportunity, leverFault, leverState, sandboxOf } from './sandbox-control.ts';

test('the Sandbox webhook step shows URL and secret, and marking a sandbox candidate hired makes Hires show the decision', async ({
  page,
  host,
}) => {
  const { setup, hires } = appModels(page);
  const webhook = setup.webhook;
  const sandbox = sandboxOf(host);
  await setup.open();
  await expect(webhook.url).toHaveText(/^https?:\/\/[^/]+\/webhooks\/lever\/[^/\s]+$/);
  const secretText = (await webhook.secret.innerText()).trim();
  expect(secretText.length).toBeGreaterThanOrEqual(16);
  expect(await webhook.url.innerText()).toMatch(new RegExp(`/webhooks/lever/${secretText}$`));
  await expect(webhook.copyUrlButton).toBeVisible();
  await expect(webhook.copySecretButton).toBeVisible();
  await expect(webhook.signatureTokenStatus).toContainText('Set');
  await expect(webhook.inLever).toContainText('Candidate Hire');
  await expect(webhook.liveStatus).toContainText('Last delivery');

  // Lever's side: a candidate still in process, with an email and a posting, is marked hired.
  const state = await leverState(page.request, sandbox);
  const candidate = state.opportunities.find((opp) => !opp.archived && opp.application?.posting && opp.emails.length > 0);
  if (!candidate) throw new Error('The Sandbox has no active candidate with an email and a posting to hire.');
  await hires.open();
  await hireOpportunity(page.request, sandbox, candidate.id, { startDate: Date.UTC(2027, 0, 4), salary: 120_000, currency: 'USD' });

  // The delivery arrives, is decided, and the page shows it live.
  const row = hires.rowOfOpportunity(candidate.id);
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).toContainText(candidate.name);
  const chip = hires.decisionOf(row);
  await expect(chip).not.toHaveAttribute('data-decision', 'pending', { timeout: 30_000 });
  const decision = await chip.getAttribute('data-decision');
  expect(['created', 'job_missing', 'person_exists', 'not_first_hire', 'no_email', 'not_hired', 'failed']).toContain(decision);
  await expect(hires.reasonOf(row)).not.toBeEmpty();

  await hires.openDetails(row);
  await expect(hires.detail).toContainText(candidate.id);
  await expect(hires.replayButton).toBeEnabled();
  await expect(hires.webhookStatus).toContainText('Last delivery');
  await expect(hires.webhookStatus).not.toContainText('Last delivery: none yet');
});

test('Catch up now finds the Sandbox hires that never arrived as webhooks, each with its decision; Replay decides again', async ({
  page,
}) => {
  const { hires } = appModels(page);
  await hires.open();
  await expect(hires.noHiresHeading).toBeVisible();
  await hires.catchUp();
  await expect(hires.catchingUpButton).toBeDisabled();
  await expect(hires.catchUpResult).toContainText(/[1-9]\d* found, [1-9]\d* processed/, { timeout: 30_000 });

  await expect(hires.rows.first()).toBeVisible();
  const decisions = await hires.decisions();
  expect(decisions).toContain('created');
  expect(decisions.some((decision) => decision !== 'created' && decision !== 'pending')).toBe(true);

  // A created hire shows what was written; a refused one says what to do, and Replay decides it again.
  await hires.openDetails(hires.rowsDecided('created').first());
  await expect(hires.detail).toContainText(/Person \S+, pending hire starting \d{4}-\d{2}-\d{2}; job set to Pending\./);
  const refused = hires.rowsDecided('person_exists', 'job_missing', 'no_email').first();
  const refusedId = await refused.getAttribute('data-hire-id');
  await hires.openDetails(refused);
  await expect(hires.detail).toContainText('Next step');
  await hires.replay();
  await expect(hires.replayStatus).toContainText('Replayed:');
  await expect(hires.rowOfHire(refusedId)).toBeVisible();
});

test('on a client profile the webhook step says what to configure; a public URL and the signature token make it ready', async ({
  page,
  host,
}) => {
  const { setup } = appModels(page);
  const webhook = setup.webhook;
  const { id } = await api(page, host, 'profiles:create', { name: `Initech ${Date.now().toString(36)}` });
  await api(page, host, 'profiles:select', { id });
  await page.reload();
  await setup.open();
  await expect(webhook.urlMissing).toBeVisible();
  await expect(webhook.step).toContainText('Choose a tunnel below');
  await expect(webhook.chip).toHaveText('Needs attention — no public URL');

  await webhook.chooseTunnel(/My own public URL/);
  await webhook.savePublicAddress('hooks.example.com');
  await expect(webhook.publicUrlProblem).toContainText('must be a full https:// address, for example https://hooks.example.com');
  await webhook.savePublicAddress('https://hooks.example.com');
  await expect(webhook.tunnelSaved).toBeVisible();
  expect((await api(page, host, 'settings:get', { profileId: id })).webhook).toMatchObject({
    tunnel: 'public-url',
    publicUrl: 'https://hooks.example.com',
  });
  await expect(webhook.url).toHaveText(/^https:\/\/hooks\.example\.com\/webhooks\/lever\/\S+$/, { timeout: 10_000 });
  await expect(webhook.chip).toHaveText('Needs attention — no signature token');

  const token = `lvr_sig_${Date.now().toString(36)}_Tk42`;
  await webhook.saveSignatureToken(token);
  await expect(webhook.signatureTokenStatus).toContainText('•••• Tk42');
  await expect(webhook.chip).toHaveText('Done — waiting for Verify Connection');
  expect(await page.content()).not.toContain(token);
});

test('Catch up now shows hire N of M with an ETA and Cancel, which stops between hires; the next catch-up finishes the rest', async ({
  page,
  host,
}) => {
  const { hires } = appModels(page);
  const sandbox = sandboxOf(host);
  // Each hire re-reads its opportunity in Lever: slowing that read makes every hire take a while.
  await leverFault(page.request, sandbox, { method: 'GET', path: '/v1/opportunities/:id', action: { kind: 'delay', ms: 800 } });
  await hires.open();
  await expect(hires.noHiresHeading).toBeVisible();
  await hires.catchUp();

  const bar = hires.catchUpProgress;
  await expect(hires.catchUpProgressBar).toBeVisible({ timeout: 15_000 });
  await expect(bar).toContainText(/\d+ of \d+ hires/);
  // Once a few hires are processed the bar gives an ETA.
  await expect(bar).toContainText(/[3-9] of \d+ hires · (about \d+ (s|min) left|almost done)/, { timeout: 15_000 });
  const total = Number(/of (\d+) hires/.exec(await bar.innerText())?.[1]);
  expect(total).toBeGreaterThan(4);

  await hires.cancelCatchUp();
  const result = hires.catchUpResult;
  await expect(result).toContainText(/Catch-up cancelled: \d+ found, \d+ processed/, { timeout: 15_000 });
  await expect(bar).toHaveCount(0);
  const processed = Number(/(\d+) processed/.exec(await result.innerText())?.[1]);
  expect(processed).toBeGreaterThanOrEqual(3);
  expect(processed).toBeLessThan(total);
  // Only the processed hires are listed, each decided: none left queued or half-done.
  await expect(hires.rows).toHaveCount(processed);
  expect((await hires.decisions()).filter((decision) => decision === 'pending').length).toBe(0);

  // The next catch-up finds the same hires and processes exactly the rest.
  await clearFaults(page.request, sandbox);
  await hires.catchUp();
  const rest = new RegExp(`looked at Lever’s hires since the last check: ${total} found, ${total - processed} processed`);
  await expect(result).toContainText(rest, { timeout: 30_000 });
  await expect(hires.rows).toHaveCount(total);
});
