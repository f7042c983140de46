import type { OptionFlags, OptionKey } from '../../../../shared/settings/options.ts';
import { OPTION_INFO, OPTION_KEYS, whyOptionDisabled } from '../../../../shared/settings/options.ts';

/** The five options as switches; one excluded by another is disabled and says why, in visible text. */
export function OptionSwitches({ flags, onChange }: { flags: OptionFlags; onChange: (key: OptionKey, on: boolean) => void }) {
  return (
    <fieldset className="switch-list">
      <legend className="section-title">Options</legend>
      {OPTION_KEYS.map((key) => {
        const reason = whyOptionDisabled(key, flags);
        const id = `option-${key}`;
        return (
          <div key={key} className={reason ? 'switch-row switch-row-disabled' : 'switch-row'} data-option={key}>
            <input
              type="checkbox"
              role="switch"
              className="switch"
              id={id}
              checked={flags[key]}
              disabled={reason !== null}
              aria-describedby={reason ? `${id}-why ${id}-text` : `${id}-text`}
              onChange={(event) => onChange(key, event.target.checked)}
            />
            <div className="switch-body">
              <label htmlFor={id} className="switch-label">{OPTION_INFO[key].label}</label>
              <p className="switch-text" id={`${id}-text`}>{OPTION_INFO[key].description}</p>
              {reason && (
                <p className="switch-reason" id={`${id}-why`} data-testid={`${key}-reason`}>
                  {reason}
                </p>
              )}
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
