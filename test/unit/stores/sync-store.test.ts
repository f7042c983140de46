// useSyncStore on its own: live progress per profile, a late progress event of a finished run
// dropped — per profile, since run ids count per profile — and Sync now's outcome.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { useSyncStore as SyncStore } from '../../../src/renderer/src/stores/useSyncStore.ts';
import type { RunProgress, RunSummary } from '../../../src/shared/api/sync-views.ts';
import type { StoreWorld } from './store-world.ts';
import { installStoreWorld } from './store-world.ts';

let world: StoreWorld;
let useSyncStore: typeof SyncStore;
beforeAll(async () => {
  world = installStoreWorld();
  ({ useSyncStore } = await import('../../../src/renderer/src/stores/useSyncStore.ts'));
});
afterAll(() => world.dispose());
beforeEach(() => useSyncStore.setState({ progress: {}, syncing: {}, cancelling: {}, outcomes: {}, largeChange: null, finished: [] }));

const progress = (profileId: string, runId: number): RunProgress => ({
  profileId,
  runId,
  phase: 'applying',
  done: 1,
  total: 3,
  etaSeconds: null,
});
const finished = (profileId: string, id: number): RunSummary => ({
  id,
  profileId,
  trigger: 'manual',
  direction: 'outbound',
  status: 'succeeded',
  startedAt: '2026-01-05T09:00:00.000Z',
  finishedAt: '2026-01-05T09:00:01.000Z',
  counts: { created: 0, updated: 0, closed: 0, deleted: 0, linked: 0, skipped: 0, attention: 0, failed: 0, cancelled: 0 },
  error: null,
});

describe('useSyncStore', () => {
  it("shows a run's progress until it finishes, and drops a progress event that arrives after", () => {
    const store = useSyncStore.getState();
    store.onProgress(progress('acme', 5));
    expect(useSyncStore.getState().progress['acme']?.runId).toBe(5);
    store.onFinished(finished('acme', 5));
    expect(useSyncStore.getState().progress['acme']).toBeUndefined();
    store.onProgress(progress('acme', 5));
    expect(useSyncStore.getState().progress['acme']).toBeUndefined();
  });

  it("keeps another profile's run with the same run id: ids count per profile", () => {
    const store = useSyncStore.getState();
    store.onFinished(finished('acme', 5));
    store.onProgress(progress('globex', 5));
    expect(useSyncStore.getState().progress['globex']?.runId).toBe(5);
  });

  it('remembers a bounded number of finished runs', () => {
    const store = useSyncStore.getState();
    for (let id = 1; id <= 80; id += 1) store.onFinished(finished('acme', id));
    expect(useSyncStore.getState().finished).toHaveLength(50);
    expect(useSyncStore.getState().finished.at(-1)).toBe('acme:80');
  });

  it('Sync now of a profile without keys ends in an error sentence from the real handler, and is not left syncing', async () => {
    const created = await world.api.invoke('profiles:create', { name: 'Acme' });
    if (!created.ok) throw new Error(created.error.message);
    await useSyncStore.getState().syncNow(created.value.id);
    const state = useSyncStore.getState();
    expect(state.syncing[created.value.id]).toBe(false);
    const outcome = state.outcomes[created.value.id];
    expect(outcome?.kind).toBe('error');
    expect(outcome?.kind === 'error' ? outcome.error.message : '').toMatch(/has no Lever API key/);
  });
});
