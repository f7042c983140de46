import type { SourceOfTruth } from '../../../../shared/settings/options.ts';

const CHOICES: ReadonlyArray<{ value: SourceOfTruth; title: string; flow: string; sentence: string }> = [
  {
    value: 'charthop',
    title: 'ChartHop',
    flow: 'Outbound · ChartHop → Lever',
    sentence: 'ChartHop is the source of truth: open jobs in ChartHop create and update requisitions in Lever.',
  },
  {
    value: 'lever',
    title: 'Lever (remote system)',
    flow: 'Inbound · Lever → ChartHop',
    sentence: 'Lever is the source of truth: requisitions in Lever create and update open jobs in ChartHop.',
  },
];

/** The source of truth as two large radio cards, each with the flow it implies. */
export function SourceOfTruthChoice({ value, onChange }: { value: SourceOfTruth; onChange: (value: SourceOfTruth) => void }) {
  return (
    <fieldset className="choice-group">
      <legend className="section-title">Source of truth</legend>
      <p className="section-hint">
        Which system owns requisition data. It decides the direction of the requisition flow; new hires always flow from Lever into
        ChartHop.
      </p>
      <div className="choice-cards">
        {CHOICES.map((choice) => (
          <label key={choice.value} className={value === choice.value ? 'choice-card choice-card-selected' : 'choice-card'}>
            <input
              type="radio"
              name="sourceOfTruth"
              value={choice.value}
              checked={value === choice.value}
              aria-labelledby={`sot-${choice.value}-title`}
              aria-describedby={`sot-${choice.value}-text`}
              onChange={() => onChange(choice.value)}
            />
            <span className="choice-body">
              <span className="choice-title" id={`sot-${choice.value}-title`}>
                {choice.title}
              </span>
              <span className="choice-flow">{choice.flow}</span>
              <span className="choice-text" id={`sot-${choice.value}-text`}>
                {choice.sentence}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
