import { useEffect, useRef } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { RunProgressView } from '../../components/RunProgressView.tsx';
import { filterRows, groupRows, selectedDestructive } from '../../lib/plan-selection.ts';
import { largeChangeQuestion } from '../../lib/run-format.ts';
import { plural } from '../../lib/wording.ts';
import { selectedProfile, useProfilesStore } from '../../stores/useProfilesStore.ts';
import { useReconcileStore } from '../../stores/useReconcileStore.ts';
import { useSettingsStore } from '../../stores/useSettingsStore.ts';
import { useSyncStore } from '../../stores/useSyncStore.ts';
import { AppliedSummary } from './AppliedSummary.tsx';
import { PlanGroup } from './PlanGroup.tsx';
import { PlanSummary } from './PlanSummary.tsx';
import { PlanToolbar } from './PlanToolbar.tsx';
import { ReconcileFooter } from './ReconcileFooter.tsx';

/** The Preview's intro: what Sync now would write, for the profile's source of truth. */
function previewIntro(sourceOfTruth: 'charthop' | 'lever' | null): string {
  const what =
    sourceOfTruth === 'lever'
      ? 'Lever is the source of truth: this is what Sync now would write to ChartHop.'
      : 'ChartHop is the source of truth: this is what Sync now would write to Lever.';
  return `${what} Nothing is written until you press Apply all or Apply selected.`;
}

/** Reconcile…: a full-screen sheet that shows the plan first and applies only the rows the consultant selects. */
export function ReconcileSheet() {
  const phase = useReconcileStore((s) => s.phase);
  const profileId = useReconcileStore((s) => s.profileId);
  const plan = useReconcileStore((s) => s.plan);
  const filter = useReconcileStore((s) => s.filter);
  const selected = useReconcileStore((s) => s.selected);
  const error = useReconcileStore((s) => s.error);
  const confirming = useReconcileStore((s) => s.confirming);
  const undoRunId = useReconcileStore((s) => s.undoRunId);
  const mode = useReconcileStore((s) => s.mode);
  const firstSync = useReconcileStore((s) => s.firstSync);
  const sourceOfTruth = useSettingsStore((s) => (s.saved?.id === profileId ? s.saved.sourceOfTruth : null));
  const profileName = useProfilesStore((s) => selectedProfile(s.view)?.name ?? '');
  const progress = useSyncStore((s) => (profileId ? (s.progress[profileId] ?? null) : null));
  const { close, replan, apply, cancelConfirm } = useReconcileStore.getState();
  const ref = useRef<HTMLDialogElement>(null);
  const open = phase !== 'closed';

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  const locked = phase === 'applying' || phase === 'done';
  const shown = plan ? filterRows(plan.rows, filter) : [];
  const groups = groupRows(shown);
  const hiddenByFilter = plan ? plan.rows.length - shown.length : 0;

  return (
    <dialog
      ref={ref}
      className="sheet"
      aria-labelledby="reconcile-title"
      data-testid="reconcile-sheet"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      {open && (
        <>
          <header className="sheet-header">
            <div>
              {undoRunId === null && mode === 'preview' ? (
                <>
                  <h2 id="reconcile-title">Preview {profileName}</h2>
                  <p className="sheet-intro" data-testid="preview-intro">
                    {previewIntro(sourceOfTruth)}
                  </p>
                  {firstSync && (
                    <p className="note" data-testid="first-sync-note">
                      This is {profileName}’s first sync in this direction, so its plan is shown before anything is written. Later, Sync now
                      writes straight away.
                    </p>
                  )}
                </>
              ) : undoRunId === null ? (
                <>
                  <h2 id="reconcile-title">Reconcile {profileName}</h2>
                  <p className="sheet-intro">
                    ChartHop is the source of truth: missing requisitions are created in Lever and drifted fields repaired. Nothing is
                    written until you press Apply.
                  </p>
                </>
              ) : (
                <>
                  <h2 id="reconcile-title">Undo run {undoRunId}</h2>
                  <p className="sheet-intro">
                    What run {undoRunId} applied, taken back: what ReqBridge created is deleted (or closed when something hangs on it),
                    fields go back to their values before the run, closes are reopened and links removed. A record changed since needs
                    attention instead of being overwritten. Nothing is written until you press Apply.
                  </p>
                </>
              )}
            </div>
            <button type="button" className="button" disabled={phase === 'applying'} onClick={close}>
              Close
            </button>
          </header>
          <div className="sheet-body">
            {undoRunId === null && <AppliedSummary />}
            {phase === 'planning' && (
              <RunProgressView
                progress={undoRunId === null ? progress : null}
                startingLabel="Reading ChartHop and Lever to build the plan"
              />
            )}
            {error && (
              <>
                <ErrorNote error={error} />
                {!plan && (
                  <button type="button" className="button" onClick={() => void replan()}>
                    Try again
                  </button>
                )}
              </>
            )}
            {plan && phase !== 'planning' && (
              <>
                {plan.notice && (
                  <p className="note note-warn" data-testid="plan-notice">
                    {plan.notice}
                  </p>
                )}
                <PlanSummary plan={plan} />
                {plan.rows.length === 0 ? (
                  <p className="note note-ok" role="status">
                    {undoRunId === null && mode === 'preview'
                      ? 'ChartHop and Lever already agree: Sync now would write nothing.'
                      : undoRunId === null
                        ? 'ChartHop and Lever already agree: there is nothing to reconcile.'
                        : `Run ${undoRunId} applied nothing, so there is nothing to undo.`}
                  </p>
                ) : (
                  <>
                    <PlanToolbar plan={plan} shown={shown} disabled={locked} />
                    {groups.map((group) => (
                      <PlanGroup key={group.action} action={group.action} rows={group.rows} disabled={locked} />
                    ))}
                    {shown.length === 0 && (
                      <p className="empty-inline">No row matches the filter. Clear the search or pick another action.</p>
                    )}
                    {hiddenByFilter > 0 && shown.length > 0 && (
                      <p className="field-hint">{plural(hiddenByFilter, 'more row is', 'more rows are')} hidden by the filter.</p>
                    )}
                  </>
                )}
              </>
            )}
          </div>
          <ReconcileFooter />
          <ConfirmDialog
            open={confirming}
            title="Apply a large change?"
            confirmLabel="Apply anyway"
            danger
            onCancel={cancelConfirm}
            onConfirm={() => void apply(true)}
          >
            <p>{plan ? largeChangeQuestion(selectedDestructive(plan, selected), plan.safety.linked) : ''}</p>
            <p className="field-hint">Nothing was written yet. Cancel to deselect some Close or Delete rows.</p>
          </ConfirmDialog>
        </>
      )}
    </dialog>
  );
}
