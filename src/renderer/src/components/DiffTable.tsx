import type { FieldDiff } from '../../../shared/api/sync-views.ts';

/** Props of a before → after diff. */
export interface DiffTableProps {
  diff: readonly FieldDiff[];
  /** Column heads, e.g. "Lever now" / "After apply". */
  beforeLabel?: string;
  afterLabel?: string;
  caption: string;
}

function Value({ value }: { value: string | null }) {
  return value === null || value === '' ? <span className="diff-empty">—</span> : <>{value}</>;
}

/** A record's fields in two columns, before → after, with the changed values highlighted. */
export function DiffTable({ diff, beforeLabel = 'Before', afterLabel = 'After', caption }: DiffTableProps) {
  if (diff.length === 0) return <p className="field-hint">No field changes for this record.</p>;
  return (
    <table className="diff-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">{beforeLabel}</th>
          <th scope="col" aria-hidden="true" className="diff-arrow-col" />
          <th scope="col">{afterLabel}</th>
        </tr>
      </thead>
      <tbody>
        {diff.map((field) => {
          const changed = field.before !== field.after;
          return (
            <tr key={field.field} className={changed ? 'diff-changed' : 'diff-same'} data-changed={changed}>
              <th scope="row">
                {field.label}
                {changed && <span className="visually-hidden"> (changed)</span>}
              </th>
              <td className="diff-before">
                <Value value={field.before} />
              </td>
              <td className="diff-arrow" aria-hidden="true">
                →
              </td>
              <td className="diff-after">
                <Value value={field.after} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
