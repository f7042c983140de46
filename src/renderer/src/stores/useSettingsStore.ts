/**
 * The selected profile's settings: what is saved, and the Options page's draft
 * (source of truth, the five options, daily run time, Sync On Change's poll
 * interval, the ChartHop fields of the candidate metrics) until Save or Discard.
 */
import { create } from 'zustand';
import type { SettingsPatch } from '../../../shared/api/contract.ts';
import type { OptionKey, OptionFlags, SourceOfTruth } from '../../../shared/settings/options.ts';
import type { MetricFieldCodes, ProfileSettings } from '../../../shared/settings/schema.ts';
import { call } from '../bridge/bridge.ts';
import type { UiError } from '../bridge/ui-error.ts';
import { toUiError } from '../bridge/ui-error.ts';

/** The part of a profile the Options page edits. */
export interface OptionsDraft {
  sourceOfTruth: SourceOfTruth;
  options: OptionFlags;
  dailyRunTime: string;
  /** Seconds between two checks of ChartHop for changes (NaN while the field is empty). */
  syncOnChangeIntervalSeconds: number;
  metricFields: MetricFieldCodes;
}

interface SettingsState {
  profileId: string | null;
  saved: ProfileSettings | null;
  draft: OptionsDraft | null;
  loadError: UiError | null;
  saving: boolean;
  saveError: UiError | null;
  /** Load a profile's settings, dropping any draft of another profile. */
  load: (profileId: string) => Promise<void>;
  /** Re-read the saved settings (after `settings:changed`); keeps an unsaved draft. */
  refresh: () => Promise<void>;
  editDraft: (patch: Partial<OptionsDraft>) => void;
  setOption: (key: OptionKey, on: boolean) => void;
  discard: () => void;
  /** Save the draft through `settings:update`; false (with saveError set) when refused. */
  saveDraft: () => Promise<boolean>;
  /** Save any other part of the settings (Setup's connection form); throws UiError. */
  update: (patch: SettingsPatch) => Promise<ProfileSettings>;
}

/** The Options draft of a saved profile. */
export function draftOf(settings: ProfileSettings): OptionsDraft {
  return {
    sourceOfTruth: settings.sourceOfTruth,
    options: { ...settings.options },
    dailyRunTime: settings.dailyRunTime,
    syncOnChangeIntervalSeconds: settings.syncOnChangeIntervalSeconds,
    metricFields: { ...settings.metricFields },
  };
}

/** True when the draft differs from what is saved. */
export function isDraftDirty(saved: ProfileSettings | null, draft: OptionsDraft | null): boolean {
  if (!saved || !draft) return false;
  return JSON.stringify(draftOf(saved)) !== JSON.stringify(draft);
}

/** The selected profile's settings and the Options draft. */
export const useSettingsStore = create<SettingsState>((set, get) => ({
  profileId: null,
  saved: null,
  draft: null,
  loadError: null,
  saving: false,
  saveError: null,
  load: async (profileId) => {
    set({ profileId, saved: null, draft: null, loadError: null, saveError: null });
    try {
      const saved = await call('settings:get', { profileId });
      if (get().profileId === profileId) set({ saved, draft: draftOf(saved) });
    } catch (error) {
      if (get().profileId === profileId) set({ loadError: toUiError(error) });
    }
  },
  refresh: async () => {
    const { profileId } = get();
    if (!profileId) return;
    try {
      const saved = await call('settings:get', { profileId });
      if (get().profileId !== profileId) return;
      const keepDraft = isDraftDirty(get().saved, get().draft);
      set({ saved, draft: keepDraft ? get().draft : draftOf(saved), loadError: null });
    } catch (error) {
      if (get().profileId === profileId) set({ loadError: toUiError(error) });
    }
  },
  editDraft: (patch) => {
    const { draft } = get();
    if (draft) set({ draft: { ...draft, ...patch }, saveError: null });
  },
  setOption: (key, on) => {
    const { draft } = get();
    if (draft) set({ draft: { ...draft, options: { ...draft.options, [key]: on } }, saveError: null });
  },
  discard: () => {
    const { saved } = get();
    if (saved) set({ draft: draftOf(saved), saveError: null });
  },
  saveDraft: async () => {
    const { profileId, draft } = get();
    if (!profileId || !draft) return false;
    set({ saving: true, saveError: null });
    try {
      const saved = await call('settings:update', { profileId, patch: { ...draft } });
      if (get().profileId === profileId) set({ saved, draft: draftOf(saved), saving: false });
      return true;
    } catch (error) {
      set({ saving: false, saveError: toUiError(error) });
      return false;
    }
  },
  update: async (patch) => {
    const { profileId } = get();
    if (!profileId) throw toUiError(null);
    const saved = await call('settings:update', { profileId, patch: { ...patch } });
    if (get().profileId === profileId) set({ saved, draft: isDraftDirty(get().saved, get().draft) ? get().draft : draftOf(saved) });
    return saved;
  },
}));
