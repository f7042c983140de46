import { useState } from 'react';
import type { UiError } from '../../bridge/ui-error.ts';
import { toUiError } from '../../bridge/ui-error.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { DECISION_LABELS } from '../../lib/hire-format.ts';
import { selectedProfile, useProfilesStore } from '../../stores/useProfilesStore.ts';
import { useHiresStore } from '../../stores/useHiresStore.ts';
import { useRouteStore } from '../../stores/useRouteStore.ts';
import { WebhookLiveStatus } from '../webhook/WebhookLiveStatus.tsx';
import { HiresTable } from './HiresTable.tsx';

/** Hires: every webhook delivery and catch-up find with its decision, live; Catch up now; Replay per hire. */
export function HiresPage() {
  const profile = useProfilesStore((s) => selectedProfile(s.view));
  const hires = useHiresStore((s) => s.hires);
  const loadError = useHiresStore((s) => s.loadError);
  const catchingUp = useHiresStore((s) => s.catchingUp);
  const result = useHiresStore((s) => s.catchUpResult);
  const navigate = useRouteStore((s) => s.navigate);
  const [error, setError] = useState<UiError | null>(null);

  async function catchUp() {
    try {
      await useHiresStore.getState().catchUp();
      setError(null);
    } catch (thrown) {
      setError(toUiError(thrown));
    }
  }

  const decisions = result
    ? Object.entries(result.decisions)
        .filter(([, count]) => count)
        .map(([decision, count]) => `${count} ${DECISION_LABELS[decision as keyof typeof DECISION_LABELS].toLowerCase()}`)
        .join(', ')
    : '';

  return (
    <div className="page page-wide">
      <div className="page-toolbar">
        <p className="page-intro">
          New hires always flow from Lever into ChartHop. Each delivery of Lever’s Candidate Hire webhook and each hire found by a catch-up is
          listed with what ReqBridge decided, following the guide’s rules.
        </p>
        <button type="button" className="button" disabled={catchingUp || !profile} onClick={() => void catchUp()}>
          {catchingUp ? 'Catching up…' : 'Catch up now'}
        </button>
      </div>
      <WebhookLiveStatus compact />
      {result && (
        <p className="note note-info" role="status" data-testid="catch-up-result">
          Catch-up looked at Lever’s hires since the last check: {result.found} found, {result.processed} processed{decisions ? ` (${decisions})` : ''}.
        </p>
      )}
      <ErrorNote error={error} onDismiss={() => setError(null)} />
      {loadError && <ErrorNote error={loadError} />}
      {!hires && !loadError && <p className="loading">Loading the hires…</p>}
      {hires && hires.length === 0 && (
        <EmptyState title="No hires yet">
          <p>
            When a candidate is marked Hired in Lever, the Candidate Hire webhook brings them here: the candidate, the job, and whether ReqBridge
            created the person and a pending hire in ChartHop — or why not (the job is not in ChartHop, the person already exists, the job already
            had a hire, the candidate has no email).
          </p>
          <p>
            Set the webhook up in Setup, step 5. A hire that arrived while this computer was off is found by <strong>Catch up now</strong> (and
            daily with Run Daily).
          </p>
          <button type="button" className="button" onClick={() => navigate('setup')}>Set up the webhook</button>
        </EmptyState>
      )}
      {hires && hires.length > 0 && <HiresTable hires={hires} />}
    </div>
  );
}
