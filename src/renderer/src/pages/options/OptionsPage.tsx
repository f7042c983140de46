import type { DirectionConflict } from '../../../../shared/settings/options.ts';
import { optionLabel, findDirectionConflicts, findOptionConflicts } from '../../../../shared/settings/options.ts';
import { useRef } from 'react';
import { listAnd } from '../../lib/wording.ts';
import { useSavebarPadding } from '../../lib/use-savebar-padding.ts';
import { SYNC_ON_CHANGE_INTERVAL_SECONDS, syncOnChangeIntervalSchema } from '../../../../shared/settings/schema.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { selectedProfile, useProfilesStore } from '../../stores/useProfilesStore.ts';
import { isDraftDirty, useSettingsStore } from '../../stores/useSettingsStore.ts';
import { DirectionAdviceBox } from './DirectionAdviceBox.tsx';
import { MetricFieldsEditor } from './MetricFieldsEditor.tsx';
import { OptionSwitches } from './OptionSwitches.tsx';
import { SourceOfTruthChoice } from './SourceOfTruthChoice.tsx';

/** The save bar's state while options contradict the source of truth: which ones, so the fix is one look away. */
function blockedState(contradictions: readonly DirectionConflict[]): string {
  const names = contradictions.map((conflict) => optionLabel(conflict.key));
  return `Unsaved: ${listAnd(names)} ${names.length === 1 ? 'contradicts' : 'contradict'} the source of truth — fix ${names.length === 1 ? 'it' : 'them'} first (see beside each switch).`;
}

/** Options: source of truth, the five switches, the direction's needs, daily run time, Sync On Change's interval, the candidate metrics' ChartHop fields; Save / Discard. */
export function OptionsPage() {
  const profile = useProfilesStore((s) => selectedProfile(s.view));
  const saved = useSettingsStore((s) => s.saved);
  const draft = useSettingsStore((s) => s.draft);
  const loadError = useSettingsStore((s) => s.loadError);
  const saving = useSettingsStore((s) => s.saving);
  const saveError = useSettingsStore((s) => s.saveError);
  const { editDraft, setOption, discard, saveDraft } = useSettingsStore.getState();
  const savebar = useRef<HTMLDivElement>(null);
  useSavebarPadding(savebar, draft !== null && saved !== null);

  if (loadError)
    return (
      <div className="page">
        <ErrorNote error={loadError} />
      </div>
    );
  if (!draft || !saved)
    return (
      <div className="page">
        <p className="loading">Loading the options…</p>
      </div>
    );

  const dirty = isDraftDirty(saved, draft);
  const conflicts = findOptionConflicts(draft.options);
  // Main refuses to save options that contradict the source of truth; say so here, before Save.
  const contradictions = findDirectionConflicts(draft.sourceOfTruth, draft.options);
  const blocked = contradictions.length > 0;
  // Checked as typed with the schema main saves with (as the metric fields are); main refuses it on Save too.
  const intervalError = syncOnChangeIntervalSchema.safeParse(draft.syncOnChangeIntervalSeconds).error?.issues[0]?.message ?? null;

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
          <OptionSwitches flags={draft.options} contradictions={contradictions} onChange={setOption} />
          <div className="field field-inline">
            <label htmlFor="daily-run-time">Daily run time</label>
            <input
              id="daily-run-time"
              type="time"
              className="input input-time"
              value={draft.dailyRunTime}
              required
              aria-describedby="daily-run-time-hint"
              onChange={(event) => editDraft({ dailyRunTime: event.target.value })}
            />
            <p className="field-hint" id="daily-run-time-hint">
              Local time on this computer, used when Run Daily is on. A laptop that slept through it runs when it wakes.
            </p>
          </div>
          {(draft.options.syncOnChange || intervalError) && (
            <div className="field field-inline">
              <label htmlFor="sync-on-change-interval">Check ChartHop for changes every</label>
              <div className="input-with-unit">
                {/* No min/max/required: the browser's own bubble would stop Save; the sentence below says it instead. */}
                <input
                  id="sync-on-change-interval"
                  type="number"
                  inputMode="numeric"
                  className="input input-seconds"
                  value={Number.isNaN(draft.syncOnChangeIntervalSeconds) ? '' : draft.syncOnChangeIntervalSeconds}
                  aria-invalid={intervalError ? true : undefined}
                  aria-describedby={
                    intervalError ? 'sync-on-change-interval-error sync-on-change-interval-hint' : 'sync-on-change-interval-hint'
                  }
                  onChange={(event) => editDraft({ syncOnChangeIntervalSeconds: event.target.valueAsNumber })}
                />
                <span aria-hidden="true">seconds</span>
              </div>
              <p className="field-hint" id="sync-on-change-interval-hint">
                Used by Sync On Change while ReqBridge runs ({SYNC_ON_CHANGE_INTERVAL_SECONDS.min}–{SYNC_ON_CHANGE_INTERVAL_SECONDS.max}{' '}
                seconds, default {SYNC_ON_CHANGE_INTERVAL_SECONDS.default}). While nothing changes it checks less often: every 2 minutes at
                most, or at your interval when it is longer.
              </p>
              {intervalError && (
                <p className="field-problem" id="sync-on-change-interval-error" data-testid="sync-on-change-interval-error">
                  {intervalError}
                </p>
              )}
            </div>
          )}
        </div>
        <DirectionAdviceBox sourceOfTruth={draft.sourceOfTruth} flags={draft.options} onApply={(options) => editDraft({ options })} />
      </div>

      <MetricFieldsEditor fields={draft.metricFields} onChange={(metricFields) => editDraft({ metricFields })} />

      {conflicts.map((conflict) => (
        <p key={`${conflict.a}-${conflict.b}`} className="note note-warn" role="alert">
          {conflict.message}
        </p>
      ))}

      <div ref={savebar} className={dirty ? 'savebar savebar-dirty' : 'savebar'} role="region" aria-label="Save options">
        <ErrorNote error={saveError} />
        <p className="savebar-state" role="status" data-testid="save-state">
          {saving
            ? 'Saving…'
            : dirty && blocked
              ? blockedState(contradictions)
              : dirty
                ? 'You have unsaved changes.'
                : 'All changes saved.'}
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
