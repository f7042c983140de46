import { directionOf } from '../../../shared/settings/options.ts';
import { reconcileProfile } from '../lib/app-actions.ts';
import { largeChangeQuestion, runCountsText, STATUS_LABELS } from '../lib/run-format.ts';
import { useProfilesStore } from '../stores/useProfilesStore.ts';
import { useRouteStore } from '../stores/useRouteStore.ts';
import { useRunsStore } from '../stores/useRunsStore.ts';
import { useSettingsStore } from '../stores/useSettingsStore.ts';
import { useSyncStore } from '../stores/useSyncStore.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ErrorNote } from './ErrorNote.tsx';

const TONE = {
  succeeded: 'note-ok',
  partial: 'note-warn',
  failed: 'note-error',
  cancelled: 'note-info',
  needs_confirmation: 'note-warn',
  running: 'note-info',
} as const;

/** The result of the last Sync now under the top bar, and the safety question of a large change. */
export function SyncNotice() {
  const profileId = useProfilesStore((s) => s.view?.selectedId ?? null);
  const outcome = useSyncStore((s) => (profileId ? (s.outcomes[profileId] ?? null) : null));
  const largeChange = useSyncStore((s) => s.largeChange);
  const navigate = useRouteStore((s) => s.navigate);
  const settings = useSettingsStore((s) => s.saved);
  const { dismissOutcome, answerLargeChange } = useSyncStore.getState();
  // Reconcile treats ChartHop as the truth, so it is offered only for an outbound profile (the core refuses it otherwise).
  const canReconcile = !largeChange || settings?.id !== largeChange.profileId || directionOf(settings.sourceOfTruth) === 'outbound';

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
                <strong>Sync {STATUS_LABELS[outcome.run.status].toLowerCase()}:</strong> {runCountsText(outcome.run)}.
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
                <button type="button" className="link-button" onClick={() => dismissOutcome(profileId)}>
                  Dismiss
                </button>
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
        secondary={
          canReconcile
            ? {
                label: 'Review in Reconcile…',
                onClick: () => {
                  const target = largeChange?.profileId;
                  answerLargeChange(false);
                  if (target) void reconcileProfile(target);
                },
              }
            : undefined
        }
      >
        <p>{question}</p>
        <p className="field-hint">
          {canReconcile
            ? 'Nothing was written yet. Review in Reconcile… to see the plan and apply only the rows you approve, or apply to run the sync with these closes and deletes.'
            : 'Nothing was written yet. Cancel to leave everything as it is (reqbridge plan on the command line lists each change), or apply to run the sync with these closes and deletes.'}
        </p>
      </ConfirmDialog>
    </>
  );
}
