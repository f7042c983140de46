/** Profiles: the list, the selected one, and the profile operations of the contract. */
import { create } from 'zustand';
import type { ProfileSummary, ProfilesView } from '../../../shared/api/views.ts';
import { call } from '../bridge/bridge.ts';
import type { UiError } from '../bridge/ui-error.ts';
import { toUiError } from '../bridge/ui-error.ts';

interface ProfilesState {
  view: ProfilesView | null;
  loadError: UiError | null;
  load: () => Promise<void>;
  /** Replace the view (from a call's answer or a `profiles:changed` event). */
  apply: (view: ProfilesView) => void;
  select: (id: string) => Promise<void>;
  create: (name: string, copyFromId?: string) => Promise<ProfileSummary>;
  rename: (id: string, name: string) => Promise<ProfileSummary>;
  remove: (id: string) => Promise<void>;
  exportProfile: (id: string) => Promise<{ fileName: string; json: string }>;
  /** Import an export file; `allowHosts` are the non-vendor hosts in it the user confirmed. */
  importProfile: (json: string, name?: string, allowHosts?: string[]) => Promise<ProfileSummary>;
}

/** The profiles the switcher and the Profiles page show. Mutations throw UiError for the caller to show. */
export const useProfilesStore = create<ProfilesState>((set, get) => ({
  view: null,
  loadError: null,
  load: async () => {
    try {
      set({ view: await call('profiles:list', {}), loadError: null });
    } catch (error) {
      set({ loadError: toUiError(error) });
    }
  },
  apply: (view) => set({ view, loadError: null }),
  select: async (id) => get().apply(await call('profiles:select', { id })),
  create: async (name, copyFromId) => {
    const created = await call('profiles:create', copyFromId ? { name, copyFromId } : { name });
    await get().load();
    return created;
  },
  rename: async (id, name) => {
    const renamed = await call('profiles:rename', { id, name });
    await get().load();
    return renamed;
  },
  remove: async (id) => get().apply(await call('profiles:delete', { id })),
  exportProfile: (id) => call('profiles:export', { id }),
  importProfile: async (json, name, allowHosts) => {
    const imported = await call('profiles:import', { json, ...(name ? { name } : {}), ...(allowHosts?.length ? { allowHosts } : {}) });
    await get().load();
    return imported;
  },
}));

/** The selected profile's summary, or null before the first load. */
export function selectedProfile(view: ProfilesView | null): ProfileSummary | null {
  if (!view) return null;
  return view.profiles.find((profile) => profile.id === view.selectedId) ?? null;
}
