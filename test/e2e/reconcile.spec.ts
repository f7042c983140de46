/** Acceptance (issue 5): Reconcile on the Sandbox shows the plan, a subset is approved and applied, and Runs shows and exports the run. */
import { api, expect, test } from './host-fixture.ts';
import { csvRecords } from './csv.ts';
import { appModels } from './pages/app.ts';
import { attributeOfEach, sortedTitles } from './pages/plan-row.ts';
import { charthopFault, clearFaults, sandboxOf } from './sandbox-control.ts';

/** The demo data's deliberately mismatched emails, mapped so their jobs plan instead of being skipped as unmapped. */
const USER_MAPPINGS = {
  'nora.edwards@northwind.example': 'nedwards@northwind.example',
  'daniel.obrien@northwind.example': 'daniel.obrien@northwindlabs.example',
  'alan.edwards@northwind.example': 'chen.muller@northwind.example',
};

test('Reconcile on the Sandbox: plan grouped by action, approve two rows, apply, then the run in Runs exports them as CSV and JSON', async ({
  page,
  host,
}) => {
  const { shell, planSheet: reconcile, runs, runDetail } = appModels(page);
  await api(page, host, 'settings:update', { profileId: 'sandbox', patch: { mappings: { users: USER_MAPPINGS } } });
  await reconcile.pressReconcile();
  await expect(reconcile.heading('Reconcile Sandbox')).toBeVisible();
  await reconcile.waitForPlan();

  // Rows come grouped by action; the applicable ones have a checkbox, and everything applicable starts selected.
  const total = await reconcile.selectableRows.count();
  expect(total, 'the Sandbox has drift to reconcile').toBeGreaterThanOrEqual(2);
  await expect(reconcile.applyButton(total)).toBeEnabled();
  for (const action of await reconcile.actionsOfRows()) {
    expect(['create', 'update', 'close', 'delete', 'link', 'needs_attention', 'skip']).toContain(action);
  }

  // Select none, then approve two rows; a drifted row's diff shows before → after with the change highlighted.
  await reconcile.selectNone();
  await expect(reconcile.applyButton(0)).toBeDisabled();
  // The rows are pinned by id: what found them stops matching once a row is expanded.
  const first = await reconcile.firstRowWithChanges();
  const second = await reconcile.firstRowWithDetails();
  const chosen = [await first.title.innerText(), await second.title.innerText()];
  await first.showChanges();
  await expect(first.changedFields.first()).toBeVisible();
  const [before, after] = await first.beforeAndAfter(first.changedFields.first());
  expect(before).not.toEqual(after);
  await first.select();
  await second.select();
  await expect(reconcile.selectionCount).toContainText('2 of');

  // The text filter narrows the rows; clearing it brings them back with the selection kept.
  await reconcile.search('no such requisition title');
  await expect(reconcile.rows).toHaveCount(0);
  await reconcile.search('');
  await expect(reconcile.applyButton(2)).toBeEnabled();

  await reconcile.apply(2);
  await expect(reconcile.result).toContainText('Reconcile succeeded', { timeout: 60_000 });
  await reconcile.openRun();

  // Runs: the run's detail with its applied items, then its exports.
  await expect(shell.title).toHaveText('Runs');
  await expect(runDetail.detail).toContainText('Reconcile');
  await expect(runDetail.appliedItems).toHaveCount(2);
  expect(await sortedTitles(runDetail.appliedItems)).toEqual([...chosen].sort());

  const csv = await runDetail.exportCsv();
  expect(csv.name).toMatch(/\.csv$/);
  const csvApplied = csvRecords(csv.text).filter((record) => record['outcome'] === 'applied');
  expect(csvApplied.map((record) => record['title']).sort()).toEqual([...chosen].sort());

  const json = await runDetail.exportJson();
  expect(json.name).toMatch(/\.json$/);
  const exported = JSON.parse(json.text) as { trigger: string; items: Array<{ title: string; outcome: string }> };
  expect(exported.trigger).toBe('reconcile');
  expect(
    exported.items
      .filter((item) => item.outcome === 'applied')
      .map((item) => item.title)
      .sort(),
  ).toEqual([...chosen].sort());

  // The list shows the run with its trigger and status.
  await runDetail.backToRuns();
  await expect(runs.rowsWith('Reconcile').first()).toContainText('Succeeded');
  await expect(runs.chart).toBeVisible();
});

test('the Reconcile sheet works from the keyboard and Escape closes it without writing', async ({ page, host }) => {
  const { planSheet: reconcile } = appModels(page);
  await api(page, host, 'settings:update', { profileId: 'sandbox', patch: { mappings: { users: USER_MAPPINGS } } });
  await reconcile.openWithKeyboard();
  const before = await reconcile.applySelectedButton.innerText();
  const firstBox = reconcile.rowCheckboxes.first();
  await reconcile.focusFirstRowCheckbox();
  await expect(firstBox).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('Space');
  await expect(firstBox).not.toBeChecked();
  await expect(reconcile.applySelectedButton).not.toHaveText(before);
  await reconcile.closeWithEscape();
  expect(await api(page, host, 'runs:list', { profileId: 'sandbox' })).toHaveLength(0);
});

