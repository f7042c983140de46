/** Acceptance: sentences built from data read right (lists, articles, one of a thing), long names never crowd the buttons, and catch-up counts as it decides. */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';
import { clearFaults, leverFault, sandboxOf } from './sandbox-control.ts';

test('a new client’s Setup lists what is missing with commas and one “and”, and offers “an employment type mapping”', async ({
  page,
  host,
}) => {
  const { shell, setup } = appModels(page);
  await api(page, host, 'profiles:create', { name: 'Initrode' });
  await shell.switchProfile('Initrode');
  await setup.open();
  await expect(setup.stillMissing).toHaveText('Still missing: the Lever API key, the ChartHop API token and the ChartHop org.');

  await setup.toggleMappingKind('Employment types');
  await expect(setup.addMappingButton('Employment types', 'Add an employment type mapping')).toBeVisible();
  await setup.toggleMappingKind('Users');
  await expect(setup.addMappingButton('Users', 'Add a user mapping')).toBeVisible();
});

test('at 900 px, long profile names wrap inside their row and never run under its buttons', async ({ page, host }) => {
  const oneWord = `Aktiengesellschaft${'x'.repeat(42)}`;
  const manyWords = 'The Very Long Client Name Holdings International Group';
  const { shell, profiles } = appModels(page);
  for (const name of [oneWord, manyWords]) await api(page, host, 'profiles:create', { name });
  await page.setViewportSize({ width: 900, height: 800 });
  await page.reload();
  await profiles.open();

  for (const name of [oneWord, manyWords]) {
    const row = profiles.entryNamed(name);
    await expect(profiles.nameOf(row)).toHaveText(name);
    const boxes = [profiles.nameOf(row), profiles.actionsOf(row), row].map((part) => part.boundingBox());
    const [nameBox, actionsBox, rowBox] = await Promise.all(boxes);
    if (!nameBox || !actionsBox || !rowBox) throw new Error(`the row of ${name} is not laid out`);
    expect(nameBox.x + nameBox.width, `${name} ends before its buttons`).toBeLessThanOrEqual(actionsBox.x);
    expect(actionsBox.x + actionsBox.width, 'the buttons stay inside the row').toBeLessThanOrEqual(rowBox.x + rowBox.width);
  }
  await page.screenshot({ path: 'test-results/screenshots/narrow-profiles-long-names.png' });
  const { scroll, client } = await shell.main.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(scroll, 'the page does not scroll sideways').toBeLessThanOrEqual(client);
});

test('Catch up now counts each hire as it is decided: the bar’s count and the decided rows agree', async ({ page, host }) => {
  const { hires } = appModels(page);
  const sandbox = sandboxOf(host);
  // Each hire re-reads its opportunity in Lever: slowing that read leaves time to look between two hires.
  await leverFault(page.request, sandbox, { method: 'GET', path: '/v1/opportunities/:id', action: { kind: 'delay', ms: 700 } });
  await hires.open();
  await hires.catchUp();

  const bar = hires.catchUpProgress;
  const decided = hires.decidedRows;
  await expect(bar).toContainText(/1 of \d+ hires/, { timeout: 15_000 });
  await expect(decided).toHaveCount(1);
  await expect(bar).toContainText(/2 of \d+ hires/, { timeout: 15_000 });
  await expect(decided).toHaveCount(2);
  await clearFaults(page.request, sandbox);
  await expect(hires.catchUpResult).toContainText(/found, \d+ processed/, { timeout: 30_000 });
});
