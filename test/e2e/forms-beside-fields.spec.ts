/** Acceptance: every form says what is wrong beside the field, with the right vendor's example, and never in a validation library's words. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

/** Traces of zod's own wording that must never reach the consultant. */
const RAW = /Too big|Too small|Invalid input|expected string|<=|format:|value:/;

async function onNewClientSetup(page: Page, host: Parameters<typeof api>[1], name: string): Promise<string> {
  const { id } = await api(page, host, 'profiles:create', { name });
  const { shell, setup } = appModels(page);
  await shell.switchProfile(name);
  await setup.open();
  return id;
}

test('Setup’s connection form: a blank or malformed org, an http:// ChartHop URL, each refused beside its field; fixed, it saves', async ({
  page,
  host,
}) => {
  const id = await onNewClientSetup(page, host, 'Hooli');
  const { setup } = appModels(page);
  const org = setup.charthopOrg;

  // The consultant picks EU and saves without an org: the org field says so, nothing is saved.
  await setup.chooseLeverEnvironment('EU');
  await setup.pressSaveConnection();
  await expect(setup.charthopOrgProblem).toHaveText(
    'Enter the ChartHop org: its id or slug, the part after app.charthop.com/ in the client’s ChartHop address, for example acme.',
  );
  await expect(org).toHaveAttribute('aria-invalid', 'true');
  // The refused Save puts the focus on the field to fix, so its sentence is read out.
  await expect(org).toBeFocused();
  await expect(org).toHaveAccessibleDescription(/^Enter the ChartHop org: its id or slug/);
  expect((await api(page, host, 'settings:get', { profileId: id })).lever).toEqual({ environment: 'production' });

  // They paste the client's address instead of its slug: the sentence follows as they type.
  await setup.setCharthopOrg('app.charthop.com/hooli');
  await expect(setup.charthopOrgProblem).toContainText('no spaces, slashes or “..”');
  await setup.setCharthopOrg('hooli');
  await expect(setup.charthopOrgProblem).toHaveCount(0);
  await expect(org).not.toHaveAttribute('aria-invalid');

  // A plain http:// ChartHop URL off this machine: refused beside it, quoting ChartHop's address, not Lever's.
  await setup.setCharthopBaseUrl('http://charthop-proxy.example');
  await setup.pressSaveConnection();
  await expect(setup.charthopBaseUrlProblem).toContainText('The ChartHop base URL must start with https://');
  await expect(setup.charthopBaseUrlProblem).toContainText('https://charthop-proxy.example');
  await setup.connectionForm.screenshot({ path: 'test-results/screenshots/setup-connection-problems.png' });
  await setup.setCharthopBaseUrl('charthop-proxy.example');
  await expect(setup.charthopBaseUrlProblem).toHaveText(
    'The ChartHop base URL must be a full address starting with https://, for example https://api.charthop.com.',
  );
  // On this machine http:// is fine (a local proxy).
  await setup.setCharthopBaseUrl('http://127.0.0.1:9');
  await expect(setup.charthopBaseUrlProblem).toHaveCount(0);
  await setup.setCharthopBaseUrl('https://api.charthop.com');
  await setup.pressSaveConnection();
  await expect(setup.saved).toBeVisible();
  const saved = await api(page, host, 'settings:get', { profileId: id });
  expect(saved.lever).toEqual({ environment: 'eu' });
  expect(saved.charthop).toEqual({ baseUrl: 'https://api.charthop.com', org: 'hooli' });

  // Clearing a saved org is refused too.
  await setup.setCharthopOrg('');
  await setup.pressSaveConnection();
  await expect(setup.charthopOrgProblem).toContainText('Enter the ChartHop org');
  expect((await api(page, host, 'settings:get', { profileId: id })).charthop.org).toBe('hooli');
});

test('Setup’s webhook and key fields: a public address with a query, and a paste longer than any key, are refused beside the field', async ({
  page,
  host,
}) => {
  const id = await onNewClientSetup(page, host, 'Pied Piper');
  const { setup } = appModels(page);
  const webhook = setup.webhook;
  await webhook.chooseTunnel(/My own public URL/);
  const address = webhook.publicAddress;
  await webhook.savePublicAddress('https://hooks.example.com/lever?token=abc');
  await expect(webhook.publicUrlProblem).toContainText(
    'without a query (?…), fragment (#…) or user name, for example https://hooks.example.com',
  );
  await expect(address).toHaveAccessibleDescription(/without a query/);
  await webhook.typePublicAddress('https://hooks.example.com/lever#x');
  await expect(webhook.publicUrlProblem).toContainText('without a query (?…), fragment (#…)');
  expect((await api(page, host, 'settings:get', { profileId: id })).webhook.tunnel).toBe('none');
  await webhook.typePublicAddress('https://hooks.example.com/lever');
  await expect(webhook.publicUrlProblem).toHaveCount(0);
  await webhook.saveTunnel();
  await expect(webhook.tunnelSaved).toBeVisible();

  // A paste far longer than any key: said beside the field at once, Save stays off, nothing is sent.
  await setup.typeSecret('leverApiKey', 'Lever API key', 'k'.repeat(5000));
  await expect(setup.secretFieldProblem('leverApiKey')).toHaveText(
    'That is 5,000 characters, longer than any key or token. Copy only the key itself and paste it again.',
  );
  await expect(setup.secretSaveButton('leverApiKey')).toBeDisabled();
  await expect(setup.secretStatus('leverApiKey')).toHaveText('Not set');
});

test('Profiles: a name over 60 characters says so as it is typed, and a file that is not an export is refused in a sentence', async ({
  page,
}, testInfo) => {
  const { profiles } = appModels(page);
  await profiles.open();
  await profiles.typeName('A'.repeat(60));
  await expect(profiles.newProfileNameProblem).toHaveCount(0);
  await profiles.typeMoreOfName('B');
  await expect(profiles.newProfileNameProblem).toHaveText('The name is 61 characters; keep it to 60 or fewer.');
  await expect(profiles.newProfileName).toHaveAccessibleDescription('The name is 61 characters; keep it to 60 or fewer.');
  await expect(profiles.createButton).toBeDisabled();
  await profiles.pressInName('Backspace');
  await expect(profiles.createButton).toBeEnabled();

  await mkdir(testInfo.outputDir, { recursive: true });
  const file = join(testInfo.outputDir, 'not-an-export.json');
  await writeFile(file, JSON.stringify({ format: 'some-other-tool', settings: { name: 'Hooli' } }));
  await profiles.import(file);
  const alert = profiles.error;
  await expect(alert).toContainText(
    'That file is not a profile exported from ReqBridge: choose the .json file that Profiles → Export saved.',
  );
  await expect(alert).not.toContainText(RAW);
});
