/** Acceptance: a pasted key is shown only as its last four characters, in the DOM and in every API answer; clearing it asks first. */
import type { Response } from '@playwright/test';
import { api, expect, test } from './host-fixture.ts';
import { openSection, switchProfile } from './app-pages.ts';

test('a pasted Lever key shows only "••••" and its last 4 characters, and never comes back to the page', async ({ page, host }) => {
  const key = `lvr_e2e_${Date.now().toString(36)}_s3cr3tPart_Q7x9`;
  const token = `cht_e2e_${Date.now().toString(36)}_tokenPart_Zk42`;
  const { id: hooli } = await api(page, host, 'profiles:create', { name: 'Hooli' });

  const bodies: Promise<{ url: string; body: string }>[] = [];
  const sentKey: string[] = [];
  page.on('response', (response: Response) => {
    const url = response.url();
    if (!url.includes('/api/') || url.endsWith('/api/events')) return;
    if (response.request().postData()?.includes(key)) sentKey.push(url);
    bodies.push(response.text().then((body) => ({ url, body })));
  });

  await switchProfile(page, 'Hooli');
  await openSection(page, 'Setup');
  await expect(page.getByTestId('leverApiKey-status')).toHaveText('Not set');
  await expect(page.getByTestId('step-1')).toContainText('Needs attention');

  const leverForm = page.getByTestId('secret-leverApiKey');
  await leverForm.getByLabel('Lever API key').fill(key);
  await leverForm.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('leverApiKey-status')).toContainText('•••• Q7x9');
  await expect(leverForm.getByLabel('Lever API key')).toHaveValue('');
  await expect(page.getByTestId('step-1')).toContainText('Done — key saved');

  const tokenForm = page.getByTestId('secret-charthopToken');
  await tokenForm.getByLabel('ChartHop API token').fill(token);
  await tokenForm.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('charthopToken-status')).toContainText('•••• Zk42');

  for (const secret of [key, token]) {
    const html = await page.content();
    expect(html).not.toContain(secret);
    expect(html).not.toContain(secret.slice(0, -4));
    for (const input of await page.locator('input').all()) expect(await input.inputValue()).not.toContain(secret);
  }

  // After a reload the status comes from the keychain, still masked. (Bodies are only readable before navigating away.)
  const beforeReload = await Promise.all(bodies);
  bodies.splice(0, bodies.length, ...beforeReload.map((answer) => Promise.resolve(answer)));
  await page.reload();
  await expect(page.getByTestId('leverApiKey-status')).toContainText('•••• Q7x9');
  expect(await page.content()).not.toContain(key);

  expect(sentKey.length, 'the key was sent to secrets:set').toBeGreaterThan(0);
  const answers = await Promise.all(bodies);
  expect(answers.some((answer) => answer.url.endsWith('/api/secrets:set'))).toBe(true);
  for (const answer of answers) {
    expect(answer.body, `answer of ${answer.url}`).not.toContain(key);
    expect(answer.body, `answer of ${answer.url}`).not.toContain(token);
  }

  // Clear asks first and says what stops; Cancel (or Escape) keeps the key, confirming removes it.
  const clear = page.getByTestId('secret-leverApiKey').getByRole('button', { name: 'Clear' });
  const dialog = page.getByRole('dialog', { name: 'Remove the Lever API key of Hooli?' });
  await clear.click();
  await expect(dialog).toContainText('Sync now, Reconcile… and the daily run stop until you paste a new one. The key stays in Lever');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await clear.click();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('leverApiKey-status')).toContainText('•••• Q7x9');
  const kept = await api(page, host, 'secrets:status', { profileId: hooli });
  expect(kept.find((status) => status.name === 'leverApiKey')?.set).toBe(true);

  await clear.click();
  await dialog.getByRole('button', { name: 'Remove the Lever API key' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('leverApiKey-status')).toHaveText('Not set');
  await expect(page.getByTestId('step-1')).toContainText('Needs attention');
  const removed = await api(page, host, 'secrets:status', { profileId: hooli });
  expect(removed.find((status) => status.name === 'leverApiKey')?.set).toBe(false);
  // The token beside it is untouched.
  await expect(page.getByTestId('charthopToken-status')).toContainText('•••• Zk42');
});

test('the connection form saves the Lever environment and ChartHop org, and refuses a bad URL with a sentence', async ({ page, host }) => {
  const { id } = await api(page, host, 'profiles:create', { name: 'Umbrella' });
  await api(page, host, 'profiles:select', { id });
  await page.reload();
  await openSection(page, 'Setup');

  await page.getByRole('radio', { name: 'Custom URL' }).check();
  await page.getByLabel('Lever API base URL').fill('not a url');
  await page.getByRole('button', { name: 'Save connection' }).click();
  // Said beside the field, with Lever's own example.
  await expect(page.getByTestId('lever-custom-url-problem')).toHaveText('The Lever API base URL must be a full address starting with https://, for example https://api.lever.co/v1.');
  await expect(page.getByLabel('Lever API base URL')).toHaveAttribute('aria-invalid', 'true');

  await page.getByRole('radio', { name: 'EU' }).check();
  await page.getByLabel('ChartHop org (id or slug)').fill('umbrella');
  await page.getByRole('button', { name: 'Save connection' }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  // Without keys the badge says "Not configured", and names the environment it will show once they are set.
  const badge = page.getByTestId('current-profile').locator('..').locator('.badge');
  await expect(badge).toHaveText('Not configured');
  await expect(badge).toHaveAttribute('title', /^EU once its keys and ChartHop org are set/);

  const settings = await api(page, host, 'settings:get', { profileId: id });
  expect(settings.lever).toEqual({ environment: 'eu' });
  expect(settings.charthop.org).toBe('umbrella');
});
