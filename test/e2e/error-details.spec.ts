/**
 * An error's details are one click away: the note's "Details" disclosure lists the HTTP status, the
 * call and the vendor's request id (the one the fake ChartHop answered with), and "Copy details"
 * puts them on the clipboard — or says how to copy them by hand when the clipboard refuses. A run
 * that failed on a vendor call shows the same details in its error box.
 */
import { api, expect, test } from './host-fixture.ts';
import { charthopFault, charthopLog, sandboxOf } from './sandbox-control.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const JOBS = '/v2/org/:org/job';

test('a planning error\'s Details list status, call and request id, and Copy details puts them on the clipboard', async ({ page, host }) => {
  const sandbox = sandboxOf(host);
  await charthopFault(page.request, sandbox, { method: 'GET', path: JOBS, action: { kind: 'status', status: 403 } });
  await page.getByRole('button', { name: 'Reconcile…' }).click();
  const alert = page.getByTestId('reconcile-sheet').getByRole('alert');
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText('ChartHop');

  const toggle = alert.getByRole('button', { name: 'Details' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(alert.getByRole('group', { name: 'Error details' })).toHaveCount(0);
  await toggle.click();
  await expect(alert.getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true');

  const refused = (await charthopLog(page.request, sandbox, 403)).filter((entry) => entry.fault === 'status');
  const requestId = refused.at(-1)?.requestId ?? '';
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

  const facts = alert.getByRole('group', { name: 'Error details' });
  await expect(alert.getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-controls', (await facts.getAttribute('id')) ?? 'missing');
  const list = facts.locator('dl');
  await expect(list).toBeVisible();
  await expect(list.locator('[data-fact="code"]')).toHaveText('sync.listing_failed');
  await expect(list.locator('[data-fact="status"]')).toHaveText('403');
  await expect(list.locator('[data-fact="call"]')).toHaveText(`ChartHop GET ${JOBS}`);
  await expect(list.locator('[data-fact="requestId"]')).toHaveText(requestId);
  await expect(list.locator('[data-fact="attempts"]')).toHaveText('1');
  await expect(list.locator('[data-fact="time"]')).not.toBeEmpty();
  await expect(list.locator('dt')).toHaveText(['Error code', 'HTTP status', 'Call', 'Request id', 'Attempts', 'Time']);

  await facts.getByRole('button', { name: 'Copy details' }).click();
  await expect(facts.getByRole('status')).toHaveText('Details copied.');
  // The e2e tests compile without the DOM types, so page code goes as a string (as in the other specs).
  const copied = String(await page.evaluate('navigator.clipboard.readText()'));
  expect(copied).toContain('HTTP status: 403');
  expect(copied).toContain(`Request id: ${requestId}`);
  expect(copied).toContain(`Call: ChartHop GET ${JOBS}`);
  expect(copied).toContain('Error code: sync.listing_failed');
  expect(copied).toMatch(/Time: \d{4}-\d{2}-\d{2}T/);
});

test('when the clipboard refuses, Copy details says how to copy them by hand', async ({ page, host }) => {
  await charthopFault(page.request, sandboxOf(host), { method: 'GET', path: JOBS, action: { kind: 'status', status: 403 } });
  await page.evaluate(`Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) },
  })`);
  await page.getByRole('button', { name: 'Reconcile…' }).click();
  const alert = page.getByTestId('reconcile-sheet').getByRole('alert');
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await alert.getByRole('button', { name: 'Details' }).click();
  await alert.getByRole('button', { name: 'Copy details' }).click();
  await expect(alert.getByRole('status')).toHaveText(/clipboard refused the copy: select the details above and copy them by hand/);
  await expect(alert.locator('[data-fact="status"]')).toHaveText('403');
});

test('a run that failed on a ChartHop call shows the call\'s details in its error box', async ({ page, host }) => {
  const sandbox = sandboxOf(host);
  await charthopFault(page.request, sandbox, { method: 'GET', path: JOBS, action: { kind: 'status', status: 403 } });
  const run = await api(page, host, 'sync:run', { profileId: 'sandbox' });
  expect(run.status).toBe('failed');
  const requestId = run.errorDetails?.requestId ?? '';
  expect((await charthopLog(page.request, sandbox, 403)).map((entry) => entry.requestId)).toContain(requestId);

  await page.evaluate(`window.location.hash = '#/runs/sandbox/${run.id}'`);
  const detail = page.getByTestId('run-detail');
  await expect(detail.getByRole('heading', { level: 2 })).toContainText(`Run ${run.id}`);
  const box = detail.locator('.run-header .note-error');
  await expect(box).toContainText(run.error ?? '');
  await box.getByRole('button', { name: 'Details' }).click();
  const list = box.getByRole('group', { name: 'Error details' }).locator('dl');
  await expect(list.locator('[data-fact="status"]')).toHaveText('403');
  await expect(list.locator('[data-fact="call"]')).toHaveText(`ChartHop GET ${JOBS}`);
  await expect(list.locator('[data-fact="requestId"]')).toHaveText(requestId);
  // A run's error has no code of its own.
  await expect(list.locator('[data-fact="code"]')).toHaveCount(0);
});
