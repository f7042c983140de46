// useSettingsStore and useRunsStore on their own, through the real handlers: the Options draft
// (edit, refused save kept as an error with the draft, discard, a saved change), a refresh that keeps
// an unsaved draft; the run history of the profile shown, newest first, with another profile's run
// ignored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { useRunsStore as RunsStore } from '../../../src/renderer/src/stores/useRunsStore.ts';
import type { isDraftDirty as IsDraftDirty, useSettingsStore as SettingsStore } from '../../../src/renderer/src/stores/useSettingsStore.ts';
import type { RunSummary } from '../../../src/shared/api/sync-views.ts';
import { openStateDb, stateDbPath } from '../../../src/main/core/state/state-db.ts';
import { createRunLog } from '../../../src/main/core/sync/run-log.ts';
import type { StoreWorld } from './store-world.ts';
import { installStoreWorld } from './store-world.ts';

let world: StoreWorld;
let useSettingsStore: typeof SettingsStore;
let isDraftDirty: typeof IsDraftDirty;
let useRunsStore: typeof RunsStore;
beforeAll(async () => {
  world = installStoreWorld();
  ({ useSettingsStore, isDraftDirty } = await import('../../../src/renderer/src/stores/useSettingsStore.ts'));
  ({ useRunsStore } = await import('../../../src/renderer/src/stores/useRunsStore.ts'));
});
afterAll(() => world.dispose());

async function profile(name: string): Promise<string> {
  const created = await world.api.invoke('profiles:create', { name });
  if (!created.ok) throw new Error(created.error.message);
  return created.value.id;
}

describe('useSettingsStore', () => {
  it('keeps a refused draft with its error, discards back to what is saved, and saves a valid change', async () => {
    const id = await profile('Options Acme');
    await useSettingsStore.getState().load(id);
    const saved = useSettingsStore.getState().saved;
    expect(saved?.sourceOfTruth).toBe('charthop');
    // Reverse Sync with ChartHop as the truth contradicts the source of truth: refused on save.
    useSettingsStore.getState().setOption('reverseSync', true);
    expect(isDraftDirty(useSettingsStore.getState().saved, useSettingsStore.getState().draft)).toBe(true);
    expect(await useSettingsStore.getState().saveDraft()).toBe(false);
    expect(useSettingsStore.getState().saveError?.message).toMatch(/Reverse Sync/);
    expect(useSettingsStore.getState().draft?.options.reverseSync).toBe(true);
    useSettingsStore.getState().discard();
    expect(isDraftDirty(useSettingsStore.getState().saved, useSettingsStore.getState().draft)).toBe(false);
    useSettingsStore.getState().setOption('runDaily', !saved?.options.runDaily);
    expect(await useSettingsStore.getState().saveDraft()).toBe(true);
    expect(useSettingsStore.getState().saved?.options.runDaily).toBe(!saved?.options.runDaily);
  });

  it("a refresh (another window saved) keeps the consultant's unsaved draft", async () => {
    const id = await profile('Options Globex');
    await useSettingsStore.getState().load(id);
    useSettingsStore.getState().setOption('runDaily', true);
    const draft = useSettingsStore.getState().draft;
    const elsewhere = await world.api.invoke('settings:update', { profileId: id, patch: { name: 'Globex Renamed' } });
    expect(elsewhere.ok).toBe(true);
    await useSettingsStore.getState().refresh();
    expect(useSettingsStore.getState().saved?.name).toBe('Globex Renamed');
    expect(useSettingsStore.getState().draft).toBe(draft);
  });
});

describe('useRunsStore', () => {
  it("lists the runs of the profile shown, puts a new run first and ignores another profile's", async () => {
    const id = await profile('Runs Acme');
    await useRunsStore.getState().load(id);
    expect(useRunsStore.getState()).toMatchObject({ profileId: id, runs: [], loadError: null });
    const run = (profileId: string, runId: number): RunSummary => ({
      id: runId,
      profileId,
      trigger: 'manual',
      direction: 'outbound',
      status: 'succeeded',
      startedAt: '2026-01-05T09:00:00.000Z',
      finishedAt: null,
      counts: { created: 0, updated: 0, closed: 0, deleted: 0, linked: 0, skipped: 0, attention: 0, failed: 0, cancelled: 0 },
      error: null,
    });
    useRunsStore.getState().upsert(run(id, 1));
    useRunsStore.getState().upsert(run(id, 2));
    useRunsStore.getState().upsert(run('sandbox', 3));
    expect(useRunsStore.getState().runs?.map((r) => r.id)).toEqual([2, 1]);
    useRunsStore.getState().open(2);
    expect(useRunsStore.getState().openRunId).toBe(2);
    // The open run is in the address, so Back and a reload work; another profile's run leaves it.
    expect(window.location.hash).toBe(`#/runs/${id}/2`);
    await useRunsStore.getState().load('sandbox');
    expect(useRunsStore.getState()).toMatchObject({ profileId: 'sandbox', openRunId: null });
    expect(window.location.hash).toBe('#/runs');
  });

  it('asks the main process for the runs a filter matches, keeping the unfiltered list for Home and the chart', async () => {
    const id = await profile('Filter Acme');
    // Two runs in the profile's state database, through a second connection (as the CLI would write them).
    const state = openStateDb(stateDbPath(world.core.dataDir, id));
    const log = createRunLog(state, id, (text) => text);
    const at = new Date('2026-12-01T06:00:00.000Z');
    const failed = log.recordFailure('schedule', 'outbound', at, 'Lever refused the key.').id;
    const succeeded = log.start('manual', 'outbound', at);
    log.finish(succeeded, { status: 'succeeded', at, error: null });
    state.close();
    await useRunsStore.getState().load(id);
    const all = useRunsStore.getState().runs ?? [];
    expect(all.map((r) => r.id)).toEqual([succeeded, failed]);
    await useRunsStore.getState().setFilter({ status: 'succeeded', trigger: 'schedule' });
    expect(useRunsStore.getState()).toMatchObject({ filtered: [], runs: all });
    await useRunsStore.getState().setFilter({ status: 'failed', trigger: undefined, search: `#${failed}` });
    expect(useRunsStore.getState().filtered?.map((r) => r.id)).toEqual([failed]);
    await useRunsStore.getState().setFilter({ status: undefined, search: '  ' });
    expect(useRunsStore.getState().filtered).toBeNull();
  });
});
