import type { RunItemView } from '../../../../shared/api/sync-views.ts';
import { OUTCOME_LABELS, STATUS_LABELS, itemDeedText, runCountsText } from '../../lib/run-format.ts';
import { plural } from '../../lib/wording.ts';
import { useReconcileStore } from '../../stores/useReconcileStore.ts';
import { useRouteStore } from '../../stores/useRouteStore.ts';
import { useRunsStore } from '../../stores/useRunsStore.ts';

/** One record the Apply wrote (or tried to): its outcome, title, code and what happened. */
function AppliedItem({ item }: { item: RunItemView }) {
  const { deed, reason } = itemDeedText(item);
  return (
    <li className={`plan-row item-${item.outcome}`} data-testid="applied-item" data-outcome={item.outcome}>
      <div className="plan-row-main">
        <span className={`outcome-tag outcome-${item.outcome}`}>{OUTCOME_LABELS[item.outcome]}</span>
        <div className="plan-row-text">
          <span className="plan-row-title">{item.title}</span>
          <code className="plan-row-code">{item.recordKey}</code>
          <span className="plan-row-reason">{deed ? `${deed} — ${reason}` : reason}</span>
          {item.error && <span className="item-error">{item.error}</span>}
        </div>
      </div>
    </li>
  );
}

/**
 * Above the plan computed again after an Apply: how the run ended, what it wrote (each record marked with its
 * outcome), and a link to the run; the plan below is what is left.
 */
export function AppliedSummary() {
  const applied = useReconcileStore((s) => s.applied);
  const phase = useReconcileStore((s) => s.phase);
  const mode = useReconcileStore((s) => s.mode);
  const replanned = useReconcileStore((s) => s.plan !== null);
  const navigate = useRouteStore((s) => s.navigate);
  if (!applied) return null;
  const { run, items } = applied;
  const written = items.filter((item) => item.outcome !== 'skipped' && item.outcome !== 'attention');
  const tone = run.status === 'succeeded' ? 'note-ok' : 'note-warn';
  return (
    <section className={`note ${tone} applied-summary`} aria-labelledby="applied-title">
      <p role="status" data-testid="reconcile-result">
        <strong id="applied-title">
          {mode === 'preview' ? 'Sync' : 'Reconcile'} {STATUS_LABELS[run.status].toLowerCase()}:
        </strong>{' '}
        {runCountsText(run)}.{run.error && <> {run.error}</>}{' '}
        {phase === 'planning' ? 'Planning again to show what is left…' : replanned ? 'The plan below is what is left now.' : ''}
      </p>
      <div className="note-actions">
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            useRunsStore.getState().open(run.id);
            navigate('runs');
            useReconcileStore.getState().close();
          }}
        >
          Open run {run.id} in Runs
        </button>
      </div>
      {written.length > 0 && (
        <details className="applied-records" open={written.length <= 5}>
          <summary>Just applied: {plural(written.length, 'record')}</summary>
          <ul className="plan-rows item-rows" data-testid="applied-items">
            {written.map((item) => (
              <AppliedItem key={item.id} item={item} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
