import type { ReactNode } from 'react';
import type { Route } from '../lib/routes.ts';
import { useAppBootstrap } from '../lib/use-app-bootstrap.ts';
import { HiresPage } from '../pages/hires/HiresPage.tsx';
import { HomePage } from '../pages/home/HomePage.tsx';
import { OptionsPage } from '../pages/options/OptionsPage.tsx';
import { ProfilesPage } from '../pages/profiles/ProfilesPage.tsx';
import { ReconcileSheet } from '../pages/reconcile/ReconcileSheet.tsx';
import { RunsPage } from '../pages/runs/RunsPage.tsx';
import { SetupPage } from '../pages/setup/SetupPage.tsx';
import { useProfilesStore } from '../stores/useProfilesStore.ts';
import { useRouteStore } from '../stores/useRouteStore.ts';
import { EngineStatusNotice } from './EngineStatusNotice.tsx';
import { ErrorNote } from './ErrorNote.tsx';
import { MapDialog } from './MapDialog.tsx';
import { Rail } from './Rail.tsx';
import { TopBar } from './TopBar.tsx';
import { UnsavedChangesDialog } from './UnsavedChangesDialog.tsx';

const PAGES: Record<Route, () => ReactNode> = {
  home: () => <HomePage />,
  setup: () => <SetupPage />,
  options: () => <OptionsPage />,
  runs: () => <RunsPage />,
  hires: () => <HiresPage />,
  profiles: () => <ProfilesPage />,
};

/** The app shell: rail, top bar, and the current page. */
export function App() {
  useAppBootstrap();
  const route = useRouteStore((s) => s.route);
  const loadError = useProfilesStore((s) => s.loadError);
  const load = useProfilesStore((s) => s.load);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Rail />
      <div className="main-column">
        <TopBar />
        <EngineStatusNotice />
        <main id="main" className="content" tabIndex={-1} data-page={route}>
          {loadError ? (
            <div className="page">
              <ErrorNote error={loadError} />
              <button type="button" className="button" onClick={() => void load()}>
                Try again
              </button>
            </div>
          ) : (
            PAGES[route]()
          )}
        </main>
      </div>
      <ReconcileSheet />
      <UnsavedChangesDialog />
      <MapDialog />
    </div>
  );
}
