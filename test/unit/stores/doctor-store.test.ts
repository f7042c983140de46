// useDoctorStore on its own, on the embedded Sandbox: Check connection's report lands for its profile
// with its progress shown only while it runs, an older report never replaces a newer one, the stored
// report comes back after a restart (doctor:last), Cancel stops a check, and a check that cannot start
// is an error for that profile only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { useDoctorStore as DoctorStore } from '../../../src/renderer/src/stores/useDoctorStore.ts';
import type { DoctorProgress } from '../../../src/shared/api/doctor-views.ts';
import type { SandboxStoreWorld } from './store-world.ts';
import { installSandboxStoreWorld } from './store-world.ts';

let world: SandboxStoreWorld;
let useDoctorStore: typeof DoctorStore;
beforeAll(async () => {
  world = await installSandboxStoreWorld();
  ({ useDoctorStore } = await import('../../../src/renderer/src/stores/useDoctorStore.ts'));
});
afterAll(() => world.dispose());

const fresh = () => useDoctorStore.setState({ reports: {}, loaded: {}, running: {}, progress: {}, cancelling: {}, errors: {} });

describe('useDoctorStore', () => {
  it('runs Check connection: progress while it runs, then the report of that profile and no bar', async () => {
    fresh();
    const bars: Array<DoctorProgress | undefined> = [];
    const stop = world.api.on('doctor:progress', (progress) => {
      useDoctorStore.getState().onProgress(progress);
      bars.push(useDoctorStore.getState().progress['sandbox']);
    });
    const running = useDoctorStore.getState().run('sandbox');
    expect(useDoctorStore.getState().running['sandbox']).toBe(true);
    await running;
    stop();
    expect(bars.length).toBeGreaterThan(0);
    expect(bars.every((bar) => bar?.profileId === 'sandbox')).toBe(true);
    const state = useDoctorStore.getState();
    expect(state).toMatchObject({ running: { sandbox: false }, progress: {}, errors: { sandbox: null } });
    expect(state.reports['sandbox']).toMatchObject({ profileId: 'sandbox', cancelled: false });
    expect(state.reports['sandbox']?.checks.find((check) => check.id === 'lever.key')?.status).toBe('pass');
    // A late progress event, after the answer, draws no bar.
    useDoctorStore.getState().onProgress({ ...(bars[0] as DoctorProgress) });
    expect(useDoctorStore.getState().progress['sandbox']).toBeUndefined();
  });

  it('keeps the newer report when an older one arrives, and reads the stored one back after a restart', async () => {
    fresh();
    await useDoctorStore.getState().loadLast('sandbox');
    const stored = useDoctorStore.getState().reports['sandbox'];
    expect(stored).toMatchObject({ profileId: 'sandbox', cancelled: false });
    const older = { ...(stored as NonNullable<typeof stored>), finishedAt: '2020-01-01T00:00:00.000Z', checks: [] };
    useDoctorStore.getState().receive(older);
    expect(useDoctorStore.getState().reports['sandbox']).toBe(stored);
    // Asked once: a newer report here is not replaced by a second read.
    const newer = { ...(stored as NonNullable<typeof stored>), finishedAt: '2999-01-01T00:00:00.000Z' };
    useDoctorStore.getState().receive(newer);
    await useDoctorStore.getState().loadLast('sandbox');
    expect(useDoctorStore.getState().reports['sandbox']).toBe(newer);
  });

  it('Cancel stops the check: the report says cancelled and the button is back', async () => {
    fresh();
    const running = useDoctorStore.getState().run('sandbox');
    await useDoctorStore.getState().cancel('sandbox');
    await running;
    const state = useDoctorStore.getState();
    expect(state.reports['sandbox']?.cancelled).toBe(true);
    expect(state).toMatchObject({ running: { sandbox: false }, cancelling: { sandbox: false } });
  });

  it('a profile without keys gets a failing report; a check that cannot start is an error sentence for that profile only', async () => {
    fresh();
    const created = await world.api.invoke('profiles:create', { name: 'Doctor Bare' });
    if (!created.ok) throw new Error(created.error.message);
    const bare = created.value.id;
    await useDoctorStore.getState().run(bare);
    expect(useDoctorStore.getState().reports[bare]).toMatchObject({ ok: false, profileId: bare });
    await useDoctorStore.getState().run('deleted-meanwhile');
    const state = useDoctorStore.getState();
    expect(state.running['deleted-meanwhile']).toBe(false);
    expect(state.errors['deleted-meanwhile']).toMatchObject({ name: 'UiError', code: 'profiles.not_found' });
    expect(state.reports['deleted-meanwhile']).toBeUndefined();
    expect(state.errors[bare]).toBeNull();
  });
});
