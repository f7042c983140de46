/** Acceptance (issue 5): Reconcile on the Sandbox shows the plan, a subset is approved and applied, and Runs shows and exports the run. */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { api, expect, test } from './host-fixture.ts';
import { openSection } from './app-pages.ts';
import { csvRecords } from './csv.ts';
import { charthopFault, clearFaults, sandboxOf } from './sandbox-control.ts';

/** The demo data's deliberately mismatched emails, mapped so their jobs plan instead of being skipped as unmapped. */
const USER_MAPPINGS = {
  'nora.edwards@northwind.example': 'nedwards@northwind.example',
  'daniel.obrien@northwind.example': 'daniel.obrien@northwindlabs.example',
  'alan.edwards@northwind.example': 'chen.muller@northwind.example',
};

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

test('Reconcile on the Sandbox: plan grouped by action, approve two rows, apply, then the run in Runs exports them as CSV and JSON', async ({ page, host }) => {
  await api(page, host, 'settings:update', { profileId: 'sandbox', patch: { mappings: { users: USER_MAPPINGS } } });
  await page.getByRole('button', { name: 'Reconcile…' }).click();
  const sheet = page.getByTestId('reconcile-sheet');
  await expect(sheet.getByRole('heading', { name: 'Reconcile Sandbox' })).toBeVisible();
  await expect(sheet.getByTestId('plan-summary')).toBeVisible({ timeout: 30_000 });

  // Rows come grouped by action; the applicable ones have a checkbox, and everything applicable starts selected.
  const rows = sheet.getByTestId('plan-row');
  const selectable = rows.filter({ has: page.getByRole('checkbox') });
  const total = await selectable.count();
  expect(total, 'the Sandbox has drift to reconcile').toBeGreaterThanOrEqual(2);
  await expect(sheet.getByRole('button', { name: `Apply ${total} selected` })).toBeEnabled();
  for (const action of await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-action')))) {
    expect(['create', 'update', 'close', 'delete', 'link', 'needs_attention', 'skip']).toContain(action);
  }

  // Select none, then approve two rows; a drifted row's diff shows before → after with the change highlighted.
  await sheet.getByRole('button', { name: 'Select none' }).click();
  await expect(sheet.getByRole('button', { name: 'Apply 0 selected' })).toBeDisabled();
  // Pin the rows by id: the filters below stop matching once a row is expanded.
  const firstId = await selectable.filter({ has: page.getByRole('button', { name: /^[1-9]\d* changes?$/ }) }).first().getAttribute('data-row-id');
  const secondId = await selectable.filter({ has: page.getByRole('button', { name: 'Details' }) }).first().getAttribute('data-row-id');
  const first = sheet.locator(`[data-row-id="${firstId}"]`);
  const second = sheet.locator(`[data-row-id="${secondId}"]`);
  const chosen = [await first.locator('.plan-row-title').innerText(), await second.locator('.plan-row-title').innerText()];
  await first.getByRole('button', { name: /changes?$/ }).click();
  const changed = first.locator('table.diff-table tr[data-changed="true"]');
  await expect(changed.first()).toBeVisible();
  const [before, after] = await Promise.all([changed.first().locator('.diff-before').innerText(), changed.first().locator('.diff-after').innerText()]);
  expect(before).not.toEqual(after);
  await first.getByRole('checkbox').check();
  await second.getByRole('checkbox').check();
  await expect(sheet.getByRole('status').filter({ hasText: 'rows selected' })).toContainText('2 of');

  // The text filter narrows the rows; clearing it brings them back with the selection kept.
  await sheet.getByLabel('Search').fill('no such requisition title');
  await expect(rows).toHaveCount(0);
  await sheet.getByLabel('Search').fill('');
  await expect(sheet.getByRole('button', { name: 'Apply 2 selected' })).toBeEnabled();

  await sheet.getByRole('button', { name: 'Apply 2 selected' }).click();
  const result = sheet.getByTestId('reconcile-result');
  await expect(result).toContainText('Reconcile succeeded', { timeout: 60_000 });
  await sheet.getByRole('button', { name: /^Open run \d+ in Runs$/ }).click();

  // Runs: the run's detail with its applied items, then its exports.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Runs');
  const detail = page.getByTestId('run-detail');
  await expect(detail).toContainText('Reconcile');
  const applied = detail.locator('[data-testid="run-item"][data-outcome="applied"]');
  await expect(applied).toHaveCount(2);
  const appliedTitles = (await applied.locator('.plan-row-title').allInnerTexts()).sort();
  expect(appliedTitles).toEqual([...chosen].sort());

  const csv = await download(page, 'Export CSV');
  expect(csv.name).toMatch(/\.csv$/);
  const csvApplied = csvRecords(csv.text).filter((record) => record['outcome'] === 'applied');
  expect(csvApplied.map((record) => record['title']).sort()).toEqual([...chosen].sort());

  const json = await download(page, 'Export JSON');
  expect(json.name).toMatch(/\.json$/);
  const exported = JSON.parse(json.text) as { trigger: string; items: Array<{ title: string; outcome: string }> };
  expect(exported.trigger).toBe('reconcile');
  expect(exported.items.filter((item) => item.outcome === 'applied').map((item) => item.title).sort()).toEqual([...chosen].sort());

  // The list shows the run with its trigger and status.
  await detail.getByRole('button', { name: '← All runs' }).click();
  const table = page.getByTestId('runs-table');
  await expect(table.getByRole('row').filter({ hasText: 'Reconcile' }).first()).toContainText('Succeeded');
  await expect(page.getByTestId('runs-chart')).toBeVisible();
});

