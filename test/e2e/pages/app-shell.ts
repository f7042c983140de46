/** The frame around every page: the left rail with its sections and profile switcher, and the top bar's run buttons. */
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** A section of the left rail, named as its link and its page title read. */
export type SectionName = 'Home' | 'Setup' | 'Options' | 'Runs' | 'Hires' | 'Profiles';

/** The rail and the top bar, shared by every page. */
export class AppShell {
  /** The page's title (its one level-1 heading), e.g. "Options". */
  readonly title: Locator;
  /** The name of the current profile in the rail. */
  readonly currentProfile: Locator;
  /** The rail's profile switcher button, which also carries the profile's environment badge. */
  readonly profileSwitcher: Locator;
  /** The switcher's list of profiles, and its buttons. */
  readonly profileMenu: Locator;
  readonly profileMenuItems: Locator;
  /** The environment badge on the switcher ("Not configured", "Production", …). */
  readonly profileBadge: Locator;
  /** The badge beside the current profile's name (its title names the environment it will show). */
  readonly currentProfileBadge: Locator;
  /** Every input of the window, to check what none of them holds. */
  readonly inputs: Locator;
  /** The window's icon link. */
  readonly iconLink: Locator;
  /** The element that has the focus. */
  readonly focused: Locator;
  /** The whole document (its html element), to measure the page itself. */
  readonly document: Locator;
  /** The page's scrolling content. */
  readonly main: Locator;
  /** The left rail's sections. */
  readonly rail: Locator;
  /** The top bar. */
  readonly topBar: Locator;
  /** The top bar's Reconcile… button. */
  readonly reconcileButton: Locator;
  /** The top bar's Preview button. */
  readonly previewButton: Locator;
  /** The top bar's Sync now button. */
  readonly syncNowButton: Locator;
  /** The top bar's visible sentence on why Reconcile… is off when Lever is the source of truth. */
  readonly reconcileOffNote: Locator;
  /** The top bar's progress bar of the run going on. */
  readonly progressBar: Locator;
  /** The top bar's words on the run going on (phase, "N of M records", the ETA). */
  readonly progress: Locator;
  /** The top bar's "N of M records" of the run going on. */
  readonly recordsProgress: Locator;
  /** A page still loading its data. */
  readonly loading: Locator;
  /** The top bar's Cancel of the run going on. */
  readonly cancelRunButton: Locator;
  /** The same button once pressed. */
  readonly cancellingButton: Locator;
  /** The top bar's next scheduled run (or that schedules are paused, with Resume). */
  readonly nextRun: Locator;
  /** The sentence a Sync now that ran without the plan sheet leaves. */
  readonly syncResult: Locator;
  /** The question a large change asks before Sync now writes anything. */
  readonly largeChangeDialog: Locator;
  /** Why the run buttons are off while a run is going on. */
  readonly runBusyReason: Locator;
  /** The dialog that asks before unsaved changes are thrown away, and what it says they are. */
  readonly discardChangesDialog: Locator;
  readonly unsavedWhat: Locator;
  /** The notice under the top bar after the engine's process was restarted or stays down. */
  readonly engineNotice: Locator;

