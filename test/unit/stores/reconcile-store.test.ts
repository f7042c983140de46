// useReconcileStore on its own, on the embedded Sandbox: Reconcile plans with every applicable row
// selected, applies only the rows the consultant kept (and Lever gets exactly those), ignores a second
// open while applying, drops a plan that arrives after the sheet closed, opens the Preview of a first
// sync, and keeps a plan that cannot be made as an error sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { useReconcileStore as ReconcileStore } from '../../../src/renderer/src/stores/useReconcileStore.ts';
import type { SandboxStoreWorld } from './store-world.ts';
import { installSandboxStoreWorld } from './store-world.ts';

let world: SandboxStoreWorld;
let useReconcileStore: typeof ReconcileStore;
beforeAll(async () => {
  world = await installSandboxStoreWorld();
  ({ useReconcileStore } = await import('../../../src/renderer/src/stores/useReconcileStore.ts'));
});
afterAll(() => world.dispose());

const leverRequisitions = () => world.core.embedded.sandbox.control.lever.state().requisitions.length;

describe('useReconcileStore', () => {
  it('plans with the applicable rows selected, and applies only the rows kept', async () => {
    await useReconcileStore.getState().openFor('sandbox');
    const { plan, selected, phase, unmappedByProfile } = useReconcileStore.getState();
    expect(phase).toBe('ready');
    expect(plan?.profileId).toBe('sandbox');
    const creates = plan?.rows.filter((row) => row.action === 'create') ?? [];
    expect(creates.length).toBeGreaterThan(1);
    const applicable = plan?.rows
      .filter((row) => ['create', 'update', 'close', 'delete', 'link'].includes(row.action))
      .map((row) => row.id);
    expect([...selected].sort()).toEqual([...(applicable ?? [])].sort());
    expect(unmappedByProfile['sandbox']?.at).toBe(plan?.createdAt);

    useReconcileStore.getState().toggleExpanded(creates[0]!.id);
    expect(useReconcileStore.getState().expanded.has(creates[0]!.id)).toBe(true);
    useReconcileStore.getState().toggleExpanded(creates[0]!.id);
    expect(useReconcileStore.getState().expanded.size).toBe(0);

    const before = leverRequisitions();
    useReconcileStore.getState().setSelected(new Set([creates[0]!.id]));
    const applying = useReconcileStore.getState().apply();
    expect(useReconcileStore.getState().phase).toBe('applying');
    // The sheet is modal while it writes: a second Reconcile… does not replace it.
    await useReconcileStore.getState().openFor('sandbox');
    expect(useReconcileStore.getState()).toMatchObject({ phase: 'applying', plan });
    useReconcileStore.getState().close();
    expect(useReconcileStore.getState().phase).toBe('applying');
    await applying;
    // After Apply the sheet keeps the run and plans again: the new plan no longer holds the row just created.
    expect(useReconcileStore.getState()).toMatchObject({
      phase: 'ready',
      error: null,
      applied: { run: { status: 'succeeded', counts: { created: 1 } } },
    });
    expect(useReconcileStore.getState().plan?.rows.some((row) => row.id === creates[0]!.id && row.action === 'create')).toBe(false);
    expect(leverRequisitions()).toBe(before + 1);
    useReconcileStore.getState().close();
    expect(useReconcileStore.getState()).toMatchObject({ phase: 'closed', plan: null, result: null, applied: null });
  });

  it('drops a plan that arrives after the sheet was closed', async () => {
    world.slowDown((channel) => channel === 'sync:plan', 50);
    const opening = useReconcileStore.getState().openFor('sandbox');
    expect(useReconcileStore.getState().phase).toBe('planning');
    useReconcileStore.getState().close();
    await opening;
    world.slowDown(() => false, 0);
    expect(useReconcileStore.getState()).toMatchObject({ phase: 'closed', plan: null, error: null });
  });

  it("opens the Preview of a first sync in the profile's direction", async () => {
    await useReconcileStore.getState().openPreview('sandbox', { firstSync: true });
    const state = useReconcileStore.getState();
    expect(state).toMatchObject({
      mode: 'preview',
      firstSync: true,
      phase: 'ready',
      plan: { profileId: 'sandbox', direction: 'outbound' },
    });
    useReconcileStore.getState().close();
  });

  it('a plan that cannot be made (no keys) is an error sentence, with no plan and nothing to apply', async () => {
    const created = await world.api.invoke('profiles:create', { name: 'Reconcile Bare' });
    if (!created.ok) throw new Error(created.error.message);
    await useReconcileStore.getState().openFor(created.value.id);
    const state = useReconcileStore.getState();
    expect(state).toMatchObject({ phase: 'ready', plan: null, profileId: created.value.id });
    expect(state.error?.message).toMatch(/Lever API key/);
    await useReconcileStore.getState().apply();
    expect(useReconcileStore.getState().phase).toBe('ready');
    useReconcileStore.getState().close();
  });
});
