/**
 * An error's details are one click away: the note's "Details" disclosure lists the HTTP status, the
 * call and the vendor's request id (the one the fake ChartHop answered with), and "Copy details"
 * puts them on the clipboard — or says how to copy them by hand when the clipboard refuses. A run
 * that failed on a vendor call shows the same details in its error box.
 */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';
import { charthopFault, charthopLog, sandboxOf } from './sandbox-control.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const JOBS = '/v2/org/:org/job';

test("a planning error's Details list status, call and request id, and Copy details puts them on the clipboard", async ({ page, host }) => {
  const { planSheet: reconcile } = appModels(page);
  const note = reconcile.errorNote;
  const sandbox = sandboxOf(host);
  await charthopFault(page.request, sandbox, { method: 'GET', path: JOBS, action: { kind: 'status', status: 403 } });
  await reconcile.pressReconcile();
  await expect(note.root).toBeVisible({ timeout: 30_000 });
  await expect(note.root).toContainText('ChartHop');

  await expect(note.detailsButton).toHaveAttribute('aria-expanded', 'false');
  await expect(note.details).toHaveCount(0);
  await note.showDetails();
  await expect(note.hideDetailsButton).toHaveAttribute('aria-expanded', 'true');

  const refused = (await charthopLog(page.request, sandbox, 403)).filter((entry) => entry.fault === 'status');
  const requestId = refused.at(-1)?.requestId ?? '';
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

  await expect(note.hideDetailsButton).toHaveAttribute('aria-controls', (await note.details.getAttribute('id')) ?? 'missing');
  await expect(note.facts).toBeVisible();
  await expect(note.fact('code')).toHaveText('sync.listing_failed');
  await expect(note.fact('status')).toHaveText('403');
  await expect(note.fact('call')).toHaveText(`ChartHop GET ${JOBS}`);
  await expect(note.fact('requestId')).toHaveText(requestId);
  await expect(note.fact('attempts')).toHaveText('1');
  await expect(note.fact('time')).not.toBeEmpty();
  await expect(note.factNames).toHaveText(['Error code', 'HTTP status', 'Call', 'Request id', 'Attempts', 'Time']);

  await note.copyDetails();
  await expect(note.copyStatus).toHaveText('Details copied.');
  // The e2e tests compile without the DOM types, so page code goes as a string (as in the other specs).
  const copied = String(await page.evaluate('navigator.clipboard.readText()'));
  expect(copied).toContain('HTTP status: 403');
  expect(copied).toContain(`Request id: ${requestId}`);
  expect(copied).toContain(`Call: ChartHop GET ${JOBS}`);
  expect(copied).toContain('Error code: sync.listing_failed');
  expect(copied).toMatch(/Time: \d{4}-\d{2}-\d{2}T/);
});

test('when the clipboard refuses, Copy details says how to copy them by hand', async ({ page, host }) => {
  const { planSheet: reconcile } = appModels(page);
  const note = reconcile.errorNote;
  await charthopFault(page.request, sandboxOf(host), { method: 'GET', path: JOBS, action: { kind: 'status', status: 403 } });
  await page.evaluate(`Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) },
  })`);
  await reconcile.pressReconcile();
  await expect(note.root).toBeVisible({ timeout: 30_000 });
  await note.showDetails();
  await note.copyDetails();
  await expect(note.status).toHaveText(/clipboard refused the copy: select the details above and copy them by hand/);
  await expect(note.fact('status')).toHaveText('403');
});

test("a run that failed on a ChartHop call shows the call's details in its error box", async ({ page, host }) => {
  const { runDetail } = appModels(page);
  const sandbox = sandboxOf(host);
  await charthopFault(page.request, sandbox, { method: 'GET', path: JOBS, action: { kind: 'status', status: 403 } });
  const run = await api(page, host, 'sync:run', { profileId: 'sandbox' });
  expect(run.status).toBe('failed');
  const requestId = run.errorDetails?.requestId ?? '';
  expect((await charthopLog(page.request, sandbox, 403)).map((entry) => entry.requestId)).toContain(requestId);

  await page.evaluate(`window.location.hash = '#/runs/sandbox/${run.id}'`);
  await expect(runDetail.runHeading).toContainText(`Run ${run.id}`);
  const box = runDetail.errorNote;
  await expect(box.root).toContainText(run.error ?? '');
  await box.showDetails();
  await expect(box.fact('status')).toHaveText('403');
  await expect(box.fact('call')).toHaveText(`ChartHop GET ${JOBS}`);
  await expect(box.fact('requestId')).toHaveText(requestId);
  // A run's error has no code of its own.
  await expect(box.fact('code')).toHaveCount(0);
});
