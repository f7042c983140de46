/** Acceptance: a pasted key is shown only as its last four characters, in the DOM and in every API answer; clearing it asks first. */
import type { Response } from '@playwright/test';
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

test('a pasted Lever key shows only "••••" and its last 4 characters, and never comes back to the page', async ({ page, host }) => {
  const key = `lvr_e2e_${Date.now().toString(36)}_s3cr3tPart_Q7x9`;
  const token = `cht_e2e_${Date.now().toString(36)}_tokenPart_Zk42`;
  const { id: hooli } = await api(page, host, 'profiles:create', { name: 'Hooli' });
  const { shell, setup } = appModels(page);

  const bodies: Promise<{ url: string; body: string }>[] = [];
  const sentKey: string[] = [];
  page.on('response', (response: Response) => {
    const url = response.url();
    if (!url.includes('/api/') || url.endsWith('/api/events')) return;
    if (response.request().postData()?.includes(key)) sentKey.push(url);
    bodies.push(response.text().then((body) => ({ url, body })));
  });

  await shell.switchProfile('Hooli');
  await setup.open();
  await expect(setup.secretStatus('leverApiKey')).toHaveText('Not set');
  await expect(setup.step(1)).toContainText('Needs attention');

  await setup.saveSecret('leverApiKey', 'Lever API key', key);
  await expect(setup.secretStatus('leverApiKey')).toContainText('•••• Q7x9');
  await expect(setup.secretField('leverApiKey', 'Lever API key')).toHaveValue('');
  await expect(setup.step(1)).toContainText('Done — key saved');

  await setup.saveSecret('charthopToken', 'ChartHop API token', token);
  await expect(setup.secretStatus('charthopToken')).toContainText('•••• Zk42');

  for (const secret of [key, token]) {
    const html = await page.content();
    expect(html).not.toContain(secret);
    expect(html).not.toContain(secret.slice(0, -4));
    for (const input of await shell.inputs.all()) expect(await input.inputValue()).not.toContain(secret);
  }

  // After a reload the status comes from the keychain, still masked. (Bodies are only readable before navigating away.)
  const beforeReload = await Promise.all(bodies);
  bodies.splice(0, bodies.length, ...beforeReload.map((answer) => Promise.resolve(answer)));
  await page.reload();
  await expect(setup.secretStatus('leverApiKey')).toContainText('•••• Q7x9');
  expect(await page.content()).not.toContain(key);

  expect(sentKey.length, 'the key was sent to secrets:set').toBeGreaterThan(0);
  const answers = await Promise.all(bodies);
  expect(answers.some((answer) => answer.url.endsWith('/api/secrets:set'))).toBe(true);
  for (const answer of answers) {
    expect(answer.body, `answer of ${answer.url}`).not.toContain(key);
    expect(answer.body, `answer of ${answer.url}`).not.toContain(token);
  }

  // Clear asks first and says what stops; Cancel (or Escape) keeps the key, confirming removes it.
  const question = 'Remove the Lever API key of Hooli?';
  const dialog = setup.removeSecretDialog(question);
  await setup.clearSecret('leverApiKey');
  await expect(dialog).toContainText('Sync now, Reconcile… and the daily run stop until you paste a new one. The key stays in Lever');
  await expect(setup.removeSecretCancelButton(question)).toBeFocused();
  await setup.keepSecret(question);
  await expect(dialog).toBeHidden();
  await setup.clearSecret('leverApiKey');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(setup.secretStatus('leverApiKey')).toContainText('•••• Q7x9');
  const kept = await api(page, host, 'secrets:status', { profileId: hooli });
  expect(kept.find((status) => status.name === 'leverApiKey')?.set).toBe(true);

  await setup.clearSecret('leverApiKey');
  await setup.confirmRemoveSecret(question, 'Remove the Lever API key');
  await expect(dialog).toBeHidden();
  await expect(setup.secretStatus('leverApiKey')).toHaveText('Not set');
  await expect(setup.step(1)).toContainText('Needs attention');
  const removed = await api(page, host, 'secrets:status', { profileId: hooli });
  expect(removed.find((status) => status.name === 'leverApiKey')?.set).toBe(false);
  // The token beside it is untouched.
  await expect(setup.secretStatus('charthopToken')).toContainText('•••• Zk42');
});

test('the connection form saves the Lever environment and ChartHop org, and refuses a bad URL with a sentence', async ({ page, host }) => {
  const { shell, setup } = appModels(page);
  const { id } = await api(page, host, 'profiles:create', { name: 'Umbrella' });
  await api(page, host, 'profiles:select', { id });
  await page.reload();
  await setup.open();

  await setup.chooseLeverEnvironment('Custom URL');
  await setup.setLeverBaseUrl('not a url');
  await setup.pressSaveConnection();
  // Said beside the field, with Lever's own example.
  await expect(setup.leverBaseUrlProblem).toHaveText(
    'The Lever API base URL must be a full address starting with https://, for example https://api.lever.co/v1.',
  );
  await expect(setup.leverBaseUrl).toHaveAttribute('aria-invalid', 'true');

  await setup.chooseLeverEnvironment('EU');
  await setup.saveConnection('umbrella');
  await expect(setup.saved).toBeVisible();
  // Without keys the badge says "Not configured", and names the environment it will show once they are set.
  const badge = shell.currentProfileBadge;
  await expect(badge).toHaveText('Not configured');
  await expect(badge).toHaveAttribute('title', /^EU once its keys and ChartHop org are set/);

  const settings = await api(page, host, 'settings:get', { profileId: id });
  expect(settings.lever).toEqual({ environment: 'eu' });
  expect(settings.charthop.org).toBe('umbrella');
});
