import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { RunsChart } from '../../components/RunsChart.tsx';
import { syncSelectedNow } from '../../lib/app-actions.ts';
import { attentionItems } from '../../lib/home-attention.ts';
import { useDoctorStore } from '../../stores/useDoctorStore.ts';
import { useHiresStore } from '../../stores/useHiresStore.ts';
import { selectedProfile, useProfilesStore } from '../../stores/useProfilesStore.ts';
import { useRouteStore } from '../../stores/useRouteStore.ts';
import { useRunsStore } from '../../stores/useRunsStore.ts';
import { useScheduleStore } from '../../stores/useScheduleStore.ts';
import { useSecretsStore } from '../../stores/useSecretsStore.ts';
import { useSettingsStore } from '../../stores/useSettingsStore.ts';
import { useWebhookStore } from '../../stores/useWebhookStore.ts';
import { ProfileFacts } from './ProfileFacts.tsx';
import { EnvironmentBadge } from '../../components/EnvironmentBadge.tsx';

/** Home: the current profile at a glance — connection, last and next run, webhook — what needs doing, and the last 14 runs. */
export function HomePage() {
  const profile = useProfilesStore((s) => selectedProfile(s.view));
  const settings = useSettingsStore((s) => s.saved);
  const loadError = useSettingsStore((s) => s.loadError);
  const statuses = useSecretsStore((s) => s.statuses);
  const report = useDoctorStore((s) => (settings ? s.reports[settings.id] : undefined));
  const runs = useRunsStore((s) => (s.profileId === settings?.id ? s.runs : null));
  const hires = useHiresStore((s) => (s.profileId === settings?.id ? s.hires : null));
  const webhook = useWebhookStore((s) => s.status);
  const webhookError = useWebhookStore((s) => s.loadError?.message ?? null);
  const navigate = useRouteStore((s) => s.navigate);
  const schedule = useScheduleStore((s) => s.status);

  if (loadError) return <div className="page"><ErrorNote error={loadError} /></div>;
  if (!settings || !profile) return <div className="page"><p className="loading">Loading the profile…</p></div>;

  const lastRun = runs?.[0] ?? null;
  const attention = attentionItems({ settings, statuses, report, hires, webhook, lastRun });

  return (
    <div className="page">
      <article className="card profile-card" aria-labelledby="home-profile-title">
        <header className="card-header">
          <h2 id="home-profile-title" className="card-title">{profile.name}</h2>
          <EnvironmentBadge environment={profile.environment} />
        </header>
        <ProfileFacts settings={settings} statuses={statuses} lastRun={lastRun} webhook={webhook} webhookError={webhookError} schedule={schedule} />
        {attention.length > 0 ? (
          <section className="attention" aria-labelledby="attention-title" data-testid="attention">
            <h3 id="attention-title" className="subsection-title">Needs attention</h3>
            <ul className="attention-list">
              {attention.map((item) => (
                <li key={item.text} className={`attention-${item.tone}`}>
                  <span>{item.text}</span>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      if (item.runId !== undefined) useRunsStore.getState().open(item.runId);
                      navigate(item.route);
                    }}
                  >
                    {item.action}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : (
          <>
            <p className="advice-ok">Nothing needs attention for this profile.</p>
            {!report && <p className="field-hint">Run Check connection in Setup to be sure the keys and the data of both systems are right.</p>}
          </>
        )}
      </article>
      {runs && runs.length > 0 ? (
        <section className="card chart-card" aria-labelledby="home-chart-title">
          <h2 id="home-chart-title" className="subsection-title">Last {Math.min(14, runs.length)} runs</h2>
          <RunsChart runs={runs} title={`Last runs of ${profile.name}`} />
          <button type="button" className="link-button" onClick={() => navigate('runs')}>Open Runs</button>
        </section>
      ) : (
        <EmptyState title="No runs yet">
          <p>
            Each run will be charted here — records written and failures for each of the last 14. Press <strong>Sync now</strong> to run the
            profile’s direction, or <strong>Reconcile…</strong> to see the plan first.{' '}
            {profile.kind === 'sandbox' ? 'This is the Sandbox: nothing real is touched.' : 'Try it on the Sandbox profile first.'}
          </p>
          <button type="button" className="button button-primary" onClick={syncSelectedNow}>Sync now</button>
        </EmptyState>
      )}
    </div>
  );
}
