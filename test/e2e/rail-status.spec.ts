/** The rail's status dots say the same as Home's attention list: a sync that skipped records, a profile without its keys. */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

test('Runs goes amber after a Sandbox sync that skipped records; Setup is red for a client profile without keys', async ({
  page,
  host,
}) => {
  const { shell, home, planSheet: preview } = appModels(page);
  await expect(shell.railDot('Runs')).toHaveCount(0);
  await expect(shell.railDot('Setup')).toHaveAttribute('aria-label', 'all set');

  // The Sandbox's demo data has a recruiter missing from Lever: the sync succeeds but skips their jobs.
  // The first sync goes through the Preview: Apply all.
  await shell.syncNow();
  await preview.applyAll();
  await expect(preview.result).toContainText(/\d+ skipped/, { timeout: 90_000 });
  await preview.close();
  await expect(shell.railDot('Runs')).toHaveAttribute('aria-label', 'needs attention');
  await expect(home.cardAt(0).root).toContainText('Unmapped values skipped records');

  await api(page, host, 'profiles:create', { name: 'Keyless Client' });
  await shell.switchProfile('Keyless Client');
  await expect(shell.railDot('Setup')).toHaveAttribute('aria-label', 'needs fixing');
});
