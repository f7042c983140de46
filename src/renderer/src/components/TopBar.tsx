import { ROUTE_LABELS } from '../lib/routes.ts';
import { useRouteStore } from '../stores/useRouteStore.ts';
import { useSettingsStore } from '../stores/useSettingsStore.ts';

const ENGINE_NOTE = 'Arrives with the sync engine';

/** The top bar: page title, run status and next run, and the Sync now / Reconcile… actions. */
export function TopBar() {
  const route = useRouteStore((s) => s.route);
  const saved = useSettingsStore((s) => s.saved);
  const nextRun = saved?.options.runDaily
    ? `Run Daily at ${saved.dailyRunTime} — the scheduler arrives with the sync engine`
    : 'No daily run (Run Daily is off)';

  return (
    <header className="topbar">
      <h1 className="topbar-title">{ROUTE_LABELS[route]}</h1>
      <div className="topbar-status" aria-live="polite">
        <span className="topbar-run">No run in progress</span>
        <span>Next run: {nextRun}</span>
      </div>
      <div className="topbar-actions">
        <span title={ENGINE_NOTE}>
          <button type="button" className="button button-primary" disabled title={ENGINE_NOTE} aria-describedby="engine-note">
            Sync now
          </button>
        </span>
        <span title={ENGINE_NOTE}>
          <button type="button" className="button" disabled title={ENGINE_NOTE} aria-describedby="engine-note">
            Reconcile…
          </button>
        </span>
        <span id="engine-note" className="visually-hidden">{ENGINE_NOTE}</span>
      </div>
    </header>
  );
}
