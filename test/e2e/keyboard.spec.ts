/** The shell is keyboard reachable with a visible focus ring: switcher, sections, switches. */
import { api, expect, test } from './host-fixture.ts';

test('the profile switcher, the sections and the option switches work from the keyboard', async ({ page, host }) => {
  await api(page, host, 'profiles:create', { name: 'Wayne Enterprises' });
  await page.reload();

  const switcher = page.getByRole('button', { name: /^Profile: .*Switch profile$/ });
  await switcher.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('list', { name: 'Profiles' });
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(switcher).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(menu.getByRole('button', { name: 'Wayne Enterprises' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-profile')).toHaveText('Wayne Enterprises');

  const options = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Options' });
  await options.focus();
  await expect(options).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Options');

  const runDaily = page.getByRole('switch', { name: 'Run Daily', exact: true });
  await runDaily.focus();
  await page.keyboard.press('Space');
  await expect(runDaily).toBeChecked();
  await expect(page.getByTestId('save-state')).toHaveText('You have unsaved changes.');
});

test('the profile switcher is a disclosure whose list works with the arrow keys, Home, End and Escape', async ({ page, host }) => {
  await api(page, host, 'profiles:create', { name: 'Acme Arrows' });
  await api(page, host, 'profiles:create', { name: 'Zeta Arrows' });
  await page.reload();

  const switcher = page.getByRole('button', { name: /^Profile: .*Switch profile$/ });
  await expect(switcher).not.toHaveAttribute('aria-haspopup');
  await expect(switcher).toHaveAttribute('aria-expanded', 'false');
  await switcher.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('list', { name: 'Profiles' });
  await expect(switcher).toHaveAttribute('aria-expanded', 'true');
  await expect(switcher).toHaveAttribute('aria-controls', (await menu.getAttribute('id')) ?? 'missing');
  const items = menu.getByRole('button');
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
  await expect(page.getByTestId('current-profile')).toHaveText(names[names.length - 1] ?? '');
});
