import type { RunListFilter, RunListKind } from '../../../../shared/api/run-filter.ts';
import { RUN_LIST_KINDS, RUN_STATUSES, RUN_TRIGGERS } from '../../../../shared/api/run-filter.ts';
import type { RunStatus, RunTrigger } from '../../../../shared/api/sync-views.ts';
import { STATUS_LABELS, TRIGGER_LABELS } from '../../lib/run-format.ts';
import { isFiltering, useRunsStore } from '../../stores/useRunsStore.ts';

/** The kinds of run as the filter names them. */
export const RUN_KIND_LABELS: Record<RunListKind, string> = {
  sync: 'Sync',
  reconcile: 'Reconcile',
  undo: 'Undo',
  metrics: 'Candidate metrics',
  hires: 'New-hire catch-up',
};

/** Every filter cleared. */
const NO_FILTER: RunListFilter = { kind: undefined, trigger: undefined, status: undefined, search: undefined };

/** A select's value back to the filter: "all" (or nothing) filters nothing. */
function chosen<T extends string>(value: string): T | undefined {
  return value === 'all' || value === '' ? undefined : (value as T);
}

/** The Runs list's filters: kind, trigger, status and a search over run numbers, errors and the records' titles and codes. */
export function RunsFilterBar() {
  const filter = useRunsStore((s) => s.filter);
  const setFilter = useRunsStore.getState().setFilter;
  const edit = (patch: Partial<RunListFilter>) => void setFilter(patch);
  return (
    <div className="plan-toolbar runs-filters" role="group" aria-label="Filter runs">
      <div className="field field-compact">
        <label htmlFor="runs-kind">Kind</label>
        <select
          id="runs-kind"
          className="input"
          value={filter.kind ?? 'all'}
          onChange={(e) => edit({ kind: chosen<RunListKind>(e.target.value) })}
        >
          <option value="all">All kinds</option>
          {RUN_LIST_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {RUN_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-compact">
        <label htmlFor="runs-trigger">Trigger</label>
        <select
          id="runs-trigger"
          className="input"
          value={filter.trigger ?? 'all'}
          onChange={(e) => edit({ trigger: chosen<RunTrigger>(e.target.value) })}
        >
          <option value="all">All triggers</option>
          {RUN_TRIGGERS.map((trigger) => (
            <option key={trigger} value={trigger}>
              {TRIGGER_LABELS[trigger]}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-compact">
        <label htmlFor="runs-status">Status</label>
        <select
          id="runs-status"
          className="input"
          value={filter.status ?? 'all'}
          onChange={(e) => edit({ status: chosen<RunStatus>(e.target.value) })}
        >
          <option value="all">All statuses</option>
          {RUN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-compact field-grow">
        <label htmlFor="runs-search">Search</label>
        <input
          id="runs-search"
          className="input"
          type="search"
          maxLength={200}
          placeholder="Run number, job title, requisition code or error"
          value={filter.search ?? ''}
          onChange={(event) => edit({ search: event.target.value })}
        />
      </div>
      {isFiltering(filter) && (
        <button type="button" className="button button-small runs-filters-clear" onClick={() => edit(NO_FILTER)}>
          Clear filters
        </button>
      )}
    </div>
  );
}
