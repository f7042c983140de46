// useReconcileStore on its own, against the fake Lever and ChartHop over real HTTP: after Apply, the sheet keeps the run
// and its records, plans again, and the new plan no longer holds what was applied; the rows sent that are still planned
// carry their outcome. An undo's Apply ends on its result instead (an undone run cannot be planned again).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { useReconcileStore as ReconcileStore } from '../../../src/renderer/src/stores/useReconcileStore.ts';
import { createFakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import type { FakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import { createFakeLever } from '../../../src/main/sandbox/lever/index.ts';
import type { FakeLever } from '../../../src/main/sandbox/lever/index.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { startTestCore, valueOf } from '../../support/test-core.ts';
import { CHARTHOP_TOKEN, LEVER_KEY, ORG, activeJobs, charthopSeed, leverSeed } from '../../integration/sync/seeds.ts';
import type { StoreWorld } from './store-world.ts';
import { installStoreWorld } from './store-world.ts';

const home = makeTempDir();
let world: StoreWorld;
let lever: FakeLever;
let charthop: FakeChartHop;
let useReconcileStore: typeof ReconcileStore;
let profileId: string;
beforeAll(async () => {
  lever = await createFakeLever({ seed: leverSeed() });
  charthop = await createFakeChartHop({ seed: charthopSeed(activeJobs(3)) });
  // The profile first, then the core the store talks to, its keys and URLs (the fakes') bound to that profile.
  const setup = startTestCore({ dataDir: home.path });
  profileId = valueOf(await setup.api.invoke('profiles:create', { name: 'Reconcile Acme' })).id;
  setup.dispose();
  world = installStoreWorld({
    dataDir: home.path,
    environmentBinding: { kind: 'profile', profileId },
    env: {
      REQBRIDGE_LEVER_KEY: LEVER_KEY,
      REQBRIDGE_CHARTHOP_TOKEN: CHARTHOP_TOKEN,
      REQBRIDGE_LEVER_URL: lever.url,
      REQBRIDGE_CHARTHOP_URL: charthop.url,
      REQBRIDGE_CHARTHOP_ORG: ORG,
    },
  });
  ({ useReconcileStore } = await import('../../../src/renderer/src/stores/useReconcileStore.ts'));
});
afterAll(async () => {
  world.dispose();
  await Promise.all([lever.close(), charthop.close()]);
  home.cleanup();
});

describe('useReconcileStore after Apply', () => {
  it('keeps what was applied, plans again, and counts the new plan without it', async () => {
    const store = useReconcileStore.getState();
    await store.openFor(profileId);
    const first = useReconcileStore.getState().plan;
    expect(useReconcileStore.getState().error).toBeNull();
    expect(first?.counts.create).toBe(3);
    const [sent] = first?.rows ?? [];
    store.setSelected(new Set([sent!.id]));
    await store.apply();

    const state = useReconcileStore.getState();
    expect(state.phase).toBe('ready');
    expect(state.applied?.run).toMatchObject({ trigger: 'reconcile', status: 'succeeded', counts: { created: 1 } });
    expect(state.applied?.items.map((item) => [item.title, item.outcome])).toEqual([[sent!.title, 'applied']]);
    expect([...(state.applied?.rowIds ?? [])]).toEqual([sent!.id]);
    // The new plan: the applied row is gone, the other two still to create and selected.
    expect(state.plan?.planId).not.toBe(first?.planId);
    expect(state.plan?.counts.create).toBe(2);
    expect(state.plan?.rows.map((row) => row.id)).not.toContain(sent!.id);
    expect(state.selected.size).toBe(2);

    // Closing forgets it; opening again starts clean.
    store.close();
    expect(useReconcileStore.getState().applied).toBeNull();
  });

  it('an undo’s Apply ends on its result without planning again', async () => {
    const runs = valueOf(await world.api.invoke('runs:list', { profileId, limit: 5 }));
    const store = useReconcileStore.getState();
    await store.openUndo(profileId, runs[0]!.id);
    expect(useReconcileStore.getState().plan?.counts.delete).toBe(1);
    await store.apply();
    expect(useReconcileStore.getState()).toMatchObject({ phase: 'done', applied: null, result: { kind: 'undo', undoes: runs[0]!.id } });
    store.close();
  });
});
