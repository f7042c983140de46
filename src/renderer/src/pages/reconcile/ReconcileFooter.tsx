import { RunProgressView } from '../../components/RunProgressView.tsx';
import { isApplicable } from '../../lib/plan-selection.ts';
import { STATUS_LABELS, runCountsText } from '../../lib/run-format.ts';
import { useReconcileStore } from '../../stores/useReconcileStore.ts';
import { useRouteStore } from '../../stores/useRouteStore.ts';
import { useRunsStore } from '../../stores/useRunsStore.ts';
import { useSyncStore } from '../../stores/useSyncStore.ts';
import { plural } from '../../lib/wording.ts';

/**
 * The sheet's sticky footer: how many of the selectable rows are selected and Apply; progress while applying; an undo's
 * result (Reconcile's and the Preview's show above the plan computed again); nothing while there is no plan.
 */
export function ReconcileFooter() {
  const phase = useReconcileStore((s) => s.phase);
  const profileId = useReconcileStore((s) => s.profileId);
  const plan = useReconcileStore((s) => s.plan);
  const selected = useReconcileStore((s) => s.selected);
  const result = useReconcileStore((s) => s.result);
  const undoRunId = useReconcileStore((s) => s.undoRunId);
  const mode = useReconcileStore((s) => s.mode);
  const progress = useSyncStore((s) => (profileId ? (s.progress[profileId] ?? null) : null));
  const cancelling = useSyncStore((s) => (profileId ? s.cancelling[profileId] === true : false));
  const navigate = useRouteStore((s) => s.navigate);
  const { apply, applyAll, replan, close } = useReconcileStore.getState();

  if (phase === 'applying' && profileId) {
    return (
      <footer className="sheet-footer">
        <RunProgressView
          progress={progress}
          startingLabel="Applying the selected rows"
          onCancel={() => void useSyncStore.getState().cancel(profileId)}
          cancelling={cancelling}
        />
      </footer>
    );
  }
  if (phase === 'done' && result) {
    return (
      <footer className="sheet-footer">
        <p className="sheet-result" role="status" data-testid="reconcile-result">
          <strong>
            {undoRunId !== null ? `Undo of run ${undoRunId}` : mode === 'preview' ? 'Sync' : 'Reconcile'}{' '}
            {STATUS_LABELS[result.status].toLowerCase()}:
          </strong>{' '}
          {runCountsText(result)}.{result.error && <> {result.error}</>}
        </p>
        <div className="sheet-actions">
          {undoRunId === null && (
            <button type="button" className="button" onClick={() => void replan()}>
              Plan again
            </button>
          )}
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              useRunsStore.getState().open(result.id);
              navigate('runs');
              close();
            }}
          >
            Open run {result.id} in Runs
          </button>
        </div>
      </footer>
    );
  }
  // No plan yet (still planning, or planning failed and the sheet offers Try again): nothing to select or apply.
  if (!plan) return null;
  // Only rows that can be applied count: skipped and needs-attention rows are never selectable.
  const applicable = plan.rows.filter(isApplicable);
  const count = applicable.filter((row) => selected.has(row.id)).length;
  return (
    <footer className="sheet-footer">
      <p
        className="sheet-selection"
        role="status"
        data-testid="selection-count"
      >{`${count} of ${plural(applicable.length, 'row')} selected`}</p>
      <div className="sheet-actions">
        <button type="button" className="button" disabled={phase === 'planning' || !profileId} onClick={() => void replan()}>
          Plan again
        </button>
        {mode === 'preview' && undoRunId === null ? (
          <>
            <button type="button" className="button" disabled={phase !== 'ready' || count === 0} onClick={() => void apply()}>
              Apply {count} selected
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={phase !== 'ready' || applicable.length === 0}
              onClick={() => void applyAll()}
            >
              Apply all
            </button>
          </>
        ) : (
          <button type="button" className="button button-primary" disabled={phase !== 'ready' || count === 0} onClick={() => void apply()}>
            Apply {count} selected
          </button>
        )}
      </div>
    </footer>
  );
}
