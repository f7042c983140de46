// Start-up failures are a sentence with what to do, on the host's own address — never a stack trace
// the consultant has to find in a terminal: a settings file that is not JSON, a state database from
// a newer ReqBridge, and a data folder that cannot be used.
import { expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

const cases = [
  {
    badStart: 'corrupt-settings',
    says: /The settings file .*settings\.json could not be read .*Fix the JSON or move the file away; ReqBridge has not changed it\./,
  },
  {
    badStart: 'newer-database',
    says: /The state database .*sandbox\.sqlite was written by a newer ReqBridge \(schema 999\)\. Update ReqBridge to open it\./,
  },
  {
    badStart: 'unusable-folder',
    says: /ReqBridge cannot use .*not-a-folder as its data folder \(a file is in its place\)\. Make it a folder your user can write to, or set REQBRIDGE_HOME to one/,
  },
] as const;

for (const { badStart, says } of cases) {
  test.describe(`a start with ${badStart.replace('-', ' ')}`, () => {
    test.use({ badStart });

    test('opens on a page that says what happened and what to do', async ({ page, host }) => {
      const { startupFailure } = appModels(page);
      expect(host.startupError).toMatch(says);
      await expect(startupFailure.heading).toBeVisible();
      await expect(startupFailure.reason).toHaveText(says);
      await expect(startupFailure.nothingChanged).toBeVisible();
      // The API answers the same sentence, so a script sees it too.
      const response = await page.request.post(`${host.origin}/api/profiles:list`, { data: {} });
      expect(response.status()).toBe(503);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(says);
    });
  });
}
