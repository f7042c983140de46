import type { PlanAction, PlanRowView, PlanView } from '../../../../shared/api/sync-views.ts';
import { PLAN_ACTIONS } from '../../../../shared/api/sync-views.ts';
import { setRows } from '../../lib/plan-selection.ts';
import { ACTION_LABELS } from '../../lib/run-format.ts';
import { useReconcileStore } from '../../stores/useReconcileStore.ts';

/** Filters (action, title/code search) and select all / none over the rows shown. */
export function PlanToolbar({ plan, shown, disabled }: { plan: PlanView; shown: PlanRowView[]; disabled: boolean }) {
  const filter = useReconcileStore((s) => s.filter);
  const selected = useReconcileStore((s) => s.selected);
  const { setFilter, setSelected } = useReconcileStore.getState();
  const filtered = filter.action !== 'all' || filter.text.trim() !== '';
  return (
    <div className="plan-toolbar" role="group" aria-label="Filter and select">
      <div className="field field-compact">
        <label htmlFor="plan-action-filter">Action</label>
        <select
          id="plan-action-filter"
          className="input"
          value={filter.action}
          onChange={(event) => setFilter({ action: event.target.value as PlanAction | 'all' })}
        >
          <option value="all">All actions ({plan.rows.length})</option>
          {PLAN_ACTIONS.map((action) => (
            <option key={action} value={action} disabled={plan.counts[action] === 0}>
              {ACTION_LABELS[action]} ({plan.counts[action]})
            </option>
          ))}
        </select>
      </div>
      <div className="field field-compact field-grow">
        <label htmlFor="plan-search">Search</label>
        <input
          id="plan-search"
          className="input"
          type="search"
          placeholder="Title or requisition code"
          value={filter.text}
          onChange={(event) => setFilter({ text: event.target.value })}
        />
      </div>
      <div className="plan-select-buttons">
        <button
          type="button"
          className="button button-small"
          disabled={disabled}
          onClick={() => setSelected(setRows(selected, shown, true))}
        >
          {filtered ? 'Select all shown' : 'Select all'}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={disabled}
          onClick={() => setSelected(setRows(selected, shown, false))}
        >
          {filtered ? 'Deselect shown' : 'Select none'}
        </button>
      </div>
    </div>
  );
}
