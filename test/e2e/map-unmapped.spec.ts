/** Acceptance (issue 16, point 3): an unmapped value is mapped where it is shown, with the counterpart picked from the other system's list. */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';
import { emailToMap, mappedNotes, mapUserButtonFor, mapUserButtons, withMapUserButton } from './pages/map-buttons.ts';
import { mapDialog } from './pages/map-dialog.ts';

/** The Sandbox's Lever admin: a real Lever user of the demo data, picked as the counterpart. */
const ADMIN = { name: 'Sandbox Admin', email: 'sandbox.admin@northwind.example' };

test('Map… on a Reconcile row skipped as unmapped: the consultant picks the Lever user, saves, and the row becomes a create or an update', async ({
  page,
  host,
}) => {
  const { planSheet: reconcile } = appModels(page);
  await reconcile.open();

  // A record skipped because its recruiter's email has no Lever user: it offers Map… for that email.
  const skipped = withMapUserButton(reconcile.rowsOf('skip'));
  const row = reconcile.rowById(await skipped.first().getAttribute('data-row-id')).root;
  const button = mapUserButtons(row);
  await expect(button).toHaveCount(1);
  const email = await emailToMap(button);
  await expect(row).toContainText(email);

  const map = mapDialog(page);
  await map.openFrom(button);
  await expect(map.heading('Map a ChartHop user')).toBeVisible();
  await expect(map.source('ChartHop user')).toHaveValue(email);
  await map.pick('sandbox', `${ADMIN.name} — ${ADMIN.email}`);
  await map.save();

  // Reconcile plans again: the record is now a create (it had no requisition yet) or an update, and no longer skipped.
  await expect(row).toHaveAttribute('data-action', /^(create|update)$/, { timeout: 30_000 });
  await expect(mapUserButtonFor(reconcile.sheet, email)).toHaveCount(0);
  const settings = await api(page, host, 'settings:get', { profileId: 'sandbox' });
  expect(settings.mappings.users[email]).toBe(ADMIN.email);
  // The Sandbox's own mappings are kept.
  expect(settings.mappings.users['nora.edwards@northwind.example']).toBe('nedwards@northwind.example');
});

test('Map… in a run’s detail: the consultant maps the skipped record’s email and the run says what it is mapped to', async ({
  page,
  host,
}) => {
  const { runs, runDetail } = appModels(page);
  const run = await api(page, host, 'sync:run', { profileId: 'sandbox' });
  expect(run.counts.skipped, 'the Sandbox sync skips the records of its unmapped recruiter').toBeGreaterThan(0);
  await runs.open();
  await runs.openRun(run.id);
  await runDetail.filterByReason('unmapped_value');

  const item = withMapUserButton(runDetail.itemsWithOutcome('skipped')).first();
  const button = mapUserButtons(item);
  const email = await emailToMap(button);
  const map = mapDialog(page);
  await map.openFrom(button);
  await expect(map.source('ChartHop user')).toHaveValue(email);
  await map.pick(ADMIN.email, ADMIN.name);
  await map.save();

  // Every record of the run with that email now says so, instead of offering Map… again.
  await expect(mappedNotes(runDetail.detail).first()).toHaveText(`“${email}” is mapped to “${ADMIN.email}”`);
  await expect(mapUserButtonFor(runDetail.detail, email)).toHaveCount(0);
  expect((await api(page, host, 'settings:get', { profileId: 'sandbox' })).mappings.users[email]).toBe(ADMIN.email);
});

test('Map… in Check connection: Escape leaves without saving; a Lever user picked and saved shows as mapped in the report', async ({
  page,
  host,
}) => {
  const { setup } = appModels(page);
  await setup.open();
  await setup.checkConnection();
  const users = setup.connectionCheck.check('users.match');
  const button = mapUserButtons(users).first();
  await expect(button).toBeVisible({ timeout: 20_000 });
  const email = await emailToMap(button);

  const map = mapDialog(page);
  await map.openFrom(button);
  await expect(map.choices).toBeVisible({ timeout: 15_000 });
  await map.dismiss();
  expect((await api(page, host, 'settings:get', { profileId: 'sandbox' })).mappings.users[email]).toBeUndefined();

  await map.openFrom(button);
  await map.pick(ADMIN.name, ADMIN.email);
  await map.save();
  await expect(mappedNotes(users)).toContainText(`“${email}” is mapped to “${ADMIN.email}”`);
});

test('Map… on Home: after a sync that skipped records, the attention item maps the email and then says what it maps to', async ({
  page,
  host,
}) => {
  const { home } = appModels(page);
  await api(page, host, 'sync:run', { profileId: 'sandbox' });
  await home.open();
  const item = home.cardNamed('Sandbox').attentionItem('Unmapped values skipped records in the last sync');
  const button = mapUserButtons(item).first();
  await expect(button).toBeVisible({ timeout: 15_000 });
  const email = await emailToMap(button);

  const map = mapDialog(page);
  await map.openFrom(button);
  await expect(map.source('ChartHop user')).toHaveValue(email);
  await map.pick('admin', ADMIN.name);
  await map.save();
  await expect(mappedNotes(item)).toHaveText(`“${email}” is mapped to “${ADMIN.email}”`);
});
