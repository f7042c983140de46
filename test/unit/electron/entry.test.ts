import { afterAll, describe, expect, it, vi } from 'vitest';
import { REQUEST_CHANNELS } from '../../../src/shared/api/channels.ts';
import { createFakeElectronState } from '../../support/fake-electron.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

// The whole electron module, faked (test/support/fake-electron.ts, also used to boot the packaged app):
// this test boots the real entry file and checks what it wires, without an Electron binary.
const temp = makeTempDir();
afterAll(() => temp.cleanup());
const state = createFakeElectronState();

vi.mock('electron', async () => {
  const { createFakeElectron } = await import('../../support/fake-electron.ts');
  return createFakeElectron(state, temp.path);
});

// electron-updater, which only a packaged build loads, faked behind the flow's UpdaterLike: this build carries no
// update feed, so reading app-update.yml fails as electron-updater's does (an 'error' event and a rejected check).
const updater = vi.hoisted(() => ({ checks: 0 }));
vi.mock('electron-updater', async () => {
  const { EventEmitter } = await import('node:events');
  const autoUpdater = Object.assign(new EventEmitter(), {
    autoDownload: true,
    async checkForUpdates() {
      updater.checks += 1;
      const error = Object.assign(new Error("ENOENT: no such file or directory, open '/opt/ReqBridge/resources/app-update.yml'"), {
        code: 'ENOENT',
      });
      autoUpdater.emit('error', error);
      throw error;
    },
    async downloadUpdate() {},
    quitAndInstall() {},
  });
  return { autoUpdater };
});

describe('Electron entry (electron mocked)', () => {
  it('boots: privileged app scheme, IPC for every channel, a secure window and the tray', async () => {
    process.env.REQBRIDGE_HOME = temp.path;
    process.env.XDG_CONFIG_HOME = temp.path;
    await import('../../../src/main/electron/index.ts');
    expect(state.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    state.ready?.();
    await vi.waitFor(() => expect(state.trayMenus.length).toBeGreaterThan(0), { timeout: 10_000 });
    expect([...state.handlers.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort());
    expect(state.windows).toHaveLength(1);
    expect(state.windows[0]?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(state.windows[0]?.loaded).toBe('app://reqbridge/index.html');
    // The default session denies every browser permission but notifications.
    const granted: Record<string, boolean> = {};
    for (const permission of ['notifications', 'media', 'geolocation'])
      state.permissions.request?.({}, permission, (answer) => (granted[permission] = answer));
    expect(granted).toEqual({ notifications: true, media: false, geolocation: false });
    expect(state.permissions.check?.({}, 'clipboard-read')).toBe(false);
    expect(state.trayMenus[0]?.map((item) => item.label).filter(Boolean)).toContain('Sync now (Sandbox)');
    expect(state.quit).toBe(0);
    // A second launch shows this window instead of starting another app.
    const shownBefore = state.shown;
    state.appHandlers.get('second-instance')?.({ preventDefault() {} });
    expect(state.shown).toBe(shownBefore + 1);
    // Wake from sleep is wired to the scheduler's catch-up; the login item follows the preference.
    expect(state.power.has('resume')).toBe(true);
    // (On Linux the login item is an XDG autostart file instead: login-item.test.ts.)
    expect(state.loginItems).toEqual(process.platform === 'linux' ? [] : [false]);

    const { readFileSync } = await import('node:fs');

    // Quitting saves the sandbox state before the process ends, then quits for real.
    const prevent = vi.fn();
    state.appHandlers.get('will-quit')?.({ preventDefault: prevent });
    expect(prevent).toHaveBeenCalled();
    await vi.waitFor(() => expect(state.quit).toBe(1), { timeout: 10_000 });
    const saved = JSON.parse(readFileSync(`${temp.path}/sandbox/state.json`, 'utf8')) as {
      version: number;
      lever: unknown;
      charthop: unknown;
    };
    expect(saved.version).toBe(1);
    expect(JSON.stringify(saved.charthop)).toContain('northwind');
    delete process.env.REQBRIDGE_HOME;
    delete process.env.XDG_CONFIG_HOME;
  });

  it('a start that fails (a file where the data folder should be) shows a dialog with the sentence and exits, opening nothing', async () => {
    vi.resetModules();
    const { writeFileSync } = await import('node:fs');
    const notAFolder = `${temp.path}/not-a-folder`;
    writeFileSync(notAFolder, 'a file');
    process.env.REQBRIDGE_HOME = notAFolder;
    const windows = state.windows.length;
    state.appHandlers.clear();
    await import('../../../src/main/electron/index.ts');
    state.ready?.();
    await vi.waitFor(() => expect(state.errorBoxes).toHaveLength(1), { timeout: 10_000 });
    expect(state.errorBoxes[0]?.title).toBe('ReqBridge could not start');
    expect(state.errorBoxes[0]?.content).toMatch(
      /ReqBridge cannot use .*not-a-folder as its data folder \(a file is in its place\)\. Make it a folder your user can write to/,
    );
    expect(state.errorBoxes[0]?.content).toContain('Nothing was changed.');
    expect(state.exits).toEqual([1]);
    expect(state.windows).toHaveLength(windows);
    delete process.env.REQBRIDGE_HOME;
  });

  it('a second copy that does not get the single-instance lock quits at once, opening nothing', async () => {
    vi.resetModules();
    state.lock = false;
    const before = { quit: state.quit, windows: state.windows.length };
    state.appHandlers.clear();
    await import('../../../src/main/electron/index.ts');
    expect(state.quit).toBe(before.quit + 1);
    expect(state.windows).toHaveLength(before.windows);
    expect(state.appHandlers.has('second-instance')).toBe(false);
    state.lock = true;
  });

  it('a packaged build plugs its update flow into the contract: Check for updates on a build without a feed says so', async () => {
    vi.resetModules();
    const { mkdirSync } = await import('node:fs');
    const home = `${temp.path}/packaged`;
    mkdirSync(home);
    process.env.REQBRIDGE_HOME = home;
    (process as { resourcesPath?: string }).resourcesPath = home;
    state.packaged = true;
    state.appHandlers.clear();
    const menus = state.trayMenus.length;
    await import('../../../src/main/electron/index.ts');
    state.ready?.();
    await vi.waitFor(() => expect(state.trayMenus.length).toBeGreaterThan(menus), { timeout: 10_000 });
    const window = state.windows.at(-1) as unknown as { webContents: { mainFrame: { url?: string } } };
    window.webContents.mainFrame.url = 'app://reqbridge/index.html';
    const fromWindow = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    const ipc = (channel: string) => (state.handlers.get(channel) as (event: unknown, input: unknown) => Promise<unknown>)(fromWindow, {});
    const { NO_FEED_MESSAGE } = await import('../../../src/main/electron/update-flow.ts');
    expect(await ipc('updates:check')).toEqual({ ok: true, value: { phase: 'no-feed', version: '9.9.9', message: NO_FEED_MESSAGE } });
    expect(await ipc('updates:status')).toEqual({ ok: true, value: { phase: 'no-feed', version: '9.9.9', message: NO_FEED_MESSAGE } });
    expect(updater.checks).toBe(1);
    const quits = state.quit;
    state.appHandlers.get('will-quit')?.({ preventDefault() {} });
    await vi.waitFor(() => expect(state.quit).toBe(quits + 1), { timeout: 10_000 });
    state.packaged = false;
    delete (process as { resourcesPath?: string }).resourcesPath;
    delete process.env.REQBRIDGE_HOME;
  });
});
