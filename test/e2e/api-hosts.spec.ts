/** Acceptance: an imported file naming other hosts asks first; changing an API host says, before saving, that the keys go. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

test('importing a file that points at another host lists it and imports only after confirming', async ({ page, host }, testInfo) => {
  const { profiles } = appModels(page);
  await mkdir(testInfo.outputDir, { recursive: true });
  const file = join(testInfo.outputDir, 'shared.json');
  await writeFile(
    file,
    JSON.stringify({
      format: 'reqbridge.profile',
      version: 1,
      exportedAt: '2026-12-01T00:00:00.000Z',
      profile: {
        name: 'Umbrella',
        lever: { environment: 'custom', baseUrl: 'https://lever-relay.example/v1' },
        charthop: { baseUrl: 'https://api.charthop.com', org: 'umbrella' },
      },
    }),
  );
  await profiles.open();
  await profiles.import(file);
  await expect(profiles.importHosts).toHaveText('lever-relay.example (lever.baseUrl)');
  await profiles.cancelImport();
  expect((await api(page, host, 'profiles:list', {})).profiles.map((p) => p.name)).toEqual(['Sandbox']);

  await profiles.import(file);
  await profiles.importWithTheseHosts();
  await expect(profiles.notice).toContainText('Imported “Umbrella” as a new profile');
  await expect(profiles.importHostsDialog).toBeHidden();
});

test('changing the Lever host warns before saving that the Lever key will be removed, then removes it', async ({ page, host }) => {
  const { shell, setup } = appModels(page);
  const { id } = await api(page, host, 'profiles:create', { name: 'Initech' });
  await api(page, host, 'secrets:set', { profileId: id, name: 'leverApiKey', value: 'lvr_host_move_key_W4rn' });
  await shell.switchProfile('Initech');
  await setup.open();
  await expect(setup.secretStatus('leverApiKey')).toContainText('•••• W4rn');
  await expect(setup.hostChangeWarning).toBeHidden();
  await setup.setCharthopOrg('initech');
  await setup.chooseLeverEnvironment('EU');
  await expect(setup.hostChangeWarning).toHaveText(
    "The Lever API host changed, so this profile's Lever API key and Lever webhook signature token will be removed (keys never go to a host they were not entered for); enter them again in Setup.",
  );
  await setup.pressSaveConnection();
  await expect(setup.hostChangeDone).toHaveText(
    "The Lever API host changed, so this profile's Lever API key and Lever webhook signature token were removed (keys never go to a host they were not entered for); enter them again in Setup.",
  );
  await expect(setup.secretStatus('leverApiKey')).toHaveText('Not set');
});
