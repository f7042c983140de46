import type { MetricFieldCodes, MetricKey } from '../../../../shared/settings/schema.ts';
import {
  BUILT_IN_METRIC_FIELDS,
  METRIC_KEYS,
  METRIC_LABELS,
  metricFieldsSchema,
  usesBuiltInMetricFields,
} from '../../../../shared/settings/schema.ts';

/** What each number counts, in a consultant's words. */
const WHAT: Record<MetricKey, string> = {
  active: 'Candidates on the job’s postings who are not archived.',
  interview: 'Active candidates in an interview stage (interview, screen, onsite, panel or assessment).',
  activeOffers: 'Active candidates whose latest offer is out (approved, sent, opened or signed).',
  totalOffers: 'Candidates ever extended an offer, archived ones included.',
};

/** The first problem the settings schema finds with each code (the same rules main applies on save). */
function problemsOf(fields: MetricFieldCodes): Partial<Record<MetricKey, string>> {
  const parsed = metricFieldsSchema.safeParse(fields);
  const problems: Partial<Record<MetricKey, string>> = {};
  for (const issue of parsed.error?.issues ?? []) {
    const key = issue.path[0] as MetricKey | undefined;
    if (key && !problems[key]) problems[key] = issue.message;
  }
  return problems;
}

/**
 * The ChartHop job fields the four candidate metrics are written to: one code per number, the built-in
 * field named under each, and a reset to the built-in fields. Part of the Options draft (saved with Save).
 */
export function MetricFieldsEditor({ fields, onChange }: { fields: MetricFieldCodes; onChange: (fields: MetricFieldCodes) => void }) {
  const problems = problemsOf(fields);
  const builtIn = usesBuiltInMetricFields(fields);

  return (
    <section className="metric-fields" aria-labelledby="metric-fields-title" data-testid="metric-fields">
      <h2 id="metric-fields-title" className="section-title">
        Candidate metrics in ChartHop
      </h2>
      <p className="section-hint">
        ReqBridge counts each linked job’s candidates in Lever and writes four numbers to the ChartHop job — daily with Run Daily, and
        whenever you pull candidate metrics — only when one has changed. By default they go to ChartHop’s built-in fields; if the client
        keeps them in custom fields, enter each field’s code as ChartHop shows it (not its label). Check connection confirms that the fields
        exist.
      </p>
      <div className="metric-fields-grid">
        {METRIC_KEYS.map((key) => {
          const id = `metric-field-${key}`;
          const problem = problems[key];
          return (
            <div key={key} className="field" data-metric={key}>
              <label htmlFor={id}>{METRIC_LABELS[key]}</label>
              <input
                id={id}
                className="input"
                value={fields[key]}
                placeholder={BUILT_IN_METRIC_FIELDS[key]}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-problem ${id}-hint` : `${id}-hint`}
                onChange={(event) => onChange({ ...fields, [key]: event.target.value })}
              />
              <p className="field-hint" id={`${id}-hint`}>
                {WHAT[key]} Built-in field: <code>{BUILT_IN_METRIC_FIELDS[key]}</code>.
              </p>
              {problem && (
                <p className="field-problem" id={`${id}-problem`} data-testid={`${id}-problem`}>
                  {problem}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <div className="form-actions">
        <button type="button" className="button button-small" disabled={builtIn} onClick={() => onChange({ ...BUILT_IN_METRIC_FIELDS })}>
          Use the built-in fields
        </button>
        <span className="form-state">{builtIn ? 'Using ChartHop’s built-in fields.' : 'Using custom fields.'}</span>
      </div>
    </section>
  );
}