  /** The window this model drives. */
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.title = page.getByRole('heading', { level: 1 });
    this.currentProfile = page.getByTestId('current-profile');
    this.profileSwitcher = page.getByRole('button', { name: /^Profile: .*Switch profile$/ });
    this.profileBadge = this.profileSwitcher.locator('.badge');
    this.profileMenu = page.getByRole('list', { name: 'Profiles' });
    this.profileMenuItems = this.profileMenu.getByRole('button');
    this.currentProfileBadge = this.currentProfile.locator('..').locator('.badge');
    this.inputs = page.locator('input');
    this.iconLink = page.locator('link[rel="icon"]');
    this.focused = page.locator(':focus');
    this.document = page.locator('html');
    this.main = page.locator('main#main');
    this.rail = page.getByRole('navigation', { name: 'Sections' });
    this.topBar = page.locator('.topbar');
    this.reconcileButton = this.topBar.getByRole('button', { name: 'Reconcile…' });
    this.previewButton = this.topBar.getByRole('button', { name: 'Preview' });
    this.syncNowButton = this.topBar.getByRole('button', { name: 'Sync now' });
    this.reconcileOffNote = this.topBar.getByText('Reconcile is off: Lever is the source of truth.');
    this.progressBar = this.topBar.getByRole('progressbar');
    this.progress = this.topBar.getByTestId('progress');
    this.recordsProgress = this.topBar.getByText(/\d+ of \d+ records/);
    this.loading = page.locator('main .loading');
    this.cancelRunButton = this.topBar.getByRole('button', { name: 'Cancel' });
    this.cancellingButton = this.topBar.getByRole('button', { name: 'Cancelling…' });
    this.nextRun = page.getByTestId('topbar-next-run');
    this.syncResult = page.getByTestId('sync-result');
    this.largeChangeDialog = page.getByRole('dialog', { name: 'Apply a large change?' });
    this.runBusyReason = page.getByTestId('run-busy-reason');
    this.discardChangesDialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
    this.unsavedWhat = this.discardChangesDialog.getByTestId('unsaved-what');
    this.engineNotice = page.getByTestId('engine-notice');
  }

  /** Open a section from the left rail and wait for its title. */
  async open(name: SectionName): Promise<void> {
    // Right after a (re)load the app may still set its first route from the address: a click it overrode is made again.
    await expect(async () => {
      await this.sectionLink(name).click();
      await expect(this.title).toHaveText(name, { timeout: 1_500 });
    }).toPass({ timeout: 10_000 });
  }

  /** Press a section's link in the rail, without waiting for its page (unsaved changes may ask first). */
  async pressSection(name: SectionName): Promise<void> {
    await this.rail.getByRole('link', { name: new RegExp(`^${name}`) }).click();
  }

  /** A profile's button in the switcher's list. */
  profileMenuItem(name: string): Locator {
    return this.profileMenu.getByRole('button', { name });
  }

  /** Put the focus on the profile switcher, to drive it from the keyboard. */
  async focusProfileSwitcher(): Promise<void> {
    await this.profileSwitcher.focus();
  }

  /** Put the focus on a section's link in the rail. */
  async focusSection(name: SectionName): Promise<void> {
    await this.sectionLink(name).focus();
  }

  /** The status dot of a section in the rail (its accessible name is its meaning: "all set", "needs attention", …). */
  railDot(name: SectionName): Locator {
    return this.rail.getByRole('link', { name: new RegExp(`^${name}\\b`) }).getByRole('img');
  }

  /** A section's link in the rail. */
  sectionLink(name: SectionName): Locator {
    return this.rail.getByRole('link', { name });
  }

  /** Open a section from the keyboard: focus its link in the rail and press Enter. */
  async openWithKeyboard(name: SectionName): Promise<void> {
    await this.focusSection(name);
    await this.page.keyboard.press('Enter');
  }

  /** Pick a profile in the rail's switcher, without waiting for the switch (it may ask first). */
  async pickProfile(name: string): Promise<void> {
    await this.profileSwitcher.click();
    await this.profileMenuItem(name).click();
  }

  /** Open the rail's profile switcher. */
  async openProfileMenu(): Promise<void> {
    await this.profileSwitcher.click();
  }

  /** Switch profile through the rail's switcher and wait until it is the current one. */
  async switchProfile(name: string): Promise<void> {
    await this.pickProfile(name);
    await expect(this.currentProfile).toHaveText(name);
  }

  /** Answer the discard dialog with Cancel: the unsaved changes stay, and so does the profile. */
  async keepChanges(): Promise<void> {
    await this.discardChangesDialog.getByRole('button', { name: 'Cancel' }).click();
  }

  /** Press the top bar's Sync now (a profile's first sync opens the plan sheet instead of writing). */
  async syncNow(): Promise<void> {
    await this.syncNowButton.click();
  }

  /** Cancel the run going on from the top bar. */
  async cancelRun(): Promise<void> {
    await this.cancelRunButton.click();
  }

  /** Open the run Sync now's result names ("Open run N"). */
  async openSyncResultRun(): Promise<void> {
    await this.syncResult.getByRole('button', { name: /^Open run \d+$/ }).click();
  }

  /** The large change question's default answer, which writes nothing. */
  largeChangeCancelButton(): Locator {
    return this.largeChangeDialog.getByRole('button', { name: 'Cancel' });
  }

  /** Answer the large change question with "Review in Reconcile…" (the plan sheet opens). */
  async reviewLargeChangeInReconcile(): Promise<void> {
    await this.largeChangeDialog.getByRole('button', { name: 'Review in Reconcile…' }).click();
  }

  /** Resume the schedules from the top bar's link. */
  async resumeSchedules(): Promise<void> {
    await this.nextRun.getByRole('button', { name: 'Resume schedules' }).click();
  }

  /** Press the top bar's Preview (the plan sheet opens). */
  async preview(): Promise<void> {
    await this.previewButton.click();
  }

  /** Answer the discard dialog with its discarding button ("Discard and switch to Initech", "Discard and open Runs"). */
  async discardChanges(button: string): Promise<void> {
    await this.discardChangesDialog.getByRole('button', { name: button }).click();
  }

  /** Dismiss the engine's notice. */
  async dismissEngineNotice(): Promise<void> {
    await this.engineNotice.getByRole('button', { name: 'Dismiss' }).click();
  }

  /** Reload the page and wait until the same section's title is back. */
  async reload(section: SectionName): Promise<void> {
    await this.page.reload();
    await expect(this.title).toHaveText(section);
  }
}
