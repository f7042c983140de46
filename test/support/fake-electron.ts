/**
 * The faked `electron` module: what the entry test (vi.mock) and the packaged-app boot (a Node
 * loader hook) give the main process instead of Electron, recording what it wires in `state`.
 * Plain erasable TypeScript, so Node loads it without a build step.
 */
import { EventEmitter } from 'node:events';

/** What the main process did with the fake, for assertions. */
export interface FakeElectronState {
  lock: boolean;
  handlers: Map<string, unknown>;
  windows: Array<{ options: { webPreferences: Record<string, unknown> }; loaded?: string }>;
  trayMenus: Array<Array<{ label?: string }>>;
  schemes: unknown[];
  quit: number;
  appHandlers: Map<string, (event: { preventDefault(): void }) => void>;
  loginItems: boolean[];
  power: Map<string, () => void>;
  ready: null | (() => void);
  shown: number;
  permissions: {
    request: null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void);
    check: null | ((contents: unknown, permission: string) => boolean);
  };
  /** Error dialogs shown (`dialog.showErrorBox`). */
  errorBoxes: Array<{ title: string; content: string }>;
  /** Exit codes passed to `app.exit`. */
  exits: number[];
  /** What `app.isPackaged` answers (read at each access): a packaged build starts its updates. */
  packaged: boolean;
}

/** A fresh state: the single-instance lock granted, nothing wired yet. */
export function createFakeElectronState(): FakeElectronState {
  return {
    lock: true,
    handlers: new Map(),
    windows: [],
    trayMenus: [],
    schemes: [],
    quit: 0,
    appHandlers: new Map(),
    loginItems: [],
    power: new Map(),
    ready: null,
    shown: 0,
    permissions: { request: null, check: null },
    errorBoxes: [],
    exits: [],
    packaged: false,
  };
}

/** The fake module's exports (also its default export), recording into `state`; userData is `userDataPath`. */
export function createFakeElectron(state: FakeElectronState, userDataPath: string): Record<string, unknown> {
  class BrowserWindow extends EventEmitter {
    options: unknown;
    webContents = Object.assign(new EventEmitter(), { setWindowOpenHandler() {}, send() {}, isDestroyed: () => false, mainFrame: {} });
    constructor(options: { webPreferences: Record<string, unknown> }) {
      super();
      this.options = options;
      state.windows.push(this as never);
    }
    loadURL(url: string) {
      (this as unknown as { loaded: string }).loaded = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
    show() {
      state.shown += 1;
    }
    hide() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
  }
  const fakeImage = (): Record<string, unknown> => ({ setTemplateImage() {}, resize: () => fakeImage() });
  class Tray {
    setToolTip() {}
    setContextMenu(menu: Array<{ label?: string }>) {
      state.trayMenus.push(menu);
    }
  }
  const app = {
    requestSingleInstanceLock: () => state.lock,
    quit: () => (state.quit += 1),
    exit: (code: number) => state.exits.push(code),
    on: (name: string, handler: (event: { preventDefault(): void }) => void) => state.appHandlers.set(name, handler),
    whenReady: () => new Promise<void>((resolve) => (state.ready = resolve)),
    getPath: () => userDataPath,
    getVersion: () => '9.9.9',
    getAppPath: () => userDataPath,
    get isPackaged() {
      return state.packaged;
    },
    setLoginItemSettings: (settings: { openAtLogin: boolean }) => state.loginItems.push(settings.openAtLogin),
  };
  const electron = {
    app,
    BrowserWindow,
    Tray,
    Menu: { buildFromTemplate: (template: unknown) => template },
    ipcMain: { handle: (channel: string, listener: unknown) => state.handlers.set(channel, listener), on() {} },
    nativeImage: { createEmpty: () => fakeImage(), createFromPath: () => fakeImage() },
    protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => state.schemes.push(...schemes), handle() {} },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
    shell: { openExternal() {} },
    dialog: { showErrorBox: (title: string, content: string) => state.errorBoxes.push({ title, content }) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: FakeElectronState['permissions']['request']) => void (state.permissions.request = handler),
        setPermissionCheckHandler: (handler: FakeElectronState['permissions']['check']) => void (state.permissions.check = handler),
      },
    },
    powerMonitor: { on: (event: string, listener: () => void) => state.power.set(event, listener) },
    Notification: class {
      static isSupported() {
        return true;
      }
      on() {}
      show() {}
    },
  };
  return { ...electron, default: electron };
}
