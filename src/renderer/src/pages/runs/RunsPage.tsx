import type { RunSummary } from '../../../../shared/api/sync-views.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { RunStartButton } from '../../components/RunStartButton.tsx';
import { RunsChart } from '../../components/RunsChart.tsx';
import { pullMetricsNow, syncSelectedNow } from '../../lib/app-actions.ts';
import { connectionGaps } from '../../lib/setup-gaps.ts';
import { listAnd, plural } from '../../lib/wording.ts';
import { useMetricsStore } from '../../stores/useMetricsStore.ts';
import { selectedProfile, useProfilesStore } from '../../stores/useProfilesStore.ts';
import { useRouteStore } from '../../stores/useRouteStore.ts';
import { isFiltering, useRunsStore } from '../../stores/useRunsStore.ts';
import { useSecretsStore } from '../../stores/useSecretsStore.ts';
import { useSettingsStore } from '../../stores/useSettingsStore.ts';
import { RunDetailView } from './RunDetailView.tsx';
import { RunsFilterBar } from './RunsFilterBar.tsx';
import { RunsTable } from './RunsTable.tsx';

/** Runs: the history of the selected profile's runs with a chart of the last 14, or one run in detail. */
export function RunsPage() {
  const profile = useProfilesStore((s) => selectedProfile(s.view));
  const runs = useRunsStore((s) => s.runs);
  const loadError = useRunsStore((s) => s.loadError);
  const openRunId = useRunsStore((s) => s.openRunId);
  const profileId = useRunsStore((s) => s.profileId);
  const pulling = useMetricsStore((s) => (profileId ? s.pulling[profileId] === true : false));
  const metricsError = useMetricsStore((s) => (profileId ? (s.errors[profileId] ?? null) : null));
  const settings = useSettingsStore((s) => s.saved);
  const statuses = useSecretsStore((s) => (s.profileId === profileId ? s.statuses : null));
  const navigate = useRouteStore((s) => s.navigate);
  const gaps = settings && settings.id === profileId && settings.kind !== 'sandbox' ? connectionGaps(settings, statuses) : [];

  if (openRunId !== null && profileId) return <RunDetailView profileId={profileId} runId={openRunId} />;
  if (loadError && !runs) {
    return (
      <div className="page">
        <ErrorNote error={loadError} />
        <button type="button" className="button" onClick={() => void useRunsStore.getState().refresh()}>
          Try again
        </button>
      </div>
    );
  }
  if (!runs)
    return (
      <div className="page">
        <p className="loading">Loading the runs…</p>
      </div>
    );
  if (runs.length === 0 && gaps.length > 0) {
    return (
      <div className="page">
        <EmptyState title="No runs yet">
          <p>
            Each run of {profile?.name ?? 'this profile'} is listed here, with every record’s before → after diff and an export to CSV or
            JSON.
          </p>
          <p data-testid="runs-setup-first">
            Finish Setup first: {profile?.name ?? 'this profile'} still needs {listAnd(gaps)}, so a sync would stop before reading anything.
            Then press <strong>Sync now</strong>, or <strong>Reconcile…</strong> to see the plan first. To rehearse meanwhile, use the
            Sandbox profile: it needs no keys and touches nothing real.
          </p>
          <button type="button" className="button button-primary" onClick={() => navigate('setup')}>
            Finish Setup
          </button>
        </EmptyState>
      </div>
    );
  }
  if (runs.length === 0) {
    return (
      <div className="page">
        <EmptyState title="No runs yet">
          <p>
            Each run of {profile?.name ?? 'this profile'} is listed here — when, what started it, the direction, its status, and how many
            requisitions were created, updated, closed or failed — with every record’s before → after diff and an export to CSV or JSON.
          </p>
          <p>
            Press <strong>Sync now</strong> to run the profile’s direction, or <strong>Reconcile…</strong> to see the plan first and apply
            only what you approve.{' '}
            {profile?.kind === 'sandbox'
              ? 'This is the Sandbox: nothing real is touched.'
              : 'Not sure yet? Try it on the Sandbox profile first.'}
          </p>
          <div className="empty-state-actions">
            <RunStartButton profileId={profileId} className="button button-primary" onClick={syncSelectedNow} showReason>
              Sync now
            </RunStartButton>
          </div>
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="page page-wide">
      <ErrorNote error={loadError} />
      <div className="runs-toolbar">
        <RunStartButton profileId={profileId} className="button" onClick={() => profileId && void pullMetricsNow(profileId)}>
          {pulling ? 'Pulling candidate metrics…' : 'Pull candidate metrics now'}
        </RunStartButton>
        <p className="field-hint">
          Counts each linked job’s candidates, interviews and offers in Lever and writes them to ChartHop (the daily run does it too). The
          run opens here.
        </p>
      </div>
      {profileId && <ErrorNote error={metricsError} onDismiss={() => useMetricsStore.getState().dismiss(profileId)} />}
      <section className="card chart-card" aria-labelledby="runs-chart-title">
        <h2 id="runs-chart-title" className="subsection-title">
          {runs.length === 1 ? 'Last run' : `Last ${plural(Math.min(14, runs.length), 'run')}`}
        </h2>
        <RunsChart runs={runs} title={`Last runs of ${profile?.name ?? 'this profile'}`} />
      </section>
      <RunsFilterBar />
      <FilteredRuns runs={runs} />
    </div>
  );
}

/** The runs table: every run, or those the filters match (asked of the main process), or a sentence when none does. */
function FilteredRuns({ runs }: { runs: RunSummary[] }) {
  const filter = useRunsStore((s) => s.filter);
  const filtered = useRunsStore((s) => s.filtered);
  if (!isFiltering(filter)) return <RunsTable runs={runs} />;
  if (!filtered) return <p className="loading">Finding the runs that match…</p>;
  if (filtered.length === 0) {
    return (
      <p className="empty-inline" data-testid="runs-no-match">
        No run matches these filters. Clear a filter or search for something else.
      </p>
    );
  }
  return (
    <>
      <p className="field-hint" role="status" data-testid="runs-match-count">
        {plural(filtered.length, 'run matches', 'runs match')} these filters.
      </p>
      <RunsTable runs={filtered} />
    </>
  );
}
