/** Acceptance: every form says what is wrong beside the field, with the right vendor's example, and never in a validation library's words. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { api, expect, test } from './host-fixture.ts';
import { openSection, switchProfile } from './app-pages.ts';

/** Traces of zod's own wording that must never reach the consultant. */
const RAW = /Too big|Too small|Invalid input|expected string|<=|format:|value:/;

async function onNewClientSetup(page: Page, host: Parameters<typeof api>[1], name: string): Promise<string> {
  const { id } = await api(page, host, 'profiles:create', { name });
  await switchProfile(page, name);
  await openSection(page, 'Setup');
  return id;
}

test('Setup’s connection form: a blank or malformed org, an http:// ChartHop URL, each refused beside its field; fixed, it saves', async ({ page, host }) => {
  const id = await onNewClientSetup(page, host, 'Hooli');
  const org = page.getByLabel('ChartHop org (id or slug)');
  const charthopUrl = page.getByLabel('ChartHop base URL');
  const save = page.getByRole('button', { name: 'Save connection' });

  // The consultant picks EU and saves without an org: the org field says so, nothing is saved.
  await page.getByRole('radio', { name: 'EU' }).check();
  await save.click();
  await expect(page.getByTestId('charthop-org-problem')).toHaveText(
    'Enter the ChartHop org: its id or slug, the part after app.charthop.com/ in the client’s ChartHop address, for example acme.',
  );
  await expect(org).toHaveAttribute('aria-invalid', 'true');
  // The refused Save puts the focus on the field to fix, so its sentence is read out.
  await expect(org).toBeFocused();
  await expect(org).toHaveAccessibleDescription(/^Enter the ChartHop org: its id or slug/);
  expect((await api(page, host, 'settings:get', { profileId: id })).lever).toEqual({ environment: 'production' });

  // They paste the client's address instead of its slug: the sentence follows as they type.
  await org.fill('app.charthop.com/hooli');
  await expect(page.getByTestId('charthop-org-problem')).toContainText('no spaces, slashes or “..”');
  await org.fill('hooli');
  await expect(page.getByTestId('charthop-org-problem')).toHaveCount(0);
  await expect(org).not.toHaveAttribute('aria-invalid');

  // A plain http:// ChartHop URL off this machine: refused beside it, quoting ChartHop's address, not Lever's.
  await charthopUrl.fill('http://charthop-proxy.example');
  await save.click();
  await expect(page.getByTestId('charthop-base-url-problem')).toContainText('The ChartHop base URL must start with https://');
  await expect(page.getByTestId('charthop-base-url-problem')).toContainText('https://charthop-proxy.example');
  await page.locator('form[aria-labelledby="connection-title"]').screenshot({ path: 'test-results/screenshots/setup-connection-problems.png' });
  await charthopUrl.fill('charthop-proxy.example');
  await expect(page.getByTestId('charthop-base-url-problem')).toHaveText(
    'The ChartHop base URL must be a full address starting with https://, for example https://api.charthop.com.',
  );
  // On this machine http:// is fine (a local proxy).
  await charthopUrl.fill('http://127.0.0.1:9');
  await expect(page.getByTestId('charthop-base-url-problem')).toHaveCount(0);
  await charthopUrl.fill('https://api.charthop.com');
  await save.click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  const saved = await api(page, host, 'settings:get', { profileId: id });
  expect(saved.lever).toEqual({ environment: 'eu' });
  expect(saved.charthop).toEqual({ baseUrl: 'https://api.charthop.com', org: 'hooli' });

  // Clearing a saved org is refused too.
  await org.fill('');
  await save.click();
  await expect(page.getByTestId('charthop-org-problem')).toContainText('Enter the ChartHop org');
  expect((await api(page, host, 'settings:get', { profileId: id })).charthop.org).toBe('hooli');
});

test('Setup’s webhook and key fields: a public address with a query, and a paste longer than any key, are refused beside the field', async ({ page, host }) => {
  const id = await onNewClientSetup(page, host, 'Pied Piper');
  const step = page.getByTestId('step-5');
  await step.getByRole('radio', { name: /My own public URL/ }).check();
  const address = step.getByLabel('Public address');
  await address.fill('https://hooks.example.com/lever?token=abc');
  await step.getByRole('button', { name: 'Save tunnel' }).click();
  await expect(step.getByTestId('public-url-problem')).toContainText('without a query (?…), fragment (#…) or user name, for example https://hooks.example.com');
  await expect(address).toHaveAccessibleDescription(/without a query/);
  await address.fill('https://hooks.example.com/lever#x');
  await expect(step.getByTestId('public-url-problem')).toContainText('without a query (?…), fragment (#…)');
  expect((await api(page, host, 'settings:get', { profileId: id })).webhook.tunnel).toBe('none');
  await address.fill('https://hooks.example.com/lever');
  await expect(step.getByTestId('public-url-problem')).toHaveCount(0);
  await step.getByRole('button', { name: 'Save tunnel' }).click();
  await expect(step.getByText('Saved', { exact: true })).toBeVisible();

  // A paste far longer than any key: said beside the field at once, Save stays off, nothing is sent.
  const key = page.getByTestId('secret-leverApiKey');
  await key.getByLabel('Lever API key').fill('k'.repeat(5000));
  await expect(key.getByTestId('leverApiKey-field-problem')).toHaveText(
    'That is 5,000 characters, longer than any key or token. Copy only the key itself and paste it again.',
  );
  await expect(key.getByRole('button', { name: 'Save' })).toBeDisabled();
  await expect(page.getByTestId('leverApiKey-status')).toHaveText('Not set');
});

test('Profiles: a name over 60 characters says so as it is typed, and a file that is not an export is refused in a sentence', async ({ page }, testInfo) => {
  await openSection(page, 'Profiles');
  const name = page.getByLabel('New profile');
  await name.fill('A'.repeat(60));
  await expect(page.getByTestId('new-profile-name-problem')).toHaveCount(0);
  await name.pressSequentially('B');
  await expect(page.getByTestId('new-profile-name-problem')).toHaveText('The name is 61 characters; keep it to 60 or fewer.');
  await expect(name).toHaveAccessibleDescription('The name is 61 characters; keep it to 60 or fewer.');
  await expect(page.getByRole('button', { name: 'Create profile' })).toBeDisabled();
  await name.press('Backspace');
  await expect(page.getByRole('button', { name: 'Create profile' })).toBeEnabled();

  await mkdir(testInfo.outputDir, { recursive: true });
  const file = join(testInfo.outputDir, 'not-an-export.json');
  await writeFile(file, JSON.stringify({ format: 'some-other-tool', settings: { name: 'Hooli' } }));
  await page.locator('#import-profile').setInputFiles(file);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('That file is not a profile exported from ReqBridge: choose the .json file that Profiles → Export saved.');
  await expect(alert).not.toContainText(RAW);
});
