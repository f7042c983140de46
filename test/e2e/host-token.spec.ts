/** Acceptance: the browser host's token leaves the address bar, travels only in the Authorization header, and a cookie alone opens nothing. */
import { expect, hostTokenOf, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

test('the token leaves the address bar, a reload keeps access, and a request with only the cookie is refused', async ({ page, host }) => {
  const { shell, setup } = appModels(page);
  const token = hostTokenOf(host);
  expect(page.url()).not.toContain(token);
  const sent: Array<{ authorization: string | undefined; cookie: string | undefined }> = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/'))
      sent.push({ authorization: request.headers()['authorization'], cookie: request.headers()['cookie'] });
  });
  await setup.open();
  await page.reload();
  await expect(shell.currentProfile).toHaveText('Sandbox');
  expect(page.url()).not.toContain(token);
  expect(sent.length).toBeGreaterThan(0);
  for (const request of sent) expect(request).toEqual({ authorization: `Bearer ${token}`, cookie: undefined });

  // Another service on 127.0.0.1 would receive a cookie set for this host: a cookie alone must open nothing.
  await page.context().addCookies([{ name: 'reqbridge_token', value: token, url: host.origin }]);
  const status = await page.evaluate(async () => {
    const call = await fetch('/api/profiles:list', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      credentials: 'include',
    });
    const events = await fetch('/api/events', { credentials: 'include' });
    return [call.status, events.status];
  });
  expect(status).toEqual([401, 401]);
});
