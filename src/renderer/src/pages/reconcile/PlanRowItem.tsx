import type { PlanRowView } from '../../../../shared/api/sync-views.ts';
import { DiffTable } from '../../components/DiffTable.tsx';
import { MapButton } from '../../components/MapButton.tsx';
import { isApplicable } from '../../lib/plan-selection.ts';
import { useReconcileStore } from '../../stores/useReconcileStore.ts';
import { useSettingsStore } from '../../stores/useSettingsStore.ts';
import { plural } from '../../lib/wording.ts';

/** Props of one plan row. */
export interface PlanRowItemProps {
  row: PlanRowView;
  selected: boolean;
  expanded: boolean;
  disabled: boolean;
  onSelect: (on: boolean) => void;
  onToggle: () => void;
  /** Set on a row the last Apply sent that is still in the plan: "Applied in run 7", "Failed in run 7". */
  badge?: string | null;
}

/** Map… for each value that kept the row from being planned; a save plans again, so the row becomes a create or an update. */
function RowMapButtons({ values }: { values: NonNullable<PlanRowView['unmapped']> }) {
  const profileId = useReconcileStore((s) => s.profileId);
  const mappings = useSettingsStore((s) => (s.saved && s.saved.id === profileId ? s.saved.mappings : null));
  if (!profileId) return null;
  const replan = () => void useReconcileStore.getState().replan();
  return (
    <span className="map-actions">
      {values.map((value) => (
        <MapButton key={`${value.kind}:${value.value}`} profileId={profileId} value={value} mappings={mappings} onSaved={replan} />
      ))}
    </span>
  );
}

/** One record of the plan: select it, read why, and expand its before → after diff. */
export function PlanRowItem({ row, selected, expanded, disabled, onSelect, onToggle, badge = null }: PlanRowItemProps) {
  const applicable = isApplicable(row);
  const diffId = `diff-${row.id}`;
  const changed = row.diff.filter((field) => field.before !== field.after).length;
  return (
    <li className={`plan-row plan-row-${row.action}`} data-testid="plan-row" data-row-id={row.id} data-action={row.action}>
      <div className="plan-row-main">
        {applicable ? (
          <input
            type="checkbox"
            className="checkbox"
            aria-label={`Apply: ${row.title}`}
            checked={selected}
            disabled={disabled}
            onChange={(event) => onSelect(event.target.checked)}
          />
        ) : (
          <span className="checkbox-placeholder" aria-hidden="true" />
        )}
        <div className="plan-row-text">
          <span className="plan-row-title">{row.title}</span>
          {badge && (
            <span className="applied-badge" data-testid="applied-badge">
              {badge}
            </span>
          )}
          {row.requisitionCode && <code className="plan-row-code">{row.requisitionCode}</code>}
          <span className="plan-row-reason">{row.reasonText}</span>
          {row.warnings?.map((warning) => (
            <span key={warning} className="item-warning" data-testid="row-warning">
              {warning}
            </span>
          ))}
          {row.unmapped && row.unmapped.length > 0 && <RowMapButtons values={row.unmapped} />}
          {row.link && (
            <a className="plan-row-link" href={row.link.url} target="_blank" rel="noreferrer noopener">
              {row.link.label}
            </a>
          )}
        </div>
        <button
          type="button"
          className="button button-small button-quiet"
          aria-expanded={expanded}
          aria-controls={diffId}
          onClick={onToggle}
        >
          {expanded ? 'Hide changes' : row.diff.length ? plural(changed, 'change') : 'Details'}
        </button>
      </div>
      {expanded && (
        <div id={diffId} className="plan-row-diff">
          <DiffTable diff={row.diff} caption={`Changes to ${row.title}`} beforeLabel="Now" afterLabel="After apply" />
          <p className="field-hint">
            Reason: <code>{row.reason}</code>
            {row.jobId && (
              <>
                {' '}
                · ChartHop job <code>{row.jobId}</code>
              </>
            )}
            {row.requisitionId && (
              <>
                {' '}
                · Lever requisition <code>{row.requisitionId}</code>
              </>
            )}
          </p>
        </div>
      )}
    </li>
  );
}
