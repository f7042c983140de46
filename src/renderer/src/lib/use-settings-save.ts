/** The save state a settings form shows: busy while saving, the error, and "Saved" until the next edit. */
import { useState } from 'react';
import type { ProfileSettingsPatch } from '../../../shared/settings/schema.ts';
import type { UiError } from '../bridge/ui-error.ts';
import { toUiError } from '../bridge/ui-error.ts';
import { useSettingsStore } from '../stores/useSettingsStore.ts';

/** What a form needs to save a patch of the selected profile's settings and say how it went. */
export interface SettingsSave {
  busy: boolean;
  error: UiError | null;
  /** True after a successful save, until `edited()`. */
  saved: boolean;
  save: (patch: ProfileSettingsPatch) => Promise<void>;
  /** Call on every edit: the "Saved" note no longer applies. */
  edited: () => void;
  dismissError: () => void;
}

/** One save state machine for the forms that save part of the settings (connection, mappings, tunnel). */
export function useSettingsSave(): SettingsSave {
  const update = useSettingsStore((s) => s.update);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [saved, setSaved] = useState(false);
  return {
    busy,
    error,
    saved,
    async save(patch) {
      setBusy(true);
      try {
        await update(patch);
        setError(null);
        setSaved(true);
      } catch (thrown) {
        setError(toUiError(thrown));
      } finally {
        setBusy(false);
      }
    },
    edited: () => setSaved(false),
    dismissError: () => setError(null),
  };
}
