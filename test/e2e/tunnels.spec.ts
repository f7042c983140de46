/** Acceptance: Setup recommends ngrok or the client's own HTTPS address over localtunnel, and says why; with localtunnel the webhook step shows the unencrypted hop. */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

test('the tunnel choice recommends ngrok or an own HTTPS address, and localtunnel shows its unencrypted hop', async ({ page, host }) => {
  const { setup } = appModels(page);
  const webhook = setup.webhook;
  const { id } = await api(page, host, 'profiles:create', { name: 'Vandelay' });
  await api(page, host, 'profiles:select', { id });
  await page.reload();
  await setup.open();
  await expect(webhook.tunnelAdvice).toContainText('Use ngrok or the client’s own HTTPS address');
  await expect(webhook.tunnelAdvice).toContainText('plain TCP');
  await expect(webhook.localtunnelWarning).toHaveCount(0);

  await webhook.chooseTunnel(/localtunnel/);
  await expect(webhook.localtunnelWarning).toContainText('Unencrypted hop');
  await webhook.saveLocaltunnelServer('http://tunnels.example');
  await expect(webhook.localtunnelServerProblem).toContainText('The localtunnel server must start with https://');

  // A local server is allowed over http://; once saved, the endpoint itself carries the warning.
  await webhook.saveLocaltunnelServer('http://127.0.0.1:9');
  await expect(webhook.tunnelSaved).toBeVisible();
  await expect(webhook.endpointLocaltunnelWarning).toBeVisible({ timeout: 10_000 });
});
