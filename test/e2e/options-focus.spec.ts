/** Acceptance: Options names every blocker and every contradiction where the switch is; the keyboard never loses its place. */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

test('choosing Lever as the source of truth: Reverse Sync names both blockers, and each contradiction shows under its own switch, in view', async ({
  page,
}) => {
  const { options } = appModels(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await options.open();
  // The Sandbox is outbound with Sync On Change and Reconciliation on.
  await options.chooseSourceOfTruth('Lever (remote system)');
  // The first contradiction is on the first screen, right after the choice; not in a box below the fold.
  await expect(options.contradiction('syncOnChange')).toBeInViewport();

  await expect(options.switch('Reverse Sync')).toBeDisabled();
  await expect(options.rowReason('reverseSync')).toHaveText('Not available while Sync On Change and Reconciliation are on.');

  for (const [key, label, text] of [
    ['syncOnChange', 'Sync On Change', 'Sync On Change pushes ChartHop’s changes to Lever, but Lever is the source of truth'],
    ['reconciliation', 'Reconciliation', 'Reconciliation treats ChartHop as the source of truth, but Lever is'],
  ] as const) {
    const note = options.rowContradiction(key);
    await expect(note).toContainText(text);
    // Where the eye is when the switch is: the note comes into view with its switch.
    await options.scrollTo(label);
    await expect(note).toBeInViewport();
    await expect(options.switch(label)).toHaveAccessibleDescription(new RegExp(text));
  }
  await expect(options.saveState).toContainText('Sync On Change and Reconciliation contradict the source of truth');
  await page.screenshot({ path: 'test-results/screenshots/options-contradictions.png', fullPage: true });

  // Turning one blocker off leaves the other named alone.
  await options.turnOff('Sync On Change');
  await expect(options.reason('reverseSync')).toHaveText('Not available while Reconciliation is on.');
});

test('tabbing down the Options page never leaves the focused control under the sticky save bar', async ({ page }) => {
  const { options } = appModels(page);
  await page.setViewportSize({ width: 1100, height: 560 });
  await options.open();
  await options.toggle('Run Daily');
  await expect(options.saveState).toHaveText('You have unsaved changes.');
  const bar = options.saveBar;

  // Start above the content and walk through every control of the page to the save bar's own buttons.
  await options.focusSourceOfTruth('ChartHop');
  let checked = 0;
  for (let step = 0; step < 40; step += 1) {
    await page.keyboard.press('Tab');
    const where = await bar.evaluate((bar) => {
      const el = bar.ownerDocument.activeElement;
      if (!el || el === bar.ownerDocument.body) return null;
      const box = el.getBoundingClientRect();
      const barTop = bar.getBoundingClientRect().top;
      return { inBar: bar.contains(el), inMain: el.closest('main') !== null, bottom: box.bottom, barTop, name: el.id || el.tagName };
    });
    if (!where || where.inBar) break;
    if (!where.inMain) continue;
    expect(where.bottom, `${where.name} ends above the save bar`).toBeLessThanOrEqual(where.barTop);
    checked += 1;
  }
  // The walk went past the fold: the metric fields are far below a 560 px window's first screen.
  expect(checked).toBeGreaterThan(8);

  // The hard case: the next control already sits on screen, but under the bar. Tab must bring it out.
  await bar.evaluate((bar) => {
    const page = bar.ownerDocument;
    const main = page.querySelector('main');
    const time = page.getElementById('daily-run-time');
    const previous = page.getElementById('option-remoteLocationAsDefault');
    if (!main || !time || !previous) throw new Error('the Options page is not as expected');
    main.scrollTop += time.getBoundingClientRect().top - (bar.getBoundingClientRect().top + 8);
    previous.focus({ preventScroll: true });
  });
  await page.keyboard.press('Tab');
  const time = options.dailyRunTime;
  await expect(time).toBeFocused();
  const [box, barBox] = await Promise.all([time.boundingBox(), bar.boundingBox()]);
  expect((box?.y ?? 0) + (box?.height ?? 0), 'the daily run time ends above the save bar').toBeLessThanOrEqual(barBox?.y ?? 0);
});

test('after moving to another page the focus is on that page’s heading, by mouse or by keyboard', async ({ page, host }) => {
  const { shell, setup } = appModels(page);
  await shell.pressSection('Runs');
  const heading = shell.title;
  await expect(heading).toHaveText('Runs');
  await expect(heading).toBeFocused();

  await shell.openWithKeyboard('Options');
  await expect(heading).toHaveText('Options');
  await expect(heading).toBeFocused();
  // The next Tab goes on into the page, not back to the rail.
  await page.keyboard.press('Tab');
  await expect(shell.focused).not.toHaveAttribute('href', /#\//);

  // Back in history also lands on the heading.
  await page.goBack();
  await expect(heading).toHaveText('Runs');
  await expect(heading).toBeFocused();

  // Leaving an unsaved Setup form through the “Discard unsaved changes?” question lands there too.
  await api(page, host, 'profiles:create', { name: 'Soylent' });
  await shell.switchProfile('Soylent');
  await shell.pressSection('Setup');
  await expect(heading).toHaveText('Setup');
  await setup.chooseLeverEnvironment('EU');
  await shell.pressSection('Hires');
  await shell.discardChanges('Discard and open Hires');
  await expect(heading).toHaveText('Hires');
  await expect(heading).toBeFocused();
});
