import type { PlanView, UnmappedValue } from '../../../../shared/api/sync-views.ts';
import { PLAN_ACTIONS } from '../../../../shared/api/sync-views.ts';
import { isMappableValue } from '../../../../shared/settings/mapping-edits.ts';
import { MapButton } from '../../components/MapButton.tsx';
import { useSettingsStore } from '../../stores/useSettingsStore.ts';
import { ACTION_LABELS, largeChangeQuestion } from '../../lib/run-format.ts';
import { useReconcileStore } from '../../stores/useReconcileStore.ts';
import { useRouteStore } from '../../stores/useRouteStore.ts';

const KIND_LABELS: Record<UnmappedValue['kind'], string> = {
  department: 'Department',
  team: 'Team',
  location: 'Location',
  employment: 'Employment type',
  user: 'User email',
};

/** The plan at a glance: counts by action (each one a filter), the safety limit, and the unmapped values. */
export function PlanSummary({ plan }: { plan: PlanView }) {
  const filter = useReconcileStore((s) => s.filter);
  const setFilter = useReconcileStore.getState().setFilter;
  return (
    <>
      <ul className="plan-counts" aria-label="Plan summary by action" data-testid="plan-summary">
        {PLAN_ACTIONS.map((action) => (
          <li key={action}>
            <button
              type="button"
              className={`count-card action-card-${action}`}
              aria-pressed={filter.action === action}
              disabled={plan.counts[action] === 0}
              onClick={() => setFilter({ action: filter.action === action ? 'all' : action })}
            >
              <span className="count-number">{plan.counts[action]}</span>
              <span className="count-label">{ACTION_LABELS[action]}</span>
            </button>
          </li>
        ))}
      </ul>
      {plan.safety.needsConfirmation && (
        <p className="note note-warn">
          {largeChangeQuestion(plan.safety.closesOrDeletes, plan.safety.linked).replace(' Apply anyway?', '')} — more than this profile’s
          limit of {Math.round(plan.safety.limit * 100)}%. ReqBridge will ask before applying them.
        </p>
      )}
      {plan.unmapped.length > 0 && <UnmappedValues profileId={plan.profileId} values={plan.unmapped} />}
    </>
  );
}

/** Leave the sheet for Setup's value mappings. */
function openMappings(): void {
  useReconcileStore.getState().close();
  useRouteStore.getState().navigate('setup');
  requestAnimationFrame(() => document.getElementById('mappings')?.scrollIntoView({ block: 'start' }));
}

/** Values with no counterpart in the other system, and where to map them. */
function UnmappedValues({ profileId, values }: { profileId: string; values: readonly UnmappedValue[] }) {
  const mappings = useSettingsStore((s) => (s.saved && s.saved.id === profileId ? s.saved.mappings : null));
  const replan = () => void useReconcileStore.getState().replan();
  return (
    <section className="note note-warn unmapped" aria-labelledby="unmapped-title" data-testid="unmapped-values">
      <h3 id="unmapped-title" className="subsection-title">
        Unmapped values
      </h3>
      <p>
        These values have no counterpart in the other system, so the records that use them are skipped rather than written wrongly. Press
        Map… beside a value to pick its counterpart (the plan is made again), map it in the profile’s value mappings (Setup → Requisition
        data flow), or rename it in ChartHop or Lever.
      </p>
      <button type="button" className="button button-small" onClick={openMappings}>
        Open value mappings
      </button>
      <table className="values-table">
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Value</th>
            <th scope="col">Records</th>
            <th scope="col">
              <span className="visually-hidden">Map</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {values.map((value) => (
            <tr key={`${value.kind}:${value.value}`}>
              <td>{KIND_LABELS[value.kind]}</td>
              <td>
                <code>{value.value}</code>
              </td>
              <td>{value.records}</td>
              <td>
                {value.from && isMappableValue(value.kind, value.value) && (
                  <MapButton
                    profileId={profileId}
                    value={{ kind: value.kind, value: value.value, from: value.from }}
                    mappings={mappings}
                    onSaved={replan}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
