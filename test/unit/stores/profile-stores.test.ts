// useProfilesStore, useSecretsStore and usePreferencesStore on their own, through the real handlers:
// the list and selection, a create that reloads the list, an error kept as loadError; secret
// statuses that never carry a value and ignore an answer for a profile no longer shown; the
// "Start at login" preference and its error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { usePreferencesStore as PreferencesStore } from '../../../src/renderer/src/stores/usePreferencesStore.ts';
import type {
  useProfilesStore as ProfilesStore,
  selectedProfile as SelectedProfile,
} from '../../../src/renderer/src/stores/useProfilesStore.ts';
import type { useSecretsStore as SecretsStore } from '../../../src/renderer/src/stores/useSecretsStore.ts';
import type { StoreWorld } from './store-world.ts';
import { installStoreWorld } from './store-world.ts';

let world: StoreWorld;
let useProfilesStore: typeof ProfilesStore;
let selectedProfile: typeof SelectedProfile;
let useSecretsStore: typeof SecretsStore;
let usePreferencesStore: typeof PreferencesStore;
beforeAll(async () => {
  world = installStoreWorld();
  ({ useProfilesStore, selectedProfile } = await import('../../../src/renderer/src/stores/useProfilesStore.ts'));
  ({ useSecretsStore } = await import('../../../src/renderer/src/stores/useSecretsStore.ts'));
  ({ usePreferencesStore } = await import('../../../src/renderer/src/stores/usePreferencesStore.ts'));
});
afterAll(() => world.dispose());

describe('useProfilesStore', () => {
  it('loads the profiles, creates one (the list reloads), selects it, and keeps a refused create as an error to show', async () => {
    await useProfilesStore.getState().load();
    expect(selectedProfile(useProfilesStore.getState().view)?.id).toBe('sandbox');
    const acme = await useProfilesStore.getState().create('Acme');
    expect(useProfilesStore.getState().view?.profiles.map((p) => p.id)).toContain(acme.id);
    await useProfilesStore.getState().select(acme.id);
    expect(selectedProfile(useProfilesStore.getState().view)?.name).toBe('Acme');
    await expect(useProfilesStore.getState().create('   ')).rejects.toMatchObject({ name: 'UiError' });
    expect(useProfilesStore.getState().view?.profiles.filter((p) => p.name.trim() === '')).toEqual([]);
  });

  it("shows a new profile as not configured, and refuses the built-in Sandbox's name with a sentence", async () => {
    const initrode = await useProfilesStore.getState().create('Initrode');
    expect(useProfilesStore.getState().view?.profiles.find((p) => p.id === initrode.id)).toMatchObject({ configured: false });
    expect(useProfilesStore.getState().view?.profiles.find((p) => p.id === 'sandbox')).toMatchObject({ configured: true });
    await expect(useProfilesStore.getState().create('Sandbox')).rejects.toMatchObject({ name: 'UiError', code: 'profiles.name_reserved' });
    expect(useProfilesStore.getState().view?.profiles.filter((p) => p.name.toLowerCase().startsWith('sandbox'))).toHaveLength(1);
  });
});

describe('useSecretsStore', () => {
  it('shows whether a secret is set and its last four characters, never the value, and forgets it on Clear', async () => {
    const created = await world.api.invoke('profiles:create', { name: 'Globex' });
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    await useSecretsStore.getState().load(id);
    await useSecretsStore.getState().save('leverApiKey', 'lever-key-abcd-9876');
    const status = useSecretsStore.getState().statuses.leverApiKey;
    expect(status).toMatchObject({ set: true, last4: '9876' });
    expect(JSON.stringify(useSecretsStore.getState())).not.toContain('lever-key-abcd');
    await useSecretsStore.getState().clear('leverApiKey');
    expect(useSecretsStore.getState().statuses.leverApiKey).toMatchObject({ set: false });
  });

  it('drops statuses of a profile the page no longer shows', async () => {
    const created = await world.api.invoke('profiles:create', { name: 'Initech' });
    if (!created.ok) throw new Error(created.error.message);
    const key = await world.api.invoke('secrets:set', {
      profileId: created.value.id,
      name: 'leverApiKey',
      value: 'initech-lever-key-0001',
    });
    if (!key.ok) throw new Error(key.error.message);
    // Initech's answer arrives after the Sandbox's: it must not replace what the page now shows.
    world.slowDown((channel, input) => channel === 'secrets:status' && (input as { profileId: string }).profileId === created.value.id, 50);
    const pending = useSecretsStore.getState().load(created.value.id);
    const other = useSecretsStore.getState().load('sandbox');
    await Promise.all([pending, other]);
    expect(useSecretsStore.getState().profileId).toBe('sandbox');
    // Initech has a Lever key, the Sandbox's comes with it: the statuses shown are the Sandbox's.
    const sandbox = await world.api.invoke('secrets:status', { profileId: 'sandbox' });
    if (!sandbox.ok) throw new Error(sandbox.error.message);
    expect(useSecretsStore.getState().statuses.leverApiKey).toEqual(sandbox.value.find((s) => s.name === 'leverApiKey'));
  });
});

describe('usePreferencesStore', () => {
  it('loads the preferences and the host kind, and turns Start at login on', async () => {
    await usePreferencesStore.getState().load();
    const state = usePreferencesStore.getState();
    expect(state.loadError).toBeNull();
    expect(state.host).toBe('test');
    expect(state.preferences?.startAtLogin).toBe(false);
    await usePreferencesStore.getState().setStartAtLogin(true);
    expect(usePreferencesStore.getState()).toMatchObject({ saving: false, saveError: null, preferences: { startAtLogin: true } });
  });
});
