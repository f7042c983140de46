// useEngineStore and what the UI does when the engine's process stops, against a real core process
// (the entry forked with IPC) behind `window.api`: a Sandbox run is killed with its process, the notice
// shows, the run's progress is gone and Runs lists it as interrupted; past the restart bound the notice
// says the engine stays down, and it cannot be dismissed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInProcessClient } from '../../../src/main/core/api/in-process-client.ts';
import type { CoreProcess } from '../../../src/main/core/process/core-process-client.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import type { CoreForks } from '../../integration/core-process/support.ts';
import { coreForks, startCoreProcess, waitFor } from '../../integration/core-process/support.ts';

let forks: CoreForks;
let core: CoreProcess | null = null;
let temp: ReturnType<typeof makeTempDir>;
afterEach(async () => {
  await core?.close();
  core = null;
  await forks.killAll();
  temp.cleanup();
  delete (globalThis as { window?: unknown }).window;
  // Each test's stores and bridge are fresh modules over that test's window.
  vi.resetModules();
});

/** A core process behind `window.api`, then the stores (imported after the window exists). */
async function world(restartLimit = { max: 3, windowMs: 60_000 }) {
  forks = coreForks();
  temp = makeTempDir();
  core = await startCoreProcess({ ...forks.options(temp.path), restartLimit });
  const api = createInProcessClient(core.dispatch, core.events);
  (globalThis as { window?: unknown }).window = Object.assign(new EventTarget(), { api, location: { hash: '' } });
  const { subscribe } = await import('../../../src/renderer/src/bridge/bridge.ts');
  const { onEngineRestarted, onEngineStopped } = await import('../../../src/renderer/src/lib/engine-events.ts');
  const stores = {
    engine: (await import('../../../src/renderer/src/stores/useEngineStore.ts')).useEngineStore,
    sync: (await import('../../../src/renderer/src/stores/useSyncStore.ts')).useSyncStore,
    runs: (await import('../../../src/renderer/src/stores/useRunsStore.ts')).useRunsStore,
  };
  const restarted: Promise<unknown>[] = [];
  subscribe('app:core-restarted', (notice) => void restarted.push(onEngineRestarted(notice)));
  subscribe('app:core-stopped', onEngineStopped);
  subscribe('run:progress', (progress) => stores.sync.getState().onProgress(progress));
  return { core, stores, restarted };
}

describe('useEngineStore', () => {
  it('a restart shows the notice, ends the run that was going and lists it as interrupted; Dismiss hides it', async () => {
    const { core: c, stores, restarted } = await world();
    await stores.runs.getState().load('sandbox');
    const sync = stores.sync.getState().syncNow('sandbox');
    await waitFor(() => stores.sync.getState().progress['sandbox'], 20_000, "the run's progress");
    process.kill(c.ready.pid, 'SIGKILL');
    await sync;
    await waitFor(() => restarted[0], 20_000, 'app:core-restarted');
    await restarted[0];
    expect(stores.engine.getState().notice).toMatchObject({ kind: 'restarted', message: expect.stringMatching(/restarted/) });
    expect(stores.sync.getState().progress).toEqual({});
    expect(stores.sync.getState().outcomes['sandbox']).toMatchObject({ kind: 'error', error: { code: 'core.restarted' } });
    expect(stores.runs.getState().runs?.[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('Interrupted') });
    stores.engine.getState().dismiss();
    expect(stores.engine.getState().notice).toBeNull();
  }, 60_000);

  it('past the restart bound the notice says the engine stays down, and Dismiss keeps it', async () => {
    const { core: c, stores } = await world({ max: 0, windowMs: 60_000 });
    process.kill(c.ready.pid, 'SIGKILL');
    await waitFor(() => stores.engine.getState().notice ?? undefined, 20_000, 'the notice');
    expect(stores.engine.getState().notice).toMatchObject({ kind: 'stopped', message: expect.stringMatching(/not started again/) });
    stores.engine.getState().dismiss();
    expect(stores.engine.getState().notice?.kind).toBe('stopped');
  }, 60_000);
});