test('the Reconcile sheet works from the keyboard and Escape closes it without writing', async ({ page, host }) => {
  await api(page, host, 'settings:update', { profileId: 'sandbox', patch: { mappings: { users: USER_MAPPINGS } } });
  const reconcile = page.getByRole('button', { name: 'Reconcile…' });
  await reconcile.focus();
  await page.keyboard.press('Enter');
  const sheet = page.getByTestId('reconcile-sheet');
  await expect(sheet.getByTestId('plan-summary')).toBeVisible({ timeout: 30_000 });
  const apply = sheet.getByRole('button', { name: /^Apply \d+ selected$/ });
  const before = await apply.innerText();
  const firstBox = sheet.getByTestId('plan-row').getByRole('checkbox').first();
  await firstBox.focus();
  await expect(firstBox).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('Space');
  await expect(firstBox).not.toBeChecked();
  await expect(apply).not.toHaveText(before);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  expect(await api(page, host, 'runs:list', { profileId: 'sandbox' })).toHaveLength(0);
});

test('unmapped values in the plan point to the value mappings, where a mapping is added and saved', async ({ page, host }) => {
  await page.getByRole('button', { name: 'Reconcile…' }).click();
  const sheet = page.getByTestId('reconcile-sheet');
  const unmapped = sheet.getByTestId('unmapped-values');
  await expect(unmapped).toBeVisible({ timeout: 30_000 });
  const email = (await unmapped.locator('tbody tr').filter({ hasText: 'User email' }).first().locator('code').innerText()).trim();
  await unmapped.getByRole('button', { name: 'Open value mappings' }).click();
  await expect(sheet).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Setup');

  const mappings = page.locator('#mappings');
  await expect(mappings).toBeInViewport();
  // The Users group starts open when the profile already maps some users (the Sandbox maps its aliased managers).
  const users = mappings.locator('details').filter({ has: page.locator('summary', { hasText: 'Users' }) });
  if ((await users.getAttribute('open')) === null) await users.locator('summary').click();
  await users.getByRole('button', { name: 'Add a user mapping' }).click();
  const last = users.locator('.mapping-row').last();
  await last.getByPlaceholder('ChartHop email').fill(email);
  await last.getByPlaceholder('Lever email').fill('chen.muller@northwind.example');
  await mappings.getByRole('button', { name: 'Save mappings' }).click();
  await expect(mappings.getByRole('status')).toHaveText('Saved');
  const settings = await api(page, host, 'settings:get', { profileId: 'sandbox' });
  expect(settings.mappings.users[email]).toBe('chen.muller@northwind.example');
});

