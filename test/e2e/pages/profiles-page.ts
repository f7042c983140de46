/** The Profiles page: create, rename, duplicate, export, import, use and delete client profiles. */
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { AppShell } from './app-shell.ts';
import type { DownloadedFile } from './downloads.ts';
import { downloadFrom } from './downloads.ts';
import { ThisComputer } from './this-computer.ts';

/** The Profiles page. */
export class ProfilesPage {
  /** The page's list of profiles (the rail's switcher has a list of the same name). */
  readonly list: Locator;
  /** Every profile listed. */
  readonly items: Locator;
  /** The sentence the last action left ("Renamed …", "Deleted …"). */
  readonly notice: Locator;
  /** Why a new profile's name or an imported file was refused. */
  readonly error: Locator;
  readonly newProfileName: Locator;
  /** What is wrong with the new profile's name, said as it is typed. */
  readonly newProfileNameProblem: Locator;
  readonly createButton: Locator;

  private readonly shell: AppShell;

  /** The window this model drives. */
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.list = page.getByRole('list', { name: 'Profiles' }).last();
    this.items = this.list.getByRole('listitem');
    this.notice = page.getByTestId('profiles-notice');
    this.error = page.getByRole('alert');
    this.newProfileName = page.getByLabel('New profile');
    this.newProfileNameProblem = page.getByTestId('new-profile-name-problem');
    this.createButton = page.getByRole('button', { name: 'Create profile' });
    this.thisComputer = new ThisComputer(page);
    this.importHostsDialog = page.getByRole('dialog', { name: 'Import a profile that points at other hosts?' });
    this.importHosts = this.importHostsDialog.getByTestId('import-hosts');
  }

  /** Open Profiles from the rail. */
  async open(): Promise<void> {
    await this.shell.open('Profiles');
  }

  /** A profile's entry, by its id. */
  profile(id: string): Locator {
    return this.page.getByTestId(`profile-${id}`);
  }

  /** A profile's entry, by the name it shows. */
  profileNamed(name: string): Locator {
    return this.items.filter({ hasText: name });
  }

  /** A profile's entry, by its accessible name (the profile's name). */
  entryNamed(name: string): Locator {
    return this.page.getByRole('listitem', { name });
  }

  /** The buttons of a profile's entry. */
  actionsOf(profile: Locator): Locator {
    return profile.locator('.profile-actions');
  }

  /** A button of a profile's entry ("Delete", "Duplicate", "Use this profile", …). */
  button(profile: Locator, name: string): Locator {
    return profile.getByRole('button', { name });
  }

  /** This computer's preferences, schedule and updates. */
  readonly thisComputer: ThisComputer;
  /** The dialog that asks before importing a profile that points at other hosts, and the hosts it lists. */
  readonly importHostsDialog: Locator;
  readonly importHosts: Locator;

  /** The dialog that asks before a profile is deleted. */
  deleteDialog(name: string): Locator {
    return this.page.getByRole('dialog', { name: `Delete “${name}”?` });
  }

  /** Type a new profile's name and press Create profile (a client's profile then opens in Setup). */
  async create(name: string): Promise<void> {
    await this.typeName(name);
    await this.createButton.click();
  }

  /** Type a new profile's name, replacing what the field holds. */
  async typeName(name: string): Promise<void> {
    await this.newProfileName.fill(name);
  }

  /** Type more of the new profile's name, key by key, as the consultant does. */
  async typeMoreOfName(text: string): Promise<void> {
    await this.newProfileName.pressSequentially(text);
  }

  /** Press a key in the new profile's name (e.g. "Backspace"). */
  async pressInName(key: string): Promise<void> {
    await this.newProfileName.press(key);
  }

  /** Rename a profile from its entry. */
  async rename(profile: Locator, from: string, to: string): Promise<void> {
    await profile.getByRole('button', { name: 'Rename' }).click();
    await profile.getByLabel(`New name for ${from}`).fill(to);
    await profile.getByRole('button', { name: 'Save name' }).click();
  }

  /** The name a profile's entry shows. */
  nameOf(profile: Locator): Locator {
    return profile.locator('.profile-name');
  }

  /** Export a profile's settings and read the file. */
  export(profile: Locator): Promise<DownloadedFile> {
    return downloadFrom(this.page, profile.getByRole('button', { name: 'Export' }));
  }

  /** Import a profile from an exported file. */
  async import(path: string): Promise<void> {
    await this.page.locator('#import-profile').setInputFiles(path);
  }

  /** Press a profile's "Use this profile", without waiting (unsaved changes may ask first). */
  async pressUse(profile: Locator): Promise<void> {
    await profile.getByRole('button', { name: 'Use this profile' }).click();
  }

  /** Answer the other-hosts question with Cancel: nothing is imported. */
  async cancelImport(): Promise<void> {
    await this.importHostsDialog.getByRole('button', { name: 'Cancel' }).click();
  }

  /** Answer the other-hosts question with "Import with these hosts". */
  async importWithTheseHosts(): Promise<void> {
    await this.importHostsDialog.getByRole('button', { name: 'Import with these hosts' }).click();
  }

  /** Make a profile the current one from its entry, and wait until the rail says so. */
  async use(profile: Locator, name: string): Promise<void> {
    await this.pressUse(profile);
    await expect(this.shell.currentProfile).toHaveText(name);
  }

  /** Duplicate a profile. */
  async duplicate(profile: Locator): Promise<void> {
    await profile.getByRole('button', { name: 'Duplicate' }).click();
  }

  /** Press a profile's Delete: the dialog asks first. */
  async askToDelete(profile: Locator): Promise<void> {
    await profile.getByRole('button', { name: 'Delete' }).click();
  }

  /** Confirm the deletion of `name` in its dialog and wait for the dialog to close. */
  async confirmDelete(name: string): Promise<void> {
    const dialog = this.deleteDialog(name);
    await dialog.getByRole('button', { name: 'Delete profile' }).click();
    await expect(dialog).toBeHidden();
  }
}
