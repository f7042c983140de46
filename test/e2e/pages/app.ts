/** Every page model of the app for one window, so a spec reads as the consultant's steps through the app. */
import type { Page } from '@playwright/test';
import { AppShell } from './app-shell.ts';
import { HiresPage } from './hires-page.ts';
import { HomePage } from './home-page.ts';
import { OptionsPage } from './options-page.ts';
import { PlanSheet } from './plan-sheet.ts';
import { ProfilesPage } from './profiles-page.ts';
import { RunDetail } from './run-detail.ts';
import { RunsPage } from './runs-page.ts';
import { SetupPage } from './setup-page.ts';
import { StartupFailurePage } from './startup-failure-page.ts';

/** The models of one window's pages and sheets. */
export interface AppModels {
  /** The rail and the top bar. */
  shell: AppShell;
  home: HomePage;
  setup: SetupPage;
  options: OptionsPage;
  runs: RunsPage;
  runDetail: RunDetail;
  /** The plan sheet, opened by Reconcile…, Preview, the first Sync now and Undo this run…. */
  planSheet: PlanSheet;
  hires: HiresPage;
  profiles: ProfilesPage;
  /** What the host shows instead of the app when it could not start. */
  startupFailure: StartupFailurePage;
}

/** The page models of the app in `page`. */
export function appModels(page: Page): AppModels {
  return {
    shell: new AppShell(page),
    home: new HomePage(page),
    setup: new SetupPage(page),
    options: new OptionsPage(page),
    runs: new RunsPage(page),
    runDetail: new RunDetail(page),
    planSheet: new PlanSheet(page),
    hires: new HiresPage(page),
    profiles: new ProfilesPage(page),
    startupFailure: new StartupFailurePage(page),
  };
}
