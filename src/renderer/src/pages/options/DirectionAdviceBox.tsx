import type { OptionFlags, OptionKey, SourceOfTruth } from '../../../../shared/settings/options.ts';
import { optionLabel, directionAdvice } from '../../../../shared/settings/options.ts';
import { listAnd } from '../../lib/wording.ts';

/** What each direction switches on, and what must be off beside it. */
const REQUIRED_FLAGS: Record<SourceOfTruth, { on: OptionKey; off: OptionKey[] }> = {
  charthop: { on: 'syncOnChange', off: ['reverseSync'] },
  lever: { on: 'reverseSync', off: ['syncOnChange', 'reconciliation'] },
};

const TITLES: Record<SourceOfTruth, string> = {
  charthop: 'Outbound: ChartHop → Lever',
  lever: 'Inbound: Lever → ChartHop',
};

/** The options a direction needs: the required one switched on and those it excludes switched off. */
export function requiredFlags(sourceOfTruth: SourceOfTruth, flags: OptionFlags): OptionFlags {
  const rule = REQUIRED_FLAGS[sourceOfTruth];
  const next = { ...flags, [rule.on]: true };
  for (const key of rule.off) next[key] = false;
  return next;
}

/** The box of what the chosen direction requires and recommends, ticked when met, with a one-click fix. */
export function DirectionAdviceBox({
  sourceOfTruth,
  flags,
  onApply,
}: {
  sourceOfTruth: SourceOfTruth;
  flags: OptionFlags;
  onApply: (flags: OptionFlags) => void;
}) {
  const advice = directionAdvice(sourceOfTruth, flags);
  const missing = advice.filter((item) => item.kind === 'required' && !item.met);
  const rule = REQUIRED_FLAGS[sourceOfTruth];
  const turnsOff = rule.off.filter((key) => flags[key]).map((key) => optionLabel(key));

  return (
    <section className="advice" aria-labelledby="advice-title" data-testid="direction-advice">
      <h2 id="advice-title" className="section-title">
        {TITLES[sourceOfTruth]}
      </h2>
      <p className="section-hint">What this direction requires and recommends.</p>
      <ul className="advice-list">
        {advice.map((item) => (
          <li key={item.label} className={item.met ? 'advice-item advice-met' : `advice-item advice-unmet advice-${item.kind}`}>
            <span className="advice-mark" aria-hidden="true">
              {item.met ? '✓' : item.kind === 'required' ? '!' : '○'}
            </span>
            <span className="advice-label">{item.label}</span>
            <span className="advice-kind">{item.kind === 'required' ? 'Required' : 'Recommended'}</span>
            <span className="visually-hidden">{item.met ? ', met' : ', not met'}</span>
          </li>
        ))}
      </ul>
      {missing.length > 0 ? (
        <div className="advice-fix">
          <button type="button" className="button" onClick={() => onApply(requiredFlags(sourceOfTruth, flags))}>
            Turn on {optionLabel(rule.on)}
          </button>
          {turnsOff.length > 0 && <p className="section-hint">This also turns off {listAnd(turnsOff)}, which cannot be on with it.</p>}
        </div>
      ) : (
        <p className="advice-ok">Everything this direction requires is on.</p>
      )}
    </section>
  );
}
