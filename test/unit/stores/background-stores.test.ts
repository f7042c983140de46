// useScheduleStore, useWebhookStore and useMetricsStore on their own, through the real handlers:
// pausing the schedules, a webhook status for the profile shown (an event for another ignored,
// a late answer for a profile no longer shown dropped), and a metrics pull that cannot start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { useMetricsStore as MetricsStore } from '../../../src/renderer/src/stores/useMetricsStore.ts';
import type { useScheduleStore as ScheduleStore } from '../../../src/renderer/src/stores/useScheduleStore.ts';
import type { useWebhookStore as WebhookStore } from '../../../src/renderer/src/stores/useWebhookStore.ts';
import type { StoreWorld } from './store-world.ts';
import { installStoreWorld } from './store-world.ts';

let world: StoreWorld;
let useScheduleStore: typeof ScheduleStore;
let useWebhookStore: typeof WebhookStore;
let useMetricsStore: typeof MetricsStore;
beforeAll(async () => {
  world = installStoreWorld();
  ({ useScheduleStore } = await import('../../../src/renderer/src/stores/useScheduleStore.ts'));
  ({ useWebhookStore } = await import('../../../src/renderer/src/stores/useWebhookStore.ts'));
  ({ useMetricsStore } = await import('../../../src/renderer/src/stores/useMetricsStore.ts'));
});
afterAll(() => world.dispose());

async function profile(name: string): Promise<string> {
  const created = await world.api.invoke('profiles:create', { name });
  if (!created.ok) throw new Error(created.error.message);
  return created.value.id;
}

describe('useScheduleStore', () => {
  it('loads the status and pauses every schedule, then resumes', async () => {
    await useScheduleStore.getState().load();
    expect(useScheduleStore.getState().status?.paused).toBe(false);
    await useScheduleStore.getState().setPaused(true);
    expect(useScheduleStore.getState()).toMatchObject({ saving: false, saveError: null, status: { paused: true } });
    await useScheduleStore.getState().setPaused(false);
    expect(useScheduleStore.getState().status?.paused).toBe(false);
  });
});

describe('useWebhookStore', () => {
  it("shows the status of the profile shown, ignores another profile's event and a late answer for a profile no longer shown", async () => {
    const acme = await profile('Webhook Acme');
    world.slowDown((channel, input) => channel === 'webhook:status' && (input as { profileId: string }).profileId === acme, 50);
    const late = useWebhookStore.getState().load(acme);
    const shown = useWebhookStore.getState().load('sandbox');
    await Promise.all([late, shown]);
    const state = useWebhookStore.getState();
    expect(state.profileId).toBe('sandbox');
    expect(state.status?.profileId).toBe('sandbox');
    const before = state.status;
    useWebhookStore
      .getState()
      .apply({ ...(before as NonNullable<typeof before>), profileId: acme, publicUrl: 'https://other.example/hook' });
    expect(useWebhookStore.getState().status).toBe(before);
  });
});

describe('useMetricsStore', () => {
  it('a pull that cannot start (no keys) is an error sentence for that profile, and is not left pulling', async () => {
    const bare = await profile('Metrics Bare');
    expect(await useMetricsStore.getState().pull(bare)).toBeNull();
    expect(useMetricsStore.getState().pulling[bare]).toBe(false);
    expect(useMetricsStore.getState().errors[bare]?.message).toMatch(/Lever API key|ChartHop/);
    useMetricsStore.getState().dismiss(bare);
    expect(useMetricsStore.getState().errors[bare]).toBeNull();
  });
});
