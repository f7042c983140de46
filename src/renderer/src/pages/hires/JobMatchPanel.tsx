import { useEffect, useState } from 'react';
import type { HireView, JobMatchView } from '../../../../shared/api/hires-views.ts';
import type { UiError } from '../../bridge/ui-error.ts';
import { toUiError } from '../../bridge/ui-error.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useHiresStore } from '../../stores/useHiresStore.ts';

/**
 * A "Job missing" hire on an outbound profile: which Lever requisition it was hired against, whether one open
 * ChartHop job matches it (Link now), several (never guessed) or none, each with what to do.
 */
export function JobMatchPanel({ hire, onLinked }: { hire: HireView; onLinked: (hire: HireView) => void }) {
  const [match, setMatch] = useState<JobMatchView | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    useHiresStore
      .getState()
      .jobMatch(hire.id)
      .then(
        (found) => current && setMatch(found),
        (thrown: unknown) => current && setError(toUiError(thrown)),
      );
    return () => {
      current = false;
    };
  }, [hire.id, hire.decidedAt]);

  async function link(jobId: string) {
    setBusy(true);
    try {
      onLinked(await useHiresStore.getState().linkJob(hire.id, jobId));
      setError(null);
    } catch (thrown) {
      setError(toUiError(thrown));
    } finally {
      setBusy(false);
    }
  }

  const [only] = match?.candidates ?? [];
  return (
    <div className="job-match" data-testid="job-match">
      {!match && !error && <p className="loading">Looking for the ChartHop job of this requisition…</p>}
      {match && (
        <p className={match.verdict === 'one' || match.verdict === 'linked' ? 'note note-info' : 'note note-warn'}>{match.advice}</p>
      )}
      {match?.verdict === 'several' && (
        <ul aria-label="Matching ChartHop jobs">
          {match.candidates.map((job) => (
            <li key={job.id}>
              {job.title} <code>{job.id}</code>
            </li>
          ))}
        </ul>
      )}
      {match?.verdict === 'one' && only && (
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void link(only.id)}>
          {busy ? 'Linking…' : 'Link now'}
        </button>
      )}
      <ErrorNote error={error} onDismiss={() => setError(null)} />
    </div>
  );
}
