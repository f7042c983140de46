import { findDirectionConflicts, findOptionConflicts } from '../../../../shared/settings/options.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { selectedProfile, useProfilesStore } from '../../stores/useProfilesStore.ts';
import { isDraftDirty, useSettingsStore } from '../../stores/useSettingsStore.ts';
import { DirectionAdviceBox } from './DirectionAdviceBox.tsx';
import { MetricFieldsEditor } from './MetricFieldsEditor.tsx';
import { OptionSwitches } from './OptionSwitches.tsx';
import { SourceOfTruthChoice } from './SourceOfTruthChoice.tsx';

/** Options: source of truth, the five switches, the direction's needs, daily run time, the candidate metrics' ChartHop fields; Save / Discard. */
export function OptionsPage() {
  const profile = useProfilesStore((s) => selectedProfile(s.view));
  const saved = useSettingsStore((s) => s.saved);
  const draft = useSettingsStore((s) => s.draft);
  const loadError = useSettingsStore((s) => s.loadError);
  const saving = useSettingsStore((s) => s.saving);
  const saveError = useSettingsStore((s) => s.saveError);
  const { editDraft, setOption, discard, saveDraft } = useSettingsStore.getState();

  if (loadError) return <div className="page"><ErrorNote error={loadError} /></div>;
  if (!draft || !saved) return <div className="page"><p className="loading">Loading the options…</p></div>;

  const dirty = isDraftDirty(saved, draft);
  const conflicts = findOptionConflicts(draft.options);
  // Main refuses to save options that contradict the source of truth; say so here, before Save.
  const contradictions = findDirectionConflicts(draft.sourceOfTruth, draft.options);
  const blocked = contradictions.length > 0;

  return (
    <form
      className="page page-with-savebar"
      aria-label={`Options for ${profile?.name ?? 'this profile'}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!blocked) void saveDraft();
      }}
    >
      <p className="page-intro">
        How requisitions flow between ChartHop and Lever for <strong>{profile?.name}</strong>. Changes take effect when you save.
      </p>

      <SourceOfTruthChoice value={draft.sourceOfTruth} onChange={(sourceOfTruth) => editDraft({ sourceOfTruth })} />

      <div className="options-columns">
        <div>
          <OptionSwitches flags={draft.options} onChange={setOption} />
          <div className="field field-inline">
            <label htmlFor="daily-run-time">Daily run time</label>
            <input id="daily-run-time" type="time" className="input input-time" value={draft.dailyRunTime} required aria-describedby="daily-run-time-hint" onChange={(event) => editDraft({ dailyRunTime: event.target.value })} />
            <p className="field-hint" id="daily-run-time-hint">
              Local time on this computer, used when Run Daily is on. A laptop that slept through it runs when it wakes.
            </p>
          </div>
        </div>
        <DirectionAdviceBox sourceOfTruth={draft.sourceOfTruth} flags={draft.options} onApply={(options) => editDraft({ options })} />
      </div>

      {blocked && (
        <div className="note note-warn" role="alert" data-testid="direction-conflicts">
          <p><strong>These options contradict the source of truth, so they cannot be saved yet:</strong></p>
          <ul>
            {contradictions.map((conflict) => <li key={conflict.key}>{conflict.message}</li>)}
          </ul>
        </div>
      )}

      <MetricFieldsEditor fields={draft.metricFields} onChange={(metricFields) => editDraft({ metricFields })} />

      {conflicts.map((conflict) => (
        <p key={`${conflict.a}-${conflict.b}`} className="note note-warn" role="alert">{conflict.message}</p>
      ))}

      <div className={dirty ? 'savebar savebar-dirty' : 'savebar'} role="region" aria-label="Save options">
        <ErrorNote error={saveError} />
        <p className="savebar-state" role="status" data-testid="save-state">
          {saving ? 'Saving…' : dirty && blocked ? 'Unsaved: fix the options that contradict the source of truth first.' : dirty ? 'You have unsaved changes.' : 'All changes saved.'}
        </p>
        <div className="savebar-actions">
          <button type="button" className="button" disabled={!dirty || saving} onClick={discard}>
            Discard
          </button>
          <button type="submit" className="button button-primary" disabled={!dirty || saving || blocked}>
            Save
          </button>
        </div>
      </div>
    </form>
  );
}