test('unmapped values in the plan point to the value mappings, where a mapping is added and saved', async ({ page, host }) => {
  const { shell, planSheet: reconcile, setup } = appModels(page);
  await reconcile.pressReconcile();
  await expect(reconcile.unmappedValues).toBeVisible({ timeout: 30_000 });
  const email = await reconcile.unmappedValue('User email');
  await reconcile.openValueMappings();
  await expect(reconcile.sheet).toBeHidden();
  await expect(shell.title).toHaveText('Setup');

  await expect(setup.mappings).toBeInViewport();
  // The Users group starts open when the profile already maps some users (the Sandbox maps its aliased managers).
  await setup.addUserMapping(email, 'chen.muller@northwind.example');
  const settings = await api(page, host, 'settings:get', { profileId: 'sandbox' });
  expect(settings.mappings.users[email]).toBe('chen.muller@northwind.example');
});

test('when planning fails the sheet says why with one Try again and no Apply footer; trying again after the fault shows the plan and Apply', async ({
  page,
  host,
}) => {
  const { planSheet: reconcile } = appModels(page);
  const sandbox = sandboxOf(host);
  await charthopFault(page.request, sandbox, { method: 'GET', path: '/v2/org/:org/job', action: { kind: 'status', status: 500 } });
  await reconcile.pressReconcile();
  await expect(reconcile.error).toBeVisible({ timeout: 30_000 });
  await expect(reconcile.tryAgainButton).toHaveCount(1);
  await expect(reconcile.planAgainButton).toHaveCount(0);
  await expect(reconcile.applySelectedButton).toHaveCount(0);
  await expect(reconcile.footer).toHaveCount(0);
  await expect(reconcile.closeButton).toBeEnabled();

  await clearFaults(page.request, sandbox);
  await reconcile.tryAgain();
  await reconcile.waitForPlan();
  await expect(reconcile.error).toHaveCount(0);
  await expect(reconcile.tryAgainButton).toHaveCount(0);
  await expect(reconcile.planAgainButton).toBeEnabled();
  await expect(reconcile.applySelectedButton).toBeVisible();
});

test('Reconcile’s action filter shows only that action’s rows; a run’s detail filters its records by outcome and by reason', async ({
  page,
  host,
}) => {
  const { planSheet: reconcile, runs, runDetail } = appModels(page);
  // Reconcile: filtering on one action leaves exactly that action's rows; "All actions" brings every row back.
  await reconcile.open();
  const actions = await reconcile.actionsOfRows();
  const byAction = new Map<string, number>();
  for (const action of actions) byAction.set(action, (byAction.get(action) ?? 0) + 1);
  expect(byAction.size, 'the Sandbox plan has more than one action').toBeGreaterThan(1);
  // The least frequent action, so the filter visibly narrows the plan.
  const [action, count] = [...byAction].sort((a, b) => a[1] - b[1])[0]!;
  await expect(reconcile.actionOption(action)).toContainText(`(${count})`);
  await reconcile.filterByAction(action);
  await expect(reconcile.rows).toHaveCount(count);
  expect(new Set(await reconcile.actionsOfRows())).toEqual(new Set([action]));
  await expect(reconcile.selectAllShownButton).toBeVisible();
  await reconcile.filterByAction('all');
  await expect(reconcile.rows).toHaveCount(actions.length);
  await reconcile.closeWithEscape();

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

  await runs.open();
  await runs.openRun(run.id);
  const shown = runDetail.items;
  await expect(shown).toHaveCount(items.length);

  // By outcome: only that outcome's records.
  await runDetail.filterByOutcome(outcome);
  const ofOutcome = items.filter((item) => item.outcome === outcome);
  await expect(shown).toHaveCount(ofOutcome.length);
  expect(new Set(await attributeOfEach(shown, 'data-outcome'))).toEqual(new Set([outcome]));
  expect(await sortedTitles(shown)).toEqual(titlesOf(ofOutcome));

  // And by reason: the records with that outcome and that reason.
  await runDetail.filterByReason(reason);
  const matching = ofOutcome.filter((item) => item.reason === reason);
  await expect(shown).toHaveCount(matching.length);
  expect(await sortedTitles(shown)).toEqual(titlesOf(matching));

  // The reason alone, across every outcome.
  await runDetail.filterByOutcome('all');
  const withReason = items.filter((item) => item.reason === reason);
  await expect(shown).toHaveCount(withReason.length);
  expect(await sortedTitles(shown)).toEqual(titlesOf(withReason));

  // Nothing matches: the list says so.
  await runDetail.search('no such requisition title');
  await expect(shown).toHaveCount(0);
  await expect(runDetail.detail).toContainText('No record matches these filters.');
});
