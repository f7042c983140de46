// The real Electron entry booted with the electron module faked (test/support/fake-electron.ts, also used to boot
// the packaged app): its utilityProcess.fork really forks the engine's entry with Node, behind Electron's
// UtilityProcess surface, so every IPC call here crosses into a real engine process (real SQLite, real Sandbox
// servers) and back, and the host calls (safeStorage, the update flow) come back into this process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { REQUEST_CHANNELS } from '../../../src/shared/api/channels.ts';
import { createFakeElectronState } from '../../support/fake-electron.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

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

type Envelope = { ok: true; value: never } | { ok: false; error: { code: string; message: string } };

/** Boot the entry (a fresh copy of its module) on `home`; resolves once the tray shows what the engine answered. */
async function boot(home: string) {
  vi.resetModules();
  state.appHandlers.clear();
  process.env.REQBRIDGE_HOME = home;
  const menus = state.trayMenus.length;
  const forks = state.utilityForks.length;
  await import('../../../src/main/electron/index.ts');
  state.ready?.();
  await vi.waitFor(() => expect(state.trayMenus.length).toBeGreaterThan(menus), { timeout: 20_000 });
  const window = state.windows.at(-1) as unknown as { webContents: { mainFrame: { url?: string } } };
  window.webContents.mainFrame.url = 'app://reqbridge/index.html';
  const fromWindow = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
  const ipc = (channel: string, input: unknown = {}) =>
    (state.handlers.get(channel) as (event: unknown, input: unknown) => Promise<Envelope>)(fromWindow, input);
  const value = async <T>(channel: string, input: unknown = {}): Promise<T> => {
    const envelope = await ipc(channel, input);
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
    return envelope.value as T;
  };
  /** Quit as the app does: will-quit stops the engine, then the app quits for real. */
  const quit = async () => {
    const quits = state.quit;
    const prevent = vi.fn();
    state.appHandlers.get('will-quit')?.({ preventDefault: prevent });
    expect(prevent).toHaveBeenCalled();
    await vi.waitFor(() => expect(state.quit).toBe(quits + 1), { timeout: 20_000 });
  };
  return { ipc, value, quit, engine: () => state.utilityForks.at(-1)!, forked: () => state.utilityForks.length - forks };
}

const labels = (menu: Array<{ label?: string }> | undefined) => (menu ?? []).map((item) => item.label).filter(Boolean);

