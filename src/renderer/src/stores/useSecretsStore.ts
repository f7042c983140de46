/** Secret statuses of the selected profile. Values go in, only status comes back. */
import { create } from 'zustand';
import type { SecretName, SecretStatus } from '../../../shared/secrets/names.ts';
import { call } from '../bridge/bridge.ts';
import type { UiError } from '../bridge/ui-error.ts';
import { toUiError } from '../bridge/ui-error.ts';

interface SecretsState {
  profileId: string | null;
  statuses: Partial<Record<SecretName, SecretStatus>>;
  loadError: UiError | null;
  load: (profileId: string) => Promise<void>;
  /** Store a secret in the keychain; throws UiError. */
  save: (name: SecretName, value: string) => Promise<void>;
  /** Remove a secret from the keychain; throws UiError. */
  clear: (name: SecretName) => Promise<void>;
}

function byName(list: SecretStatus[]): Partial<Record<SecretName, SecretStatus>> {
  return Object.fromEntries(list.map((status) => [status.name, status]));
}

/** The selected profile's secret statuses (never a value). */
export const useSecretsStore = create<SecretsState>((set, get) => ({
  profileId: null,
  statuses: {},
  loadError: null,
  load: async (profileId) => {
    if (get().profileId !== profileId) set({ profileId, statuses: {}, loadError: null });
    try {
      const list = await call('secrets:status', { profileId });
      if (get().profileId === profileId) set({ statuses: byName(list), loadError: null });
    } catch (error) {
      if (get().profileId === profileId) set({ loadError: toUiError(error) });
    }
  },
  save: async (name, value) => {
    const profileId = get().profileId;
    if (!profileId) return;
    const status = await call('secrets:set', { profileId, name, value });
    if (get().profileId === profileId) set({ statuses: { ...get().statuses, [name]: status } });
  },
  clear: async (name) => {
    const profileId = get().profileId;
    if (!profileId) return;
    const status = await call('secrets:clear', { profileId, name });
    if (get().profileId === profileId) set({ statuses: { ...get().statuses, [name]: status } });
  },
}));
