import { useState } from 'react';
import type { DoctorCheck } from '../../../../shared/api/doctor-views.ts';
import { MapButton } from '../../components/MapButton.tsx';
import { DOCTOR_STATUS_LABELS } from '../../lib/doctor-summary.ts';
import { useSettingsStore } from '../../stores/useSettingsStore.ts';

const ICONS = { pass: '✓', warn: '!', fail: '✕', unverified: '?' } as const;
const SHORT_LIST = 5;

/**
 * One check of the report: coloured by status, its detail, its fix, and its list of offending values (collapsed when long),
 * each with Map… when a mapping fixes it.
 */
export function DoctorCheckRow({ profileId, check }: { profileId: string; check: DoctorCheck }) {
  const [showAll, setShowAll] = useState(false);
  const mappings = useSettingsStore((s) => (s.saved && s.saved.id === profileId ? s.saved.mappings : null));
  const items = check.items ?? [];
  const long = items.length > SHORT_LIST;
  const shown = long && !showAll ? items.slice(0, SHORT_LIST) : items;
  const listId = `check-items-${check.id}`;
  return (
    <li className={`check check-${check.status}`} data-testid="doctor-check" data-check={check.id} data-status={check.status}>
      <span className="check-icon" aria-hidden="true">
        {ICONS[check.status]}
      </span>
      <div className="check-body">
        <div className="check-head">
          <span className="check-title">{check.title}</span>
          <span className={`check-status check-status-${check.status}`}>{DOCTOR_STATUS_LABELS[check.status]}</span>
        </div>
        <p className="check-detail">{check.detail}</p>
        {check.fix && check.status !== 'pass' && (
          <p className="check-fix">
            <strong>Fix:</strong> {check.fix}
          </p>
        )}
        {items.length > 0 && (
          <>
            <ul className="check-items" id={listId}>
              {shown.map((item, index) => {
                const value = check.status === 'pass' ? null : check.mappable?.[index];
                return (
                  <li key={item}>
                    {item}
                    {value && (
                      <>
                        {' '}
                        <MapButton profileId={profileId} value={value} mappings={mappings} />
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
            {long && (
              <button
                type="button"
                className="link-button"
                aria-expanded={showAll}
                aria-controls={listId}
                onClick={() => setShowAll(!showAll)}
              >
                {showAll ? 'Show fewer' : `Show all ${items.length}`}
              </button>
            )}
          </>
        )}
      </div>
    </li>
  );
}
