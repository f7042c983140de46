import { useState } from 'react';
import type { ProfileSettings } from '../../../../shared/settings/schema.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useSettingsSave } from '../../lib/use-settings-save.ts';
import { withArticle } from '../../lib/wording.ts';
import { useUnsavedForm } from '../../stores/useUnsavedStore.ts';

type Mappings = ProfileSettings['mappings'];
type Kind = keyof Mappings;
type Rows = Record<Kind, Array<{ from: string; to: string }>>;

const KINDS: ReadonlyArray<{ kind: Kind; label: string; one: string; from: string; to: string }> = [
  { kind: 'departments', label: 'Departments', one: 'department', from: 'ChartHop department', to: 'Lever department' },
  { kind: 'teams', label: 'Teams', one: 'team', from: 'ChartHop team', to: 'Lever team' },
  { kind: 'locations', label: 'Locations', one: 'location', from: 'ChartHop location', to: 'Lever location' },
  {
    kind: 'employmentTypes',
    label: 'Employment types',
    one: 'employment type',
    from: 'ChartHop employment',
    to: 'Lever employment status',
  },
  { kind: 'users', label: 'Users', one: 'user', from: 'ChartHop email', to: 'Lever email' },
];

function rowsOf(mappings: Mappings): Rows {
  const rows = {} as Rows;
  for (const { kind } of KINDS) rows[kind] = Object.entries(mappings[kind]).map(([from, to]) => ({ from, to }));
  return rows;
}

function mappingsOf(rows: Rows): Mappings {
  const mappings = {} as Mappings;
  for (const { kind } of KINDS)
    mappings[kind] = Object.fromEntries(
      rows[kind].filter((row) => row.from.trim() && row.to.trim()).map((row) => [row.from.trim(), row.to.trim()]),
    );
  return mappings;
}

/** The profile's value mappings (ChartHop value → Lever value) where names differ; saved through `settings:update`. */
export function MappingsEditor({ settings }: { settings: ProfileSettings }) {
  const [rows, setRows] = useState<Rows>(() => rowsOf(settings.mappings));
  const { busy, error, saved, save, edited, dismissError } = useSettingsSave();
  // Follow saved changes (ours or another window's) unless the consultant is mid-edit.
  const incoming = JSON.stringify(settings.mappings);
  const [basis, setBasis] = useState(incoming);
  const dirty = JSON.stringify(mappingsOf(rows)) !== JSON.stringify(mappingsOf(rowsOf(JSON.parse(basis) as Mappings)));
  useUnsavedForm('setup-mappings', 'the value mappings in Setup', dirty);
  if (incoming !== basis) {
    setBasis(incoming);
    if (!dirty || JSON.stringify(mappingsOf(rows)) === incoming) setRows(rowsOf(settings.mappings));
  }
  const edit = (kind: Kind, next: Rows[Kind]) => {
    setRows({ ...rows, [kind]: next });
    edited();
  };

  return (
    <form
      id="mappings"
      className="subsection"
      aria-labelledby="mappings-title"
      onSubmit={(event) => {
        event.preventDefault();
        void save({ mappings: mappingsOf(rows) });
      }}
    >
      <h3 id="mappings-title" className="subsection-title">
        Value mappings
      </h3>
      <p className="field-hint">
        Where the two systems name the same thing differently, map the ChartHop value to the Lever one. Check connection and Reconcile list
        the values that have no counterpart; records using them are skipped until they are mapped.
      </p>
      {KINDS.map(({ kind, label, one, from, to }) => (
        <details key={kind} className="mapping-kind" open={rows[kind].length > 0}>
          <summary>
            {label} ({rows[kind].filter((row) => row.from.trim()).length})
          </summary>
          {rows[kind].map((row, index) => (
            <div key={index} className="mapping-row">
              <input
                className="input"
                aria-label={`${from} ${index + 1}`}
                placeholder={from}
                value={row.from}
                onChange={(event) =>
                  edit(
                    kind,
                    rows[kind].map((r, i) => (i === index ? { ...r, from: event.target.value } : r)),
                  )
                }
              />
              <span aria-hidden="true">→</span>
              <input
                className="input"
                aria-label={`${to} ${index + 1}`}
                placeholder={to}
                value={row.to}
                onChange={(event) =>
                  edit(
                    kind,
                    rows[kind].map((r, i) => (i === index ? { ...r, to: event.target.value } : r)),
                  )
                }
              />
              <button
                type="button"
                className="button button-small button-quiet"
                aria-label={`Remove ${label.toLowerCase()} mapping ${index + 1}`}
                onClick={() =>
                  edit(
                    kind,
                    rows[kind].filter((_, i) => i !== index),
                  )
                }
              >
                Remove
              </button>
            </div>
          ))}
          <button type="button" className="button button-small" onClick={() => edit(kind, [...rows[kind], { from: '', to: '' }])}>
            Add {withArticle(`${one} mapping`)}
          </button>
        </details>
      ))}
      <ErrorNote error={error} onDismiss={dismissError} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={!dirty || busy}>
          Save mappings
        </button>
        <span className="form-state" role="status">
          {dirty ? 'Unsaved changes' : saved ? 'Saved' : ''}
        </span>
      </div>
    </form>
  );
}