test('when planning fails the sheet says why with one Try again and no Apply footer; trying again after the fault shows the plan and Apply', async ({ page, host }) => {
  const sandbox = sandboxOf(host);
  await charthopFault(page.request, sandbox, { method: 'GET', path: '/v2/org/:org/job', action: { kind: 'status', status: 500 } });
  await page.getByRole('button', { name: 'Reconcile…' }).click();
  const sheet = page.getByTestId('reconcile-sheet');
  await expect(sheet.getByRole('alert')).toBeVisible({ timeout: 30_000 });
  await expect(sheet.getByRole('button', { name: 'Try again' })).toHaveCount(1);
  await expect(sheet.getByRole('button', { name: 'Plan again' })).toHaveCount(0);
  await expect(sheet.getByRole('button', { name: /^Apply \d+ selected$/ })).toHaveCount(0);
  await expect(sheet.locator('.sheet-footer')).toHaveCount(0);
  await expect(sheet.getByRole('button', { name: 'Close' })).toBeEnabled();

  await clearFaults(page.request, sandbox);
  await sheet.getByRole('button', { name: 'Try again' }).click();
  await expect(sheet.getByTestId('plan-summary')).toBeVisible({ timeout: 30_000 });
  await expect(sheet.getByRole('alert')).toHaveCount(0);
  await expect(sheet.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await expect(sheet.getByRole('button', { name: 'Plan again' })).toBeEnabled();
  await expect(sheet.getByRole('button', { name: /^Apply \d+ selected$/ })).toBeVisible();
});

test('Reconcile’s action filter shows only that action’s rows; a run’s detail filters its records by outcome and by reason', async ({ page, host }) => {
  // Reconcile: filtering on one action leaves exactly that action's rows; "All actions" brings every row back.
  await page.getByRole('button', { name: 'Reconcile…' }).click();
  const sheet = page.getByTestId('reconcile-sheet');
  await expect(sheet.getByTestId('plan-summary')).toBeVisible({ timeout: 30_000 });
  const rows = sheet.getByTestId('plan-row');
  const actions = (await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-action') ?? ''))) as string[];
  const byAction = new Map<string, number>();
  for (const action of actions) byAction.set(action, (byAction.get(action) ?? 0) + 1);
  expect(byAction.size, 'the Sandbox plan has more than one action').toBeGreaterThan(1);
  // The least frequent action, so the filter visibly narrows the plan.
  const [action, count] = [...byAction].sort((a, b) => a[1] - b[1])[0]!;
  const actionFilter = sheet.getByLabel('Action', { exact: true });
  await expect(actionFilter.locator(`option[value="${action}"]`)).toContainText(`(${count})`);
  await actionFilter.selectOption(action);
  await expect(rows).toHaveCount(count);
  expect(new Set(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-action'))))).toEqual(new Set([action]));
  await expect(sheet.getByRole('button', { name: 'Select all shown' })).toBeVisible();
  await actionFilter.selectOption('all');
  await expect(rows).toHaveCount(actions.length);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // A run with records of several outcomes and reasons (the Sandbox's unmapped emails are skipped).
  const run = await api(page, host, 'sync:run', { profileId: 'sandbox' });
  const { items } = await api(page, host, 'runs:get', { profileId: 'sandbox', runId: run.id });
  const outcomes = new Map<string, number>();
  for (const item of items) outcomes.set(item.outcome, (outcomes.get(item.outcome) ?? 0) + 1);
  expect(outcomes.size, 'the Sandbox sync has records of more than one outcome').toBeGreaterThan(1);
  expect(items.length).toBeLessThanOrEqual(200);
  const outcome = [...outcomes].sort((a, b) => a[1] - b[1])[0]![0];
  const reason = items.find((item) => item.outcome === outcome)!.reason;
  const titlesOf = (list: typeof items) => list.map((item) => item.title).sort();

  await openSection(page, 'Runs');
  await page.getByRole('button', { name: new RegExp(`^Open run ${run.id},`) }).click();
  const detail = page.getByTestId('run-detail');
  const shown = detail.getByTestId('run-item');
  await expect(shown).toHaveCount(items.length);

  // By outcome: only that outcome's records.
  await detail.getByLabel('Outcome').selectOption(outcome);
  const ofOutcome = items.filter((item) => item.outcome === outcome);
  await expect(shown).toHaveCount(ofOutcome.length);
  expect(new Set(await shown.evaluateAll((els) => els.map((el) => el.getAttribute('data-outcome'))))).toEqual(new Set([outcome]));
  expect((await shown.locator('.plan-row-title').allInnerTexts()).sort()).toEqual(titlesOf(ofOutcome));

  // And by reason: the records with that outcome and that reason.
  await detail.getByLabel('Reason').selectOption(reason);
  const matching = ofOutcome.filter((item) => item.reason === reason);
  await expect(shown).toHaveCount(matching.length);
  expect((await shown.locator('.plan-row-title').allInnerTexts()).sort()).toEqual(titlesOf(matching));

  // The reason alone, across every outcome.
  await detail.getByLabel('Outcome').selectOption('all');
  const withReason = items.filter((item) => item.reason === reason);
  await expect(shown).toHaveCount(withReason.length);
  expect((await shown.locator('.plan-row-title').allInnerTexts()).sort()).toEqual(titlesOf(withReason));

  // Nothing matches: the list says so.
  await detail.getByLabel('Search').fill('no such requisition title');
  await expect(shown).toHaveCount(0);
  await expect(detail).toContainText('No record matches these filters.');
});
