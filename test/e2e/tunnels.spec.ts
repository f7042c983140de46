/** Acceptance: Setup recommends ngrok or the client's own HTTPS address over localtunnel, and says why; with localtunnel the webhook step shows the unencrypted hop. */
import { api, expect, test } from './host-fixture.ts';
import { openSection } from './app-pages.ts';

test('the tunnel choice recommends ngrok or an own HTTPS address, and localtunnel shows its unencrypted hop', async ({ page, host }) => {
  const { id } = await api(page, host, 'profiles:create', { name: 'Vandelay' });
  await api(page, host, 'profiles:select', { id });
  await page.reload();
  await openSection(page, 'Setup');
  const step = page.getByTestId('step-5');
  await expect(step.getByTestId('tunnel-advice')).toContainText('Use ngrok or the client’s own HTTPS address');
  await expect(step.getByTestId('tunnel-advice')).toContainText('plain TCP');
  await expect(step.getByTestId('localtunnel-warning')).toHaveCount(0);

  await step.getByRole('radio', { name: /localtunnel/ }).check();
  await expect(step.getByTestId('localtunnel-warning')).toContainText('Unencrypted hop');
  await step.getByLabel('localtunnel server', { exact: true }).fill('http://tunnels.example');
  await step.getByRole('button', { name: 'Save tunnel' }).click();
  await expect(step.getByTestId('lt-host-problem')).toContainText('The localtunnel server must start with https://');

  // A local server is allowed over http://; once saved, the endpoint itself carries the warning.
  await step.getByLabel('localtunnel server', { exact: true }).fill('http://127.0.0.1:9');
  await step.getByRole('button', { name: 'Save tunnel' }).click();
  await expect(step.getByText('Saved', { exact: true })).toBeVisible();
  await expect(step.getByTestId('webhook-endpoint').getByTestId('localtunnel-warning')).toBeVisible({ timeout: 10_000 });
});
