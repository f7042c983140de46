/** The window's icon is an inline SVG that the renderer's Content-Security-Policy allows, so no page load asks the host for /favicon.ico. */
import { expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

test('the app has an inline SVG icon the CSP lets load, and requests no /favicon.ico', async ({ page, host }) => {
  const { shell } = appModels(page);
  const favicon: string[] = [];
  const blocked: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/favicon.ico') favicon.push(request.url());
  });
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) blocked.push(message.text());
  });
  await page.goto(host.url);
  await expect(shell.currentProfile).toHaveText('Sandbox');

  await expect(shell.iconLink).toHaveAttribute('href', /^data:image\/svg\+xml,/);
  // Load the icon as an image under the page's CSP (img-src): it must decode.
  const loaded = await page.evaluate(`new Promise((resolve) => {
    const image = new Image();
    image.onload = () => resolve(image.naturalWidth > 0);
    image.onerror = () => resolve(false);
    image.src = document.querySelector('link[rel="icon"]').href;
  })`);
  expect(loaded, 'the icon loads under the CSP').toBe(true);
  expect(blocked).toEqual([]);
  expect(favicon).toEqual([]);
});
