import type { RunSummary } from '../../../../shared/api/sync-views.ts';
import type { UiError } from '../../bridge/ui-error.ts';
import { RunsChart } from '../../components/RunsChart.tsx';
import { StatusPill } from '../../components/StatusPill.tsx';
import { RunStartButton } from '../../components/RunStartButton.tsx';
import { openProfilePage, openRun, syncSelectedNow } from '../../lib/app-actions.ts';
import { runCountsText, runKindText } from '../../lib/run-format.ts';
import { capitalize, listAnd } from '../../lib/wording.ts';
import { Ago } from '../../components/Moment.tsx';

/** How many runs a card lists (its chart shows up to 14). */
const LISTED = 3;

/** Props of a card's runs. */
export interface RecentRunsProps {
  profileId: string;
  profileName: string;
  sandbox: boolean;
  selected: boolean;
  runs: readonly RunSummary[] | null;
  error: UiError | undefined;
  titleId: string;
  /** What the profile's Connect step still lacks ("the Lever API key", …); empty when it can run. */
  setupGaps: readonly string[];
}

/** A card's last runs (status, counts, when, a link to each) and the chart of the last 14. */
export function RecentRuns({ profileId, profileName, sandbox, selected, runs, error, titleId, setupGaps }: RecentRunsProps) {
  return (
    <section className="card-section" aria-labelledby={titleId} data-testid="home-runs">
      <h3 id={titleId} className="card-section-title">
        Last runs
      </h3>
      {!runs ? (
        <p className={error ? 'text-warn' : 'loading'}>{error ? error.message : 'Loading the runs…'}</p>
      ) : runs.length === 0 && setupGaps.length > 0 ? (
        <div className="recent-empty" data-testid="home-setup-first">
          <p>
            No runs yet — finish Setup first: {profileName} still needs {listAnd(setupGaps)}. Then press Sync now, or Preview to see the
            plan first. To rehearse meanwhile, use the Sandbox profile: it needs no keys and touches nothing real.
          </p>
          <button
            type="button"
            className={selected ? 'button button-small button-primary' : 'button button-small'}
            title={selected ? undefined : `Switches to ${profileName}`}
            onClick={() => void openProfilePage(profileId, 'setup')}
          >
            Finish Setup
          </button>
        </div>
      ) : runs.length === 0 ? (
        <div className="recent-empty">
          <p>
            No runs yet — {selected ? 'press Sync now' : 'use this profile and press Sync now'}, or Preview to see the plan first.{' '}
            {sandbox ? 'This is the Sandbox: nothing real is touched.' : 'Not sure yet? Try it on the Sandbox profile first.'}
          </p>
          {selected && (
            <div className="recent-empty-actions">
              <RunStartButton profileId={profileId} className="button button-small" onClick={syncSelectedNow} showReason>
                Sync now
              </RunStartButton>
            </div>
          )}
        </div>
      ) : (
        <>
          <ul className="recent-runs">
            {runs.slice(0, LISTED).map((run, index) => (
              <li
                key={run.id}
                className="recent-run"
                data-testid={index === 0 ? 'home-last-run' : 'home-run'}
                data-run-id={run.id}
                data-direction={run.direction}
              >
                <StatusPill status={run.status} />
                <span className="recent-what">
                  <span className="recent-kind">{runKindText(run)}</span>
                  <span className="recent-counts">{run.status === 'running' ? 'running…' : capitalize(runCountsText(run))}</span>
                </span>
                <Ago className="recent-when" iso={run.startedAt} />
                <button
                  type="button"
                  className="link-button recent-open"
                  title={selected ? undefined : `Switches to ${profileName}`}
                  onClick={() => void openRun(profileId, run.id)}
                >
                  Open run {run.id}
                </button>
              </li>
            ))}
          </ul>
          <RunsChart runs={runs} title={`Last runs of ${profileName}`} />
        </>
      )}
    </section>
  );
}
