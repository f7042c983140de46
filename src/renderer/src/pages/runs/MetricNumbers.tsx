import type { RunItemView } from '../../../../shared/api/sync-views.ts';
import { daysOpen, metricNumbers } from '../../lib/metrics-format.ts';
import { plural } from '../../lib/wording.ts';

function Value({ value }: { value: string | null }) {
  return value === null ? (
    <span className="diff-empty" title="No value">
      —
    </span>
  ) : (
    <>{value}</>
  );
}

/** A metrics item's four numbers side by side, before → after where they changed, and the days the job has been open. */
export function MetricNumbers({ item }: { item: RunItemView }) {
  const numbers = metricNumbers(item);
  const open = daysOpen(item.reasonText);
  return (
    <dl className="metric-numbers" data-testid="metric-numbers" aria-label={`Candidate numbers of ${item.title}`}>
      {numbers.map((number) => (
        <div
          key={number.field}
          className={number.changed ? 'metric metric-changed' : 'metric'}
          data-field={number.field}
          data-changed={number.changed}
        >
          <dt>{number.label}</dt>
          <dd>
            {number.changed ? (
              <>
                <span className={number.before === null ? 'metric-before' : 'metric-before metric-struck'}>
                  <Value value={number.before} />
                </span>
                <span aria-label="changed to"> → </span>
                <strong className="metric-after">
                  <Value value={number.after} />
                </strong>
              </>
            ) : (
              <>
                <Value value={number.after} />
                {number.after !== null && <span className="visually-hidden"> (unchanged)</span>}
              </>
            )}
          </dd>
        </div>
      ))}
      {open !== null && (
        <div className="metric metric-days">
          <dt>Open</dt>
          <dd>{plural(open, 'day')}</dd>
        </div>
      )}
    </dl>
  );
}
