import { largeChangeQuestion, countsSentence, STATUS_LABELS } from '../lib/run-format.ts';
import { useProfilesStore } from '../stores/useProfilesStore.ts';
import { useRouteStore } from '../stores/useRouteStore.ts';
import { useRunsStore } from '../stores/useRunsStore.ts';
import { useSyncStore } from '../stores/useSyncStore.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ErrorNote } from './ErrorNote.tsx';

const TONE = { succeeded: 'note-ok', partial: 'note-warn', failed: 'note-error', cancelled: 'note-info', needs_confirmation: 'note-warn', running: 'note-info' } as const;

/** The result of the last Sync now under the top bar, and the safety question of a large change. */
export function SyncNotice() {
  const profileId = useProfilesStore((s) => s.view?.selectedId ?? null);
  const outcome = useSyncStore((s) => (profileId ? s.outcomes[profileId] ?? null : null));
  const largeChange = useSyncStore((s) => s.largeChange);
  const navigate = useRouteStore((s) => s.navigate);
  const { dismissOutcome, answerLargeChange } = useSyncStore.getState();

  const question = largeChange
    ? largeChange.linked > 0
      ? largeChangeQuestion(largeChange.closesOrDeletes, largeChange.linked)
      : `This would close or delete ${largeChange.closesOrDeletes} linked requisitions, more than the profile's safety limit. Apply anyway?`
    : '';

  return (
    <>
      {outcome && profileId && (
        <div className="topbar-notice" data-testid="sync-result">
          {outcome.kind === 'error' ? (
            <ErrorNote error={outcome.error} onDismiss={() => dismissOutcome(profileId)} />
          ) : (
            <div className={`note ${TONE[outcome.run.status]}`} role="status">
              <p>
                <strong>Sync {STATUS_LABELS[outcome.run.status].toLowerCase()}:</strong> {countsSentence(outcome.run.counts)}.
                {outcome.run.error && <> {outcome.run.error}</>}
              </p>
              <div className="note-actions">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    useRunsStore.getState().open(outcome.run.id);
                    navigate('runs');
                  }}
                >
                  Open run {outcome.run.id}
                </button>
                <button type="button" className="link-button" onClick={() => dismissOutcome(profileId)}>Dismiss</button>
              </div>
            </div>
          )}
        </div>
      )}
      <ConfirmDialog
        open={largeChange !== null}
        title="Apply a large change?"
        confirmLabel="Apply anyway"
        danger
        onCancel={() => answerLargeChange(false)}
        onConfirm={() => answerLargeChange(true)}
      >
        <p>{question}</p>
        <p className="field-hint">Nothing was written yet. Cancel to look at the plan first with Reconcile…, or apply to run the sync with these closes and deletes.</p>
      </ConfirmDialog>
    </>
  );
}
