import type { PlanAction, PlanRowView } from '../../../../shared/api/sync-views.ts';
import { TriStateCheckbox } from '../../components/TriStateCheckbox.tsx';
import { APPLICABLE_ACTIONS, appliedBadge, selectionOf, setRows } from '../../lib/plan-selection.ts';
import { ACTION_LABELS } from '../../lib/run-format.ts';
import { useReconcileStore } from '../../stores/useReconcileStore.ts';
import { PlanRowItem } from './PlanRowItem.tsx';
import { plural } from '../../lib/wording.ts';

const GROUP_HINTS: Record<PlanAction, string> = {
  create: 'Open ChartHop jobs with no Lever requisition: a requisition is created for each.',
  update:
    'Records whose Lever copy drifted from ChartHop: Lever is brought back in line (a record found but not linked yet is linked too).',
  close: 'Requisitions whose ChartHop job is filled, closed or gone: they are closed in Lever.',
  delete: 'Requisitions ReqBridge created, without postings, whose job was deleted: they are deleted in Lever.',
  link: 'Records found on both sides, alike, but not linked yet: they are linked.',
  needs_attention: 'Records ReqBridge will not touch until you decide (ambiguous matches, Lever-side edits to ChartHop-owned fields).',
  skip: 'Records left as they are, each with its reason (for example an unmapped value).',
};

/** One action's rows, with a checkbox that selects the whole group. */
export function PlanGroup({ action, rows, disabled }: { action: PlanAction; rows: PlanRowView[]; disabled: boolean }) {
  const selected = useReconcileStore((s) => s.selected);
  const expanded = useReconcileStore((s) => s.expanded);
  const applied = useReconcileStore((s) => s.applied);
  const { setSelected, toggleExpanded } = useReconcileStore.getState();
  const counts = selectionOf(selected, rows);
  const titleId = `group-${action}`;

  return (
    <section className={`plan-group plan-group-${action}`} aria-labelledby={titleId} data-testid={`plan-group-${action}`}>
      <header className="plan-group-header">
        {APPLICABLE_ACTIONS.has(action) ? (
          <TriStateCheckbox
            label={`Select every ${ACTION_LABELS[action]} row shown`}
            selected={counts.selected}
            total={counts.total}
            disabled={disabled}
            onChange={(on) => setSelected(setRows(selected, rows, on))}
          />
        ) : (
          <span className="checkbox-placeholder" aria-hidden="true" />
        )}
        <h3 id={titleId} className="plan-group-title">
          <span className={`action-tag action-${action}`}>{ACTION_LABELS[action]}</span> {plural(rows.length, 'record')}
        </h3>
        {APPLICABLE_ACTIONS.has(action) && <span className="plan-group-count">{counts.selected} selected</span>}
      </header>
      <p className="plan-group-hint">{GROUP_HINTS[action]}</p>
      <ul className="plan-rows">
        {rows.map((row) => (
          <PlanRowItem
            key={row.id}
            row={row}
            selected={selected.has(row.id)}
            expanded={expanded.has(row.id)}
            disabled={disabled}
            onSelect={(on) => setSelected(setRows(selected, [row], on))}
            onToggle={() => toggleExpanded(row.id)}
            badge={appliedBadge(row, applied)}
          />
        ))}
      </ul>
    </section>
  );
}
