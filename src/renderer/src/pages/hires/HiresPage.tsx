import { useState } from 'react';
import type { UiError } from '../../bridge/ui-error.ts';
import { toUiError } from '../../bridge/ui-error.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { CATCH_UP_PHASE_LABELS, catchUpProgressDetail, catchUpSentence, webhookStep } from '../../lib/hire-format.ts';
import { selectedProfile, useProfilesStore } from '../../stores/useProfilesStore.ts';
import { useHiresStore } from '../../stores/useHiresStore.ts';
import { useRouteStore } from '../../stores/useRouteStore.ts';
import { useWebhookStore } from '../../stores/useWebhookStore.ts';
import { WebhookLiveStatus } from '../webhook/WebhookLiveStatus.tsx';
import { HiresTable } from './HiresTable.tsx';

/**
 * Hires: every webhook delivery and catch-up find with its decision, live; Catch up now with its progress
 * (reading Lever, then hire N of M with an ETA) and Cancel — also for a catch-up the daily run started; Replay per hire.
 */
export function HiresPage() {
  const profile = useProfilesStore((s) => selectedProfile(s.view));
  const hires = useHiresStore((s) => s.hires);
  const loadError = useHiresStore((s) => s.loadError);
  const ownCall = useHiresStore((s) => s.catchingUp);
  const progress = useHiresStore((s) => (profile ? (s.progress[profile.id] ?? null) : null));
  const cancelling = useHiresStore((s) => (profile ? s.cancelling[profile.id] === true : false));
  const catchingUp = ownCall || progress !== null;
  const result = useHiresStore((s) => s.catchUpResult);
  const navigate = useRouteStore((s) => s.navigate);
  const webhook = useWebhookStore((s) => s.status);
  const webhookReady = webhookStep(webhook, profile?.kind === 'sandbox').state === 'done';
  const [error, setError] = useState<UiError | null>(null);

  async function catchUp() {
    try {
      await useHiresStore.getState().catchUp();
      setError(null);
    } catch (thrown) {
      setError(toUiError(thrown));
    }
  }

  async function cancel(profileId: string) {
    try {
      await useHiresStore.getState().cancelCatchUp(profileId);
    } catch (thrown) {
      setError(toUiError(thrown));
    }
  }

  return (
    <div className="page page-wide">
      <div className="page-toolbar">
        <p className="page-intro">
          New hires always flow from Lever into ChartHop. Each delivery of Lever’s Candidate Hire webhook and each hire found by a catch-up
          is listed with what ReqBridge decided, following the guide’s rules.
        </p>
        <button type="button" className="button" disabled={catchingUp || !profile} onClick={() => void catchUp()}>
          {catchingUp ? 'Catching up…' : 'Catch up now'}
        </button>
      </div>
      <WebhookLiveStatus compact />
      {catchingUp && profile && (
        <div data-testid="catch-up-progress">
          <ProgressBar
            label={progress ? CATCH_UP_PHASE_LABELS[progress.phase] : 'Starting the catch-up'}
            value={progress?.done ?? 0}
            max={progress?.total ?? 0}
            detail={progress ? catchUpProgressDetail(progress) : ''}
            onCancel={() => void cancel(profile.id)}
            cancelling={cancelling}
          />
        </div>
      )}
      {result && !catchingUp && (
        <p className="note note-info" role="status" data-testid="catch-up-result">
          {catchUpSentence(result)}
        </p>
      )}
      <ErrorNote error={error} onDismiss={() => setError(null)} />
      {loadError && <ErrorNote error={loadError} />}
      {!hires && !loadError && <p className="loading">Loading the hires…</p>}
      {hires && hires.length === 0 && (
        <EmptyState title="No hires yet">
          <p>
            When a candidate is marked Hired in Lever, the Candidate Hire webhook brings them here: the candidate, the job, and whether
            ReqBridge created the person and a pending hire in ChartHop — or why not (the job is not in ChartHop, the person already exists,
            the job already had a hire, the candidate has no email).
          </p>
          {webhookReady ? (
            <p data-testid="hires-webhook-ready">
              The webhook is set up: hires appear here as Lever sends them. A hire that arrived while this computer was off is found by{' '}
              <strong>Catch up now</strong> (and daily with Run Daily).
            </p>
          ) : (
            <>
              <p>
                Set the webhook up in Setup, step 5. A hire that arrived while this computer was off is found by{' '}
                <strong>Catch up now</strong> (and daily with Run Daily).
              </p>
              <button type="button" className="button" onClick={() => navigate('setup')}>
                Set up the webhook
              </button>
            </>
          )}
        </EmptyState>
      )}
      {hires && hires.length > 0 && <HiresTable hires={hires} />}
    </div>
  );
}
