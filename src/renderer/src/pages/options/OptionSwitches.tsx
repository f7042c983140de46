import type { DirectionConflict, OptionFlags, OptionKey } from '../../../../shared/settings/options.ts';
import { optionLabel, optionInfo, OPTION_KEYS, whyOptionDisabled } from '../../../../shared/settings/options.ts';

/**
 * The five options as switches. One excluded by others is disabled and names every option in its
 * way; one that contradicts the source of truth says so right under it, where the consultant looks.
 */
export function OptionSwitches({
  flags,
  contradictions,
  onChange,
}: {
  flags: OptionFlags;
  contradictions: readonly DirectionConflict[];
  onChange: (key: OptionKey, on: boolean) => void;
}) {
  return (
    <fieldset className="switch-list">
      <legend className="section-title">Options</legend>
      {OPTION_KEYS.map((key) => {
        const reason = whyOptionDisabled(key, flags);
        const contradiction = contradictions.find((conflict) => conflict.key === key)?.message ?? null;
        const id = `option-${key}`;
        const describedBy = [reason ? `${id}-why` : null, contradiction ? `${id}-contradiction` : null, `${id}-text`]
          .filter(Boolean)
          .join(' ');
        return (
          <div key={key} className={reason ? 'switch-row switch-row-disabled' : 'switch-row'} data-option={key}>
            <input
              type="checkbox"
              role="switch"
              className="switch"
              id={id}
              checked={flags[key]}
              disabled={reason !== null}
              aria-describedby={describedBy}
              aria-invalid={contradiction ? true : undefined}
              onChange={(event) => onChange(key, event.target.checked)}
            />
            <div className="switch-body">
              <label htmlFor={id} className="switch-label">
                {optionLabel(key)}
              </label>
              <p className="switch-text" id={`${id}-text`}>
                {optionInfo(key).description}
              </p>
              {reason && (
                <p className="switch-reason" id={`${id}-why`} data-testid={`${key}-reason`}>
                  {reason}
                </p>
              )}
              {contradiction && (
                <p className="switch-contradiction" id={`${id}-contradiction`} data-testid={`${key}-contradiction`}>
                  {contradiction}
                </p>
              )}
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
