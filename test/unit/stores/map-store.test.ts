// useMapStore on its own, through the real handlers: the Map… dialog of a profile without keys says
// what to do instead of listing; a save stores the mapping, closes the dialog and calls the opener
// back; a refused save keeps the dialog open with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { useMapStore as MapStore } from '../../../src/renderer/src/stores/useMapStore.ts';
import type { StoreWorld } from './store-world.ts';
import { installStoreWorld } from './store-world.ts';

let world: StoreWorld;
let useMapStore: typeof MapStore;
beforeAll(async () => {
  world = installStoreWorld();
  ({ useMapStore } = await import('../../../src/renderer/src/stores/useMapStore.ts'));
});
afterAll(() => world.dispose());

async function profile(name: string): Promise<string> {
  const created = await world.api.invoke('profiles:create', { name });
  if (!created.ok) throw new Error(created.error.message);
  return created.value.id;
}

describe('useMapStore', () => {
  it('says what to do when the other system cannot be listed, and saves the picked counterpart on the right side', async () => {
    const acme = await profile('Map Acme');
    let saved = 0;
    await useMapStore.getState().open(acme, { kind: 'team', value: 'Platform', from: 'lever' }, () => {
      saved += 1;
    });
    expect(useMapStore.getState()).toMatchObject({ loading: false, list: null, loadError: { code: 'mappings.no_connection' } });
    expect(useMapStore.getState().loadError?.message).toContain('Enter them in Setup → Connect');

    await useMapStore.getState().save('Platform Engineering');
    expect(useMapStore.getState()).toMatchObject({ value: null, saving: false, saveError: null });
    expect(saved).toBe(1);
    const settings = await world.api.invoke('settings:get', { profileId: acme });
    expect(settings.ok && settings.value.mappings.teams).toEqual({ 'Platform Engineering': 'Platform' });
  });

  it('keeps the dialog open with the reason when the save is refused', async () => {
    const acme = await profile('Map Refused');
    let saved = 0;
    await useMapStore.getState().open(acme, { kind: 'user', value: 'nora@acme.example', from: 'charthop' }, () => {
      saved += 1;
    });
    await useMapStore.getState().save('Nora Edwards');
    expect(useMapStore.getState().value).toEqual({ kind: 'user', value: 'nora@acme.example', from: 'charthop' });
    expect(useMapStore.getState().saveError?.message).toContain('"Nora Edwards" is not one');
    expect(saved).toBe(0);
    useMapStore.getState().close();
    expect(useMapStore.getState().value).toBeNull();
  });
});
