import { useState } from 'react';
import type { RunItemView, SyncDirection } from '../../../../shared/api/sync-views.ts';
import { DiffTable } from '../../components/DiffTable.tsx';
import { MapButton } from '../../components/MapButton.tsx';
import { sideOfDirection, unmappedFromReason } from '../../lib/mapping-choice.ts';
import { useSettingsStore } from '../../stores/useSettingsStore.ts';
import type { RunItemFilter } from '../../lib/run-items.ts';
import { NO_ITEM_FILTER, filterItems, outcomeCounts, reasonLabel, reasonsOf } from '../../lib/run-items.ts';
import { OUTCOME_LABELS, itemDeedText, outcomeLabel } from '../../lib/run-format.ts';
import { MetricNumbers } from './MetricNumbers.tsx';

const PAGE = 200;

/** "Created — … was created": what happened to the record, in the past tense, and why. */
function deedLine(item: RunItemView): string {
  const { deed, reason } = itemDeedText(item);
  return deed ? `${deed} — ${reason}` : reason;
}
const OUTCOMES = Object.keys(OUTCOME_LABELS) as Array<RunItemView['outcome']>;

/** Props of a run's item list. */
export interface RunItemListProps {
  profileId: string;
  items: readonly RunItemView[];
  direction: SyncDirection;
  failed?: boolean;
}

/**
 * A run's items with filters (outcome, reason, title/code); each expands to its diff and error text.
 * A metrics run's items show their four numbers (before → after) and how they were counted, without expanding.
 */
export function RunItemList({ profileId, items, direction, failed = false }: RunItemListProps) {
  const metrics = direction === 'metrics';
  const mappings = useSettingsStore((s) => (s.saved && s.saved.id === profileId ? s.saved.mappings : null));
  const [filter, setFilter] = useState<RunItemFilter>(NO_ITEM_FILTER);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [limit, setLimit] = useState(PAGE);
  const shown = filterItems(items, filter);
  const counts = outcomeCounts(items);
  const edit = (patch: Partial<RunItemFilter>) => {
    setFilter({ ...filter, ...patch });
    setLimit(PAGE);
  };
  const toggle = (id: number) => {
    const next = new Set(expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };

  if (items.length === 0) {
    return (
      <p className="empty-inline">
        {direction === 'hires'
          ? 'The hires a catch-up finds, and what was decided for each, are listed on the Hires page.'
          : failed
            ? 'No record was written: the run failed before it reached any (the reason is above).'
            : metrics
              ? 'No linked jobs to count yet: Sync now or Reconcile… links ChartHop jobs to Lever requisitions first.'
              : 'This run had no records to look at: both systems already agreed.'}
      </p>
    );
  }

  return (
    <section aria-labelledby="items-title">
      <h3 id="items-title" className="subsection-title">
        {metrics ? 'Jobs' : 'Records'} ({items.length})
      </h3>
      <div className="plan-toolbar" role="group" aria-label="Filter records">
        <div className="field field-compact">
          <label htmlFor="item-outcome">Outcome</label>
          <select
            id="item-outcome"
            className="input"
            value={filter.outcome}
            onChange={(event) => edit({ outcome: event.target.value as RunItemFilter['outcome'] })}
          >
            <option value="all">All outcomes ({items.length})</option>
            {OUTCOMES.filter((outcome) => counts[outcome]).map((outcome) => (
              <option key={outcome} value={outcome}>
                {outcomeLabel(outcome, direction)} ({counts[outcome]})
              </option>
            ))}
          </select>
        </div>
        <div className="field field-compact">
          <label htmlFor="item-reason">Reason</label>
          <select id="item-reason" className="input" value={filter.reason} onChange={(event) => edit({ reason: event.target.value })}>
            <option value="all">All reasons</option>
            {reasonsOf(items).map((reason) => (
              <option key={reason.reason} value={reason.reason}>
                {reasonLabel(reason.reason)} ({reason.count})
              </option>
            ))}
          </select>
        </div>
        <div className="field field-compact field-grow">
          <label htmlFor="item-search">Search</label>
          <input
            id="item-search"
            className="input"
            type="search"
            placeholder={metrics ? 'Requisition code or job id' : 'Title or requisition code'}
            value={filter.text}
            onChange={(event) => edit({ text: event.target.value })}
          />
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="empty-inline">No record matches these filters.</p>
      ) : (
        <ul className={metrics ? 'plan-rows item-rows metric-rows' : 'plan-rows item-rows'} data-testid="run-items">
          {shown.slice(0, limit).map((item) => (
            <li key={item.id} className={`plan-row item-${item.outcome}`} data-testid="run-item" data-outcome={item.outcome}>
              <div className="plan-row-main">
                <span className={`outcome-tag outcome-${item.outcome}`}>{outcomeLabel(item.outcome, direction)}</span>
                <div className="plan-row-text">
                  <span className="plan-row-title">{item.title}</span>
                  <code className="plan-row-code" title={metrics ? 'ChartHop job id' : undefined}>
                    {metrics ? `job ${item.recordKey}` : item.recordKey}
                  </code>
                  {metrics && <MetricNumbers item={item} />}
                  <span className="plan-row-reason">{metrics ? item.reasonText : deedLine(item)}</span>
                  {item.error && <span className="item-error">{item.error}</span>}
                  {item.warnings?.map((warning) => (
                    <span key={warning} className="item-warning" data-testid="item-warning">
                      {warning}
                    </span>
                  ))}
                  {item.reason === 'unmapped_value' && !metrics && (
                    <span className="map-actions">
                      {unmappedFromReason(item.reasonText, sideOfDirection(direction)).map((value) => (
                        <MapButton key={`${value.kind}:${value.value}`} profileId={profileId} value={value} mappings={mappings} />
                      ))}
                    </span>
                  )}
                </div>
                {!metrics && (
                  <button
                    type="button"
                    className="button button-small button-quiet"
                    aria-expanded={expanded.has(item.id)}
                    aria-controls={`item-${item.id}`}
                    onClick={() => toggle(item.id)}
                  >
                    {expanded.has(item.id) ? 'Hide' : item.diff.length ? 'Changes' : 'Details'}
                  </button>
                )}
              </div>
              {expanded.has(item.id) && (
                <div id={`item-${item.id}`} className="plan-row-diff">
                  <DiffTable diff={item.diff} caption={`Changes to ${item.title}`} />
                  <p className="field-hint">
                    Reason: <code>{item.reason}</code>
                  </p>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {shown.length > limit && (
        <button type="button" className="button" onClick={() => setLimit(limit + PAGE)}>
          Show {Math.min(PAGE, shown.length - limit)} more of {shown.length - limit}
        </button>
      )}
    </section>
  );
}
