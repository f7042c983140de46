import type { ProfileSummary } from '../../../../shared/api/views.ts';
import { directionOf } from '../../../../shared/settings/options.ts';
import { EnvironmentBadge } from '../../components/EnvironmentBadge.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { RunStartButton } from '../../components/RunStartButton.tsx';
import { openProfilePage, openRun, previewSelected, pullMetricsNow, selectProfile } from '../../lib/app-actions.ts';
import type { AttentionItem } from '../../lib/home-attention.ts';
import { attentionItems, newerUnmapped } from '../../lib/home-attention.ts';
import { connectionGaps } from '../../lib/setup-gaps.ts';
import { useDoctorStore } from '../../stores/useDoctorStore.ts';
import { useHomeStore } from '../../stores/useHomeStore.ts';
import { useMetricsStore } from '../../stores/useMetricsStore.ts';
import { useReconcileStore } from '../../stores/useReconcileStore.ts';
import { useScheduleStore } from '../../stores/useScheduleStore.ts';
import { AttentionList } from './AttentionList.tsx';
import { HandoverReportButton } from './HandoverReportButton.tsx';
import { RecentRuns } from './RecentRuns.tsx';
import { ScheduleFacts } from './ScheduleFacts.tsx';
import { WebhookFacts } from './WebhookFacts.tsx';

const DIRECTION_TEXT = {
  outbound: 'Outbound — ChartHop is the source of truth; open jobs flow to Lever.',
  inbound: 'Inbound — Lever is the source of truth; requisitions flow to ChartHop.',
} as const;

/** One profile on Home: environment, direction, schedule, webhook, last runs with their chart, and what needs attention. */
export function ProfileCard({ profile, selected }: { profile: ProfileSummary; selected: boolean }) {
  const overview = useHomeStore((s) => s.overviews[profile.id]);
  const report = useDoctorStore((s) => s.reports[profile.id]);
  const planUnmapped = useReconcileStore((s) => s.unmappedByProfile[profile.id]);
  const schedule = useScheduleStore((s) => s.status);
  const pulling = useMetricsStore((s) => s.pulling[profile.id] === true);
  const metricsError = useMetricsStore((s) => s.errors[profile.id] ?? null);
  const id = `card-${profile.id}`;
  const settings = overview?.settings ?? null;
  const sandbox = profile.kind === 'sandbox';

  const onAction = (item: AttentionItem) => {
    if (item.runId !== undefined) void openRun(profile.id, item.runId);
    else void openProfilePage(profile.id, item.route);
  };

  return (
    <article
      className={selected ? 'card profile-card profile-card-selected' : 'card profile-card'}
      aria-labelledby={`${id}-title`}
      data-testid="home-card"
      data-profile={profile.id}
    >
      <header className="profile-card-header">
        <div className="profile-card-heading">
          <h2 id={`${id}-title`} className="card-title">
            {profile.name}
          </h2>
          <EnvironmentBadge environment={profile.environment} configured={profile.configured} />
          {selected && <span className="chip chip-current">In use</span>}
        </div>
        <div className="profile-card-actions">
          <HandoverReportButton profileId={profile.id} />
          {selected && (
            <RunStartButton
              profileId={profile.id}
              className="button button-small"
              onClick={previewSelected}
              title="Shows what Sync now would write, without writing anything."
            >
              Preview
            </RunStartButton>
          )}
          {selected ? (
            <RunStartButton
              profileId={profile.id}
              className="button button-small"
              title="Counts each linked job’s active candidates, interviews and offers in Lever and writes the numbers to ChartHop."
              onClick={() => void pullMetricsNow(profile.id)}
            >
              {pulling ? 'Pulling candidate metrics…' : 'Pull candidate metrics now'}
            </RunStartButton>
          ) : (
            <button type="button" className="button button-small" onClick={() => void selectProfile(profile.id)}>
              Use this profile
            </button>
          )}
        </div>
      </header>
      {settings && <p className="profile-card-direction">{DIRECTION_TEXT[directionOf(settings.sourceOfTruth)]}</p>}
      {selected && <ErrorNote error={metricsError} onDismiss={() => useMetricsStore.getState().dismiss(profile.id)} />}
      {!settings ? (
        overview?.errors.settings ? (
          <ErrorNote error={overview.errors.settings} />
        ) : (
          <p className="loading">Loading {profile.name}…</p>
        )
      ) : (
        <>
          <div className="profile-card-columns">
            <div className="profile-card-column">
              <ScheduleFacts settings={settings} schedule={schedule} titleId={`${id}-schedule`} />
              <WebhookFacts
                webhook={overview?.webhook ?? null}
                error={overview?.errors.webhook}
                sandbox={sandbox}
                titleId={`${id}-webhook`}
              />
            </div>
            <RecentRuns
              profileId={profile.id}
              profileName={profile.name}
              sandbox={sandbox}
              selected={selected}
              runs={overview?.runs ?? null}
              error={overview?.errors.runs}
              titleId={`${id}-runs`}
              setupGaps={sandbox ? [] : connectionGaps(settings, overview?.statuses ?? null)}
            />
          </div>
          <AttentionList
            items={attentionItems({
              settings,
              statuses: overview?.statuses ?? null,
              report,
              hires: overview?.hires ?? null,
              webhook: overview?.webhook ?? null,
              runs: overview?.runs ?? null,
              unmapped: newerUnmapped(planUnmapped, overview?.unmapped ?? null),
            })}
            titleId={`${id}-attention`}
            onAction={onAction}
            profileId={profile.id}
            mappings={settings.mappings}
            allClear={
              report
                ? 'Nothing needs attention for this profile.'
                : 'Nothing needs attention that ReqBridge can see. Run Check connection in Setup to be sure the keys and the data of both systems are right.'
            }
          />
        </>
      )}
    </article>
  );
}
