// useHomeStore on its own, on the embedded Sandbox: every part of each tracked profile's overview
// loads, a sync run's skipped records name the unmapped values, untracked profiles are forgotten and
// their events ignored, an answer overtaken by a newer one is dropped, and a part that fails to load
// is an error of that part alone.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProfileOverview, useHomeStore as HomeStore } from '../../../src/renderer/src/stores/useHomeStore.ts';
import type { SandboxStoreWorld } from './store-world.ts';
import { installSandboxStoreWorld } from './store-world.ts';

let world: SandboxStoreWorld;
let useHomeStore: typeof HomeStore;
let acme: string;
beforeAll(async () => {
  world = await installSandboxStoreWorld();
  ({ useHomeStore } = await import('../../../src/renderer/src/stores/useHomeStore.ts'));
  const created = await world.api.invoke('profiles:create', { name: 'Home Acme' });
  if (!created.ok) throw new Error(created.error.message);
  acme = created.value.id;
});
afterAll(() => world.dispose());

const overview = (profileId: string): ProfileOverview | undefined => useHomeStore.getState().overviews[profileId];
const loaded = (profileId: string) => {
  const o = overview(profileId);
  return Boolean(o?.settings && o.statuses && o.runs && o.hires && o.webhook);
};

describe('useHomeStore', () => {
  it('loads every part of each tracked profile, and names the unmapped values of the last sync run', async () => {
    useHomeStore.getState().track(['sandbox', acme]);
    expect(useHomeStore.getState().tracked).toEqual(['sandbox', acme]);
    await vi.waitFor(() => expect(loaded('sandbox') && loaded(acme)).toBe(true), { timeout: 5_000 });
    expect(overview(acme)).toMatchObject({ settings: { name: 'Home Acme' }, runs: [], unmapped: null, errors: {} });
    expect(overview('sandbox')?.statuses?.leverApiKey).toMatchObject({ set: true });

    const run = await world.api.invoke('sync:run', { profileId: 'sandbox' });
    if (!run.ok) throw new Error(run.error.message);
    useHomeStore.getState().refresh('sandbox', ['runs']);
    await vi.waitFor(() => expect(overview('sandbox')?.unmapped?.runId).toBe(run.value.id), { timeout: 5_000 });
    expect(overview('sandbox')?.runs?.map((r) => r.id)).toEqual([run.value.id]);
    expect(overview('sandbox')?.unmapped).toMatchObject({
      source: 'run',
      values: [{ kind: 'user', value: 'alan.edwards@northwind.example', records: 7 }],
    });
  });

  it('forgets a profile no longer tracked: its refresh and webhook status are ignored', async () => {
    useHomeStore.getState().track(['sandbox']);
    expect(Object.keys(useHomeStore.getState().overviews)).toEqual(['sandbox']);
    useHomeStore.getState().refresh(acme, ['settings']);
    const webhook = overview('sandbox')?.webhook;
    if (!webhook) throw new Error('the Sandbox webhook status was not loaded');
    useHomeStore.getState().applyWebhook({ ...webhook, profileId: acme });
    expect(overview(acme)).toBeUndefined();
    useHomeStore.getState().applyWebhook({ ...webhook, publicUrl: 'https://tunnel.example/hook' });
    expect(overview('sandbox')?.webhook?.publicUrl).toBe('https://tunnel.example/hook');
    await vi.waitFor(() => expect(loaded('sandbox')).toBe(true), { timeout: 5_000 });
  });

  it('drops an answer overtaken by a newer one for the same part', async () => {
    let first = true;
    world.slowDown((channel, input) => {
      if (channel !== 'settings:get' || (input as { profileId: string }).profileId !== acme || !first) return false;
      first = false;
      return true;
    }, 80);
    useHomeStore.getState().track(['sandbox', acme]);
    const renamed = await world.api.invoke('settings:update', { profileId: acme, patch: { name: 'Home Acme Renamed' } });
    expect(renamed.ok).toBe(true);
    useHomeStore.getState().refresh(acme, ['settings']);
    await vi.waitFor(() => expect(overview(acme)?.settings?.name).toBe('Home Acme Renamed'), { timeout: 5_000 });
    // The first answer (read before the rename) arrives now and must not put the old name back.
    await new Promise((resolve) => setTimeout(resolve, 120));
    world.slowDown(() => false, 0);
    expect(overview(acme)?.settings?.name).toBe('Home Acme Renamed');
  });

  it("keeps a part that fails as that part's error, the others loading on their own", async () => {
    useHomeStore.getState().track(['sandbox', 'gone-profile']);
    await vi.waitFor(() => expect(overview('gone-profile')?.errors.settings).toBeDefined(), { timeout: 5_000 });
    const gone = overview('gone-profile');
    expect(gone?.errors.settings).toMatchObject({ name: 'UiError', code: 'profiles.not_found' });
    expect(gone?.settings).toBeNull();
    expect(overview('sandbox')?.errors).toEqual({});
  });
});
