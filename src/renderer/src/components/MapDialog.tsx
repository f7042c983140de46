import { useEffect, useId, useRef, useState } from 'react';
import type { CounterpartChoice, MappableValue } from '../../../shared/api/mapping-views.ts';
import { MAPPING_KIND_WORDS, mappingPair } from '../../../shared/settings/mapping-edits.ts';
import { withArticle } from '../lib/wording.ts';
import { SYSTEM_NAMES, filterCounterparts, otherSide, rankCounterparts, replacedMapping } from '../lib/mapping-choice.ts';
import { useHomeStore } from '../stores/useHomeStore.ts';
import { useMapStore } from '../stores/useMapStore.ts';
import { useSettingsStore } from '../stores/useSettingsStore.ts';
import { ErrorNote } from './ErrorNote.tsx';

const LIST_SIZE = 8;

/** A choice as the list shows it: "Nora Edwards — nedwards@northwind.example". */
function choiceText(choice: CounterpartChoice): string {
  return choice.detail && choice.detail !== choice.label ? `${choice.label} — ${choice.detail}` : choice.label;
}

/** The profile's saved mappings, from the settings of the selected profile or Home's overview of another one. */
function useMappings(profileId: string | null) {
  const selected = useSettingsStore((s) => (s.saved && s.saved.id === profileId ? s.saved.mappings : null));
  const other = useHomeStore((s) => (profileId ? (s.overviews[profileId]?.settings?.mappings ?? null) : null));
  return selected ?? other;
}

/** The dialog's form for one value: the value as found, and its counterpart picked from the other system's list. */
function MapForm({ value }: { value: MappableValue }) {
  const profileId = useMapStore((s) => s.profileId);
  const list = useMapStore((s) => s.list);
  const loading = useMapStore((s) => s.loading);
  const loadError = useMapStore((s) => s.loadError);
  const saving = useMapStore((s) => s.saving);
  const saveError = useMapStore((s) => s.saveError);
  const { save, close, reload } = useMapStore.getState();
  const mappings = useMappings(profileId);
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState('');
  const ids = { source: useId(), search: useId(), list: useId() };
  const word = MAPPING_KIND_WORDS[value.kind];
  const from = SYSTEM_NAMES[value.from];
  const other = SYSTEM_NAMES[otherSide(value.from)];
  const shown = list ? filterCounterparts(rankCounterparts(value.value, list.choices), search) : [];
  const replaced = picked && mappings ? replacedMapping(mappings, value, picked) : null;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (picked) void save(picked);
      }}
    >
      <p className="field-hint">
        Records with this value are skipped until it has a counterpart in {other}. Saving adds the mapping to the profile’s value mappings
        (Setup → Value mappings) and plans again.
      </p>
      <div className="field">
        <label htmlFor={ids.source}>
          {from} {word}
        </label>
        <input id={ids.source} className="input" readOnly value={value.value} />
      </div>
      <div className="field">
        <label htmlFor={ids.search}>
          Find the {other} {word}
        </label>
        <input
          id={ids.search}
          className="input"
          type="search"
          placeholder={value.kind === 'user' ? 'Name or email' : 'Name'}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {loading && (
        <p className="loading" role="status">
          Reading {other}’s {word === 'employment type' ? 'employment types' : `${word}s`}…
        </p>
      )}
      {loadError && (
        <>
          <ErrorNote error={loadError} />
          <button type="button" className="button button-small" onClick={() => void reload()}>
            Try again
          </button>
        </>
      )}
      {list && (
        <div className="field">
          <label htmlFor={ids.list}>
            {other} {word}
          </label>
          {list.choices.length === 0 ? (
            <p className="empty-inline">
              {other} has no {word} to pick. Add it in {other} first, or type the mapping in Setup → Value mappings.
            </p>
          ) : (
            <select
              id={ids.list}
              className="input map-choices"
              size={LIST_SIZE}
              value={picked}
              onChange={(event) => setPicked(event.target.value)}
            >
              {/* Holds the empty value, so nothing looks picked before the consultant picks (React would select the first choice). */}
              <option value="" disabled hidden />
              {shown.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choiceText(choice)}
                </option>
              ))}
            </select>
          )}
          {list.choices.length > 0 && shown.length === 0 && (
            <p className="field-hint">
              No {other} {word} matches “{search}”.
            </p>
          )}
          {list.note && <p className="field-hint">{list.note}</p>}
        </div>
      )}
      {replaced && (
        <p className="note note-warn" data-testid="map-replaces">
          ChartHop’s “{mappingPair(value, picked).charthop}” maps to Lever’s “{replaced}” now; saving maps it to “
          {mappingPair(value, picked).lever}” instead.
        </p>
      )}
      <ErrorNote error={saveError} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={!picked || saving}>
          {saving ? 'Saving…' : 'Save mapping'}
        </button>
      </div>
    </form>
  );
}

/** Map…: a small modal that maps one unmapped value to its counterpart picked from the other system's list. */
export function MapDialog() {
  const value = useMapStore((s) => s.value);
  const profileId = useMapStore((s) => s.profileId);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (value && !dialog.open) {
      dialog.showModal();
      // The value found is read-only: start in the search box.
      dialog.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
    } else if (!value && dialog.open) dialog.close();
  }, [value]);

  return (
    <dialog
      ref={ref}
      className="dialog dialog-wide map-dialog"
      aria-labelledby={titleId}
      data-testid="map-dialog"
      onCancel={(event) => {
        event.preventDefault();
        useMapStore.getState().close();
      }}
    >
      {value && (
        <>
          <h2 id={titleId}>Map {withArticle(`${SYSTEM_NAMES[value.from]} ${MAPPING_KIND_WORDS[value.kind]}`)}</h2>
          <MapForm key={`${profileId ?? ''}\u0000${value.kind}\u0000${value.value}`} value={value} />
        </>
      )}
    </dialog>
  );
}
