/** The shell is keyboard reachable with a visible focus ring: switcher, sections, switches. */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

test('the profile switcher, the sections and the option switches work from the keyboard', async ({ page, host }) => {
  const { shell, options } = appModels(page);
  await api(page, host, 'profiles:create', { name: 'Wayne Enterprises' });
  await page.reload();

  const switcher = shell.profileSwitcher;
  await shell.focusProfileSwitcher();
  await page.keyboard.press('Enter');
  const menu = shell.profileMenu;
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(switcher).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(shell.profileMenuItem('Wayne Enterprises')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(shell.currentProfile).toHaveText('Wayne Enterprises');

  await shell.focusSection('Options');
  await expect(shell.sectionLink('Options')).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('Enter');
  await expect(shell.title).toHaveText('Options');

  await options.focusSwitch('Run Daily');
  await page.keyboard.press('Space');
  await expect(options.switch('Run Daily')).toBeChecked();
  await expect(options.saveState).toHaveText('You have unsaved changes.');
});

test('the profile switcher is a disclosure whose list works with the arrow keys, Home, End and Escape', async ({ page, host }) => {
  const { shell } = appModels(page);
  await api(page, host, 'profiles:create', { name: 'Acme Arrows' });
  await api(page, host, 'profiles:create', { name: 'Zeta Arrows' });
  await page.reload();

  const switcher = shell.profileSwitcher;
  await expect(switcher).not.toHaveAttribute('aria-haspopup');
  await expect(switcher).toHaveAttribute('aria-expanded', 'false');
  await shell.focusProfileSwitcher();
  await page.keyboard.press('ArrowDown');
  const menu = shell.profileMenu;
  await expect(switcher).toHaveAttribute('aria-expanded', 'true');
  await expect(switcher).toHaveAttribute('aria-controls', (await menu.getAttribute('id')) ?? 'missing');
  const items = shell.profileMenuItems;
  const names = (await items.allInnerTexts()).map((text) => text.split('\n')[0]?.trim());
  expect(names.length).toBeGreaterThanOrEqual(3);
  await expect(items.first()).toBeFocused();

  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(switcher).toBeFocused();

  // ArrowUp on the closed switcher opens it on the last profile; Enter picks it.
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(shell.currentProfile).toHaveText(names[names.length - 1] ?? '');
});
