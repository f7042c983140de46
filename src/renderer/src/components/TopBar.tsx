import { previewSelected, reconcileSelected, syncSelectedNow } from '../lib/app-actions.ts';
import { nextRunText } from '../lib/next-run.ts';
import { STATUS_LABELS, runCountsText } from '../lib/run-format.ts';
import { useMetricsStore } from '../stores/useMetricsStore.ts';
import { useProfilesStore } from '../stores/useProfilesStore.ts';
import { useReconcileStore } from '../stores/useReconcileStore.ts';
import { useRouteStore } from '../stores/useRouteStore.ts';
import { useRunsStore } from '../stores/useRunsStore.ts';
import { useScheduleStore } from '../stores/useScheduleStore.ts';
import { useSettingsStore } from '../stores/useSettingsStore.ts';
import { useSyncStore } from '../stores/useSyncStore.ts';
import { PageHeading } from './PageHeading.tsx';
import { RunProgressView } from './RunProgressView.tsx';
import { RunStartButton } from './RunStartButton.tsx';
import { SyncNotice } from './SyncNotice.tsx';
import { Ago } from './Moment.tsx';

/** Why Reconcile… is off for a profile whose source of truth is Lever (the core refuses it too). */
const RECONCILE_NEEDS_CHARTHOP_TRUTH =
  'Reconcile treats ChartHop as the source of truth, and this profile’s source of truth is Lever: use Sync now, or Preview to see its plan first.';

/** The visible short form of {@link RECONCILE_NEEDS_CHARTHOP_TRUTH}. */
const RECONCILE_OFF_SHORT = 'Reconcile is off: Lever is the source of truth.';

/** The top bar: page title, the current run's progress (or the last run) and next run, and Preview / Sync now / Reconcile…. */
export function TopBar() {
  const route = useRouteStore((s) => s.route);
  const saved = useSettingsStore((s) => s.saved);
  const profileId = useProfilesStore((s) => s.view?.selectedId ?? null);
  const progress = useSyncStore((s) => (profileId ? (s.progress[profileId] ?? null) : null));
  const syncing = useSyncStore((s) => (profileId ? s.syncing[profileId] === true : false));
  const cancelling = useSyncStore((s) => (profileId ? s.cancelling[profileId] === true : false));
  const applying = useReconcileStore((s) => s.phase === 'applying' && s.profileId === profileId);
  const lastRun = useRunsStore((s) => (s.profileId === profileId ? (s.runs?.[0] ?? null) : null));
  const running = syncing || progress !== null || applying;
  const schedule = useScheduleStore((s) => s.status);
  const nextRun = saved ? nextRunText(saved, schedule) : '';
  const pausing = useScheduleStore((s) => s.saving);
  const pullingMetrics = useMetricsStore((s) => (profileId ? s.pulling[profileId] === true : false));

  return (
    <>
      <header className="topbar">
        <PageHeading route={route} />
        <div className="topbar-status" aria-live="polite">
          {running && profileId ? (
            <RunProgressView
              progress={progress}
              startingLabel={applying ? 'Applying the reconcile plan' : 'Starting the sync'}
              onCancel={() => void useSyncStore.getState().cancel(profileId)}
              cancelling={cancelling}
              compact
            />
          ) : (
            <>
              <span className="topbar-run">
                {pullingMetrics ? (
                  'Pulling candidate metrics from Lever…'
                ) : lastRun ? (
                  <>
                    Last run {STATUS_LABELS[lastRun.status].toLowerCase()} <Ago iso={lastRun.startedAt} />: {runCountsText(lastRun)}
                  </>
                ) : (
                  'No run in progress'
                )}
              </span>
              {schedule?.paused ? (
                <span className="topbar-next" data-testid="topbar-next-run">
                  <span className="text-warn">Schedules paused</span>{' '}
                  <button
                    type="button"
                    className="link-button"
                    disabled={pausing}
                    onClick={() => void useScheduleStore.getState().setPaused(false)}
                  >
                    Resume schedules
                  </button>
                </span>
              ) : (
                <span className="topbar-next" data-testid="topbar-next-run">
                  Next run: <span data-clock>{nextRun}</span>
                </span>
              )}
            </>
          )}
        </div>
        <div className="topbar-actions">
          <RunStartButton
            profileId={profileId}
            className="button"
            onClick={previewSelected}
            title="Shows what Sync now would write, without writing anything."
          >
            Preview
          </RunStartButton>
          <RunStartButton profileId={profileId} className="button button-primary" onClick={syncSelectedNow}>
            Sync now
          </RunStartButton>
          <span className="topbar-action">
            <RunStartButton
              profileId={profileId}
              className="button"
              onClick={reconcileSelected}
              unavailable={saved?.sourceOfTruth === 'lever' ? RECONCILE_NEEDS_CHARTHOP_TRUTH : null}
              unavailableShort={RECONCILE_OFF_SHORT}
            >
              Reconcile…
            </RunStartButton>
          </span>
        </div>
      </header>
      <SyncNotice />
    </>
  );
}