describe('Electron entry (electron mocked, the engine in a real process)', () => {
  it('boots: privileged app scheme, IPC for every channel, a secure window, the engine forked as a utility process, the tray', async () => {
    process.env.XDG_CONFIG_HOME = temp.path;
    const app = await boot(temp.path);
    expect(state.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect([...state.handlers.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort());
    expect(state.windows).toHaveLength(1);
    expect(state.windows[0]?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(state.windows[0]?.loaded).toBe('app://reqbridge/index.html');
    // The engine: one utility process, the app's version and data folder passed in.
    expect(app.forked()).toBe(1);
    const engine = app.engine();
    expect(engine.modulePath).toMatch(/src[\\/]main[\\/]core-process[\\/]main\.ts$/);
    expect(engine.args).toEqual(['--host', 'electron', '--app-version', '9.9.9']);
    expect(engine.options).toMatchObject({ serviceName: 'ReqBridge engine', stdio: 'inherit', env: { REQBRIDGE_HOME: temp.path } });
    // The default session denies every browser permission but notifications.
    const granted: Record<string, boolean> = {};
    for (const permission of ['notifications', 'media', 'geolocation'])
      state.permissions.request?.({}, permission, (answer) => (granted[permission] = answer));
    expect(granted).toEqual({ notifications: true, media: false, geolocation: false });
    expect(state.permissions.check?.({}, 'clipboard-read')).toBe(false);
    expect(state.quit).toBe(0);
    // A second launch shows this window instead of starting another app.
    const shownBefore = state.shown;
    state.appHandlers.get('second-instance')?.({ preventDefault() {} });
    expect(state.shown).toBe(shownBefore + 1);
    // Wake from sleep is wired; the login item follows the preference the engine answers.
    expect(state.power.has('resume')).toBe(true);
    // (On Linux the login item is an XDG autostart file instead: login-item.test.ts.)
    if (process.platform !== 'linux') await vi.waitFor(() => expect(state.loginItems).toEqual([false]));
    await app.quit();
    // The engine saved the Sandbox's state before it ended, and ended cleanly.
    const saved = JSON.parse(readFileSync(join(temp.path, 'sandbox', 'state.json'), 'utf8')) as { version: number; charthop: unknown };
    expect(saved.version).toBe(1);
    expect(JSON.stringify(saved.charthop)).toContain('northwind');
    expect(engine.child.exitCode).toBe(0);
  });

  it('IPC goes through the engine: app:info has the app’s version, the tray is built from its answers and pauses through it', async () => {
    const home = join(temp.path, 'calls');
    const app = await boot(home);
    expect(await app.value('app:info')).toMatchObject({ name: 'ReqBridge', version: '9.9.9', host: 'electron', dataDir: home });
    const created = await app.value<{ id: string }>('profiles:create', { name: 'Acme' });
    expect((await app.value<{ profiles: Array<{ name: string }> }>('profiles:list')).profiles.map((p) => p.name)).toEqual([
      'Sandbox',
      'Acme',
    ]);
    expect(created.id).toBe('acme');
    // The tray, from profiles:list, schedule:status and runs:list: a line per profile, then the current profile's actions.
    await vi.waitFor(() => expect(labels(state.trayMenus.at(-1)).filter((l) => l?.startsWith('Acme —'))).toHaveLength(1));
    const menu = state.trayMenus.at(-1) as Array<{ label?: string; click?: () => void }>;
    expect(labels(menu)).toEqual(expect.arrayContaining(['Sync now (Sandbox)', 'Reconcile… (Sandbox)', 'Pause schedules']));
    menu.find((item) => item.label === 'Pause schedules')?.click?.();
    await vi.waitFor(() => expect(labels(state.trayMenus.at(-1))).toContain('Resume schedules'));
    expect(await app.value('schedule:status')).toMatchObject({ active: true, paused: true });
    // The tray's Sync now shows the window and tells it where to go (this process's own event, forwarded).
    (state.trayMenus.at(-1) as Array<{ label?: string; click?: () => void }>)
      .find((item) => item.label === 'Sync now (Sandbox)')
      ?.click?.();
    expect(state.sent.at(-1)).toEqual({ channel: 'app:navigate', payload: { route: 'sync-now' } });
    await app.quit();
  });

  it('the engine killed: it is restarted, the window is told, and calls work again', async () => {
    const home = join(temp.path, 'restart');
    const app = await boot(home);
    const first = app.engine();
    process.kill(first.child.pid!, 'SIGKILL');
    await vi.waitFor(() => expect(state.sent.map((s) => s.channel)).toContain('app:core-restarted'), { timeout: 20_000 });
    const notice = state.sent.find((s) => s.channel === 'app:core-restarted')?.payload as { message: string };
    expect(notice.message).toMatch(/restarted.*marked interrupted/);
    expect(app.forked()).toBe(2);
    expect(app.engine().child.pid).not.toBe(first.child.pid);
    expect(app.engine().args).toEqual(first.args);
    expect(await app.value('app:info')).toMatchObject({ version: '9.9.9', dataDir: home });
    await app.quit();
    state.sent.length = 0;
  });

  it('no OS keychain: secrets go to the file encrypted by this process’s safeStorage, through host calls, and read back after a restart', async () => {
    const home = join(temp.path, 'no-keychain');
    const bus = process.env.DBUS_SESSION_BUS_ADDRESS;
    // The engine inherits this environment: its keytar finds no D-Bus session, so no keychain answers.
    process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${join(temp.path, 'no-such-bus')}`;
    state.encryption = true;
    try {
      const app = await boot(home);
      const { id } = await app.value<{ id: string }>('profiles:create', { name: 'Acme' });
      const key = 'lever-key-through-main-0042';
      expect(await app.value('secrets:set', { profileId: id, name: 'leverApiKey', value: key })).toMatchObject({
        set: true,
        last4: '0042',
      });
      expect(state.safeStorageCalls.encrypted).toBe(1);
      const file = readFileSync(join(home, 'secrets.enc.json'), 'utf8');
      expect(file).not.toContain(key);
      expect(Object.keys(JSON.parse(file) as object)).toEqual([`${id}:leverApiKey`]);
      // A new engine reads it back: decrypted by this process.
      const decrypted = state.safeStorageCalls.decrypted;
      process.kill(app.engine().child.pid!, 'SIGKILL');
      await vi.waitFor(() => expect(app.forked()).toBe(2));
      await vi.waitFor(async () => expect((await app.ipc('app:info')).ok).toBe(true), { timeout: 20_000 });
      const status = await app.value<Array<{ name: string; set: boolean; last4: string | null }>>('secrets:status', { profileId: id });
      expect(status.find((s) => s.name === 'leverApiKey')).toMatchObject({ set: true, last4: '0042' });
      expect(state.safeStorageCalls.decrypted).toBeGreaterThan(decrypted);
      await app.quit();
    } finally {
      state.encryption = false;
      if (bus === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
      else process.env.DBUS_SESSION_BUS_ADDRESS = bus;
    }
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
    await vi.waitFor(() => expect(state.errorBoxes).toHaveLength(1), { timeout: 20_000 });
    expect(state.errorBoxes[0]?.title).toBe('ReqBridge could not start');
    expect(state.errorBoxes[0]?.content).toMatch(
      /ReqBridge cannot use .*not-a-folder as its data folder \(a file is in its place\)\. Make it a folder your user can write to/,
    );
    expect(state.errorBoxes[0]?.content).toContain('Nothing was changed.');
    expect(state.exits).toEqual([1]);
    expect(state.windows).toHaveLength(windows);
    // The engine said why and ended.
    await vi.waitFor(() => expect(state.utilityForks.at(-1)?.child.exitCode).toBe(1));
  });

  it('a second copy that does not get the single-instance lock quits at once, opening nothing', async () => {
    vi.resetModules();
    state.lock = false;
    const before = { quit: state.quit, windows: state.windows.length, forks: state.utilityForks.length };
    state.appHandlers.clear();
    await import('../../../src/main/electron/index.ts');
    expect(state.quit).toBe(before.quit + 1);
    expect(state.windows).toHaveLength(before.windows);
    expect(state.utilityForks).toHaveLength(before.forks);
    expect(state.appHandlers.has('second-instance')).toBe(false);
    state.lock = true;
  });

  it('a packaged build answers Check for updates from this process’s update flow, through the engine, and pushes the state', async () => {
    const { mkdirSync } = await import('node:fs');
    const home = `${temp.path}/packaged`;
    mkdirSync(home);
    (process as { resourcesPath?: string }).resourcesPath = home;
    state.packaged = true;
    state.sent.length = 0;
    try {
      const app = await boot(home);
      const { NO_FEED_MESSAGE } = await import('../../../src/main/electron/update-flow.ts');
      const noFeed = { phase: 'no-feed', version: '9.9.9', message: NO_FEED_MESSAGE };
      expect(await app.ipc('updates:check')).toEqual({ ok: true, value: noFeed });
      expect(await app.ipc('updates:status')).toEqual({ ok: true, value: noFeed });
      expect(await app.ipc('updates:restart')).toMatchObject({ ok: false, error: { code: 'updates.nothing_downloaded' } });
      expect(updater.checks).toBe(1);
      expect(state.sent.filter((s) => s.channel === 'updates:changed').map((s) => s.payload)).toEqual([noFeed]);
      await app.quit();
    } finally {
      state.packaged = false;
      delete (process as { resourcesPath?: string }).resourcesPath;
      delete process.env.REQBRIDGE_HOME;
      delete process.env.XDG_CONFIG_HOME;
    }
  });

  it('a run that is not packaged has no update flow: the engine answers "unsupported" with the app’s version', async () => {
    const app = await boot(join(temp.path, 'unpackaged'));
    expect(await app.ipc('updates:status')).toEqual({ ok: true, value: { phase: 'unsupported', version: '9.9.9' } });
    expect(updater.checks).toBe(1);
    await app.quit();
    delete process.env.REQBRIDGE_HOME;
  });
});
