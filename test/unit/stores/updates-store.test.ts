// useUpdatesStore on its own, through the real handlers: a copy that does not update itself answers
// "unsupported" with its version and refuses a restart with a sentence; with the packaged app's update
// flow plugged in (electron-updater faked), a check follows the pushed states to "downloaded" and the
// restart installs it.
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UpdaterLike } from '../../../src/main/electron/update-flow.ts';
import { createDesktopUpdates } from '../../../src/main/electron/updates.ts';
import type { useUpdatesStore as UpdatesStore } from '../../../src/renderer/src/stores/useUpdatesStore.ts';
import type { UpdateStatus } from '../../../src/shared/api/domains/updates.ts';
import type { StoreWorld } from './store-world.ts';
import { installStoreWorld } from './store-world.ts';

let world: StoreWorld;
let useUpdatesStore: typeof UpdatesStore;
beforeAll(async () => {
  world = installStoreWorld();
  ({ useUpdatesStore } = await import('../../../src/renderer/src/stores/useUpdatesStore.ts'));
});
afterAll(() => world.dispose());

describe('useUpdatesStore', () => {
  it('where the copy does not update itself: the version, "unsupported", and a refused restart as a sentence', async () => {
    await useUpdatesStore.getState().load();
    expect(useUpdatesStore.getState()).toMatchObject({ status: { phase: 'unsupported', version: '0.0.0-test' }, error: null, busy: false });
    await useUpdatesStore.getState().restart();
    expect(useUpdatesStore.getState().error).toMatchObject({ name: 'UiError', code: 'updates.nothing_downloaded' });
    expect(useUpdatesStore.getState()).toMatchObject({ busy: false, status: { phase: 'unsupported' } });
  });

  it('with the update flow plugged in: a check follows the pushed states to "downloaded", and Restart installs it', async () => {
    let installs = 0;
    const updater = Object.assign(new EventEmitter(), {
      autoDownload: true,
      checkForUpdates: async () => void updater.emit('update-available', { version: '2.0.0' }),
      downloadUpdate: async () => {
        updater.emit('download-progress', { percent: 50 });
        updater.emit('update-downloaded', { version: '2.0.0' });
      },
      quitAndInstall: () => void (installs += 1),
    }) as EventEmitter & UpdaterLike;
    const events = world.core.core.events;
    const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    const publish = (status: UpdateStatus) => events.emit('updates:changed', status);
    const loadUpdater = async () => updater;
    const updates = createDesktopUpdates({
      version: '1.0.0',
      logger,
      redact: (text) => text,
      notify: () => undefined,
      loadUpdater,
      publish,
    });
    world.core.core.service.deps.updates.current = updates;
    const stop = world.api.on('updates:changed', (status) => useUpdatesStore.getState().apply(status));
    await useUpdatesStore.getState().load();
    expect(useUpdatesStore.getState().status).toEqual({ phase: 'idle', version: '1.0.0' });
    const checking = useUpdatesStore.getState().check();
    expect(useUpdatesStore.getState()).toMatchObject({ busy: true, error: null });
    await checking;
    await vi.waitFor(() => expect(useUpdatesStore.getState().status).toEqual({ phase: 'downloaded', version: '1.0.0', next: '2.0.0' }), {
      timeout: 5_000,
    });
    await useUpdatesStore.getState().restart();
    expect(installs).toBe(1);
    expect(useUpdatesStore.getState()).toMatchObject({ busy: false, error: null });
    stop();
    updates.stop();
  });
});
