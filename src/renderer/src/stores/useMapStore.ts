/**
 * The Map… dialog: which unmapped value of which profile it maps, the other system's values read
 * through `mappings:counterparts`, and the save through `mappings:set`. What happens after a save
 * (Reconcile re-plans) is the opener's `onSaved`; every other place follows `settings:changed`.
 */
import { create } from 'zustand';
import type { CounterpartList, MappableValue } from '../../../shared/api/mapping-views.ts';
import { mappingPair } from '../../../shared/settings/mapping-edits.ts';
import { call } from '../bridge/bridge.ts';
import type { UiError } from '../bridge/ui-error.ts';
import { toUiError } from '../bridge/ui-error.ts';
import { otherSide } from '../lib/mapping-choice.ts';

interface MapState {
  profileId: string | null;
  /** The value being mapped; null while the dialog is closed. */
  value: MappableValue | null;
  list: CounterpartList | null;
  loading: boolean;
  loadError: UiError | null;
  saving: boolean;
  saveError: UiError | null;
  onSaved: (() => void) | null;
  /** Open the dialog for a value and read the other system's list. */
  open: (profileId: string, value: MappableValue, onSaved?: () => void) => Promise<void>;
  /** Read the list again (after an error). */
  reload: () => Promise<void>;
  /** Store the value ↔ `counterpart` mapping; closes the dialog and calls `onSaved` when stored. */
  save: (counterpart: string) => Promise<void>;
  close: () => void;
}

/** State of the one Map… dialog of the window. */
export const useMapStore = create<MapState>((set, get) => ({
  profileId: null,
  value: null,
  list: null,
  loading: false,
  loadError: null,
  saving: false,
  saveError: null,
  onSaved: null,
  open: async (profileId, value, onSaved) => {
    set({ profileId, value, list: null, loadError: null, saving: false, saveError: null, onSaved: onSaved ?? null });
    await get().reload();
  },
  reload: async () => {
    const { profileId, value } = get();
    if (!profileId || !value) return;
    set({ loading: true, loadError: null });
    try {
      const list = await call('mappings:counterparts', { profileId, kind: value.kind, system: otherSide(value.from) });
      if (get().value === value) set({ list, loading: false });
    } catch (error) {
      if (get().value === value) set({ loadError: toUiError(error), loading: false });
    }
  },
  save: async (counterpart) => {
    const { profileId, value, onSaved } = get();
    if (!profileId || !value || get().saving) return;
    set({ saving: true, saveError: null });
    try {
      await call('mappings:set', { profileId, kind: value.kind, ...mappingPair(value, counterpart) });
      set({ value: null, list: null, saving: false, onSaved: null });
      onSaved?.();
    } catch (error) {
      set({ saving: false, saveError: toUiError(error) });
    }
  },
  close: () => {
    if (!get().saving) set({ value: null, list: null, loadError: null, saveError: null, onSaved: null });
  },
}));
