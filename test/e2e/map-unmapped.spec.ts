/** Acceptance (issue 16, point 3): an unmapped value is mapped where it is shown, with the counterpart picked from the other system's list. */
import { api, expect, test } from './host-fixture.ts';
import { openSection } from './app-pages.ts';
import { mapDialog } from './map-dialog.ts';

/** The Sandbox's Lever admin: a real Lever user of the demo data, picked as the counterpart. */
const ADMIN = { name: 'Sandbox Admin', email: 'sandbox.admin@northwind.example' };

test('Map… on a Reconcile row skipped as unmapped: the consultant picks the Lever user, saves, and the row becomes a create or an update', async ({ page, host }) => {
  await page.getByRole('button', { name: 'Reconcile…' }).click();
  const sheet = page.getByTestId('reconcile-sheet');
  await expect(sheet.getByTestId('plan-summary')).toBeVisible({ timeout: 30_000 });

  // A record skipped because its recruiter's email has no Lever user: it offers Map… for that email.
  const skipped = sheet.locator('[data-testid="plan-row"][data-action="skip"]').filter({ has: page.getByRole('button', { name: /^Map the ChartHop user/ }) });
  const rowId = await skipped.first().getAttribute('data-row-id');
  const row = sheet.locator(`[data-row-id="${rowId}"]`);
  const button = row.getByRole('button', { name: /^Map the ChartHop user/ });
  await expect(button).toHaveCount(1);
  const email = /“(.+)”/.exec((await button.getAttribute('aria-label')) ?? '')?.[1] ?? '';
  await expect(row).toContainText(email);
  await button.click();

  const map = mapDialog(page);
  await expect(map.dialog.getByRole('heading', { name: 'Map a ChartHop user' })).toBeVisible();
  await expect(map.source('ChartHop user')).toHaveValue(email);
  await map.pick('sandbox', `${ADMIN.name} — ${ADMIN.email}`);
  await map.save();

  // Reconcile plans again: the record is now a create (it had no requisition yet) or an update, and no longer skipped.
  await expect(row).toHaveAttribute('data-action', /^(create|update)$/, { timeout: 30_000 });
  await expect(sheet.getByRole('button', { name: `Map the ChartHop user “${email}”` })).toHaveCount(0);
  const settings = await api(page, host, 'settings:get', { profileId: 'sandbox' });
  expect(settings.mappings.users[email]).toBe(ADMIN.email);
  // The Sandbox's own mappings are kept.
  expect(settings.mappings.users['nora.edwards@northwind.example']).toBe('nedwards@northwind.example');
});

test('Map… in a run’s detail: the consultant maps the skipped record’s email and the run says what it is mapped to', async ({ page, host }) => {
  const run = await api(page, host, 'sync:run', { profileId: 'sandbox' });
  expect(run.counts.skipped, 'the Sandbox sync skips the records of its unmapped recruiter').toBeGreaterThan(0);
  await openSection(page, 'Runs');
  await page.getByRole('button', { name: new RegExp(`^Open run ${run.id},`) }).click();
  const detail = page.getByTestId('run-detail');
  await detail.getByLabel('Reason').selectOption('unmapped_value');

  const item = detail.locator('[data-testid="run-item"][data-outcome="skipped"]').filter({ has: page.getByRole('button', { name: /^Map the ChartHop user/ }) }).first();
  const button = item.getByRole('button', { name: /^Map the ChartHop user/ });
  const email = /“(.+)”/.exec((await button.getAttribute('aria-label')) ?? '')?.[1] ?? '';
  await button.click();
  const map = mapDialog(page);
  await expect(map.source('ChartHop user')).toHaveValue(email);
  await map.pick(ADMIN.email, ADMIN.name);
  await map.save();

  // Every record of the run with that email now says so, instead of offering Map… again.
  await expect(detail.getByTestId('mapped-note').first()).toHaveText(`“${email}” is mapped to “${ADMIN.email}”`);
  await expect(detail.getByRole('button', { name: `Map the ChartHop user “${email}”` })).toHaveCount(0);
  expect((await api(page, host, 'settings:get', { profileId: 'sandbox' })).mappings.users[email]).toBe(ADMIN.email);
});

test('Map… in Check connection: Escape leaves without saving; a Lever user picked and saved shows as mapped in the report', async ({ page, host }) => {
  await openSection(page, 'Setup');
  const step = page.getByTestId('step-3');
  await step.getByRole('button', { name: 'Check connection' }).click();
  const users = step.locator('[data-check="users.match"]');
  const button = users.getByRole('button', { name: /^Map the ChartHop user/ }).first();
  await expect(button).toBeVisible({ timeout: 20_000 });
  const email = /“(.+)”/.exec((await button.getAttribute('aria-label')) ?? '')?.[1] ?? '';

  await button.click();
  const map = mapDialog(page);
  await expect(map.dialog.getByRole('listbox')).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Escape');
  await expect(map.dialog).toBeHidden();
  expect((await api(page, host, 'settings:get', { profileId: 'sandbox' })).mappings.users[email]).toBeUndefined();

  await button.click();
  await map.pick(ADMIN.name, ADMIN.email);
  await map.save();
  await expect(users.getByTestId('mapped-note')).toContainText(`“${email}” is mapped to “${ADMIN.email}”`);
});

test('Map… on Home: after a sync that skipped records, the attention item maps the email and then says what it maps to', async ({ page, host }) => {
  await api(page, host, 'sync:run', { profileId: 'sandbox' });
  await openSection(page, 'Home');
  const attention = page.getByTestId('home-card').filter({ hasText: 'Sandbox' }).getByTestId('attention');
  const item = attention.getByRole('listitem').filter({ hasText: 'Unmapped values skipped records in the last sync' });
  const button = item.getByRole('button', { name: /^Map the ChartHop user/ }).first();
  await expect(button).toBeVisible({ timeout: 15_000 });
  const email = /“(.+)”/.exec((await button.getAttribute('aria-label')) ?? '')?.[1] ?? '';

  await button.click();
  const map = mapDialog(page);
  await expect(map.source('ChartHop user')).toHaveValue(email);
  await map.pick('admin', ADMIN.name);
  await map.save();
  await expect(item.getByTestId('mapped-note')).toHaveText(`“${email}” is mapped to “${ADMIN.email}”`);
});
