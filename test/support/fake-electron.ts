/**
 * The faked `electron` module: what the entry test (vi.mock) and the packaged-app boot (a Node
 * loader hook) give the main process instead of Electron, recording what it wires in `state`.
 * Plain erasable TypeScript, so Node loads it without a build step.
 *
 * `utilityProcess.fork` really forks the module with Node, preloading fake-parent-port.ts so the
 * child sees Electron's `process.parentPort` and no `process.send`, and returns an object with
 * Electron's UtilityProcess surface: `postMessage`, `message` listeners that receive the message
 * itself, `exit` with a code, `spawn`, `kill()` (SIGTERM) and `pid` (undefined until spawned).
 */
import type { ChildProcess, StdioOptions } from 'node:child_process';
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { FakeSafeStorageCalls } from './fake-safe-storage.ts';
import { fakeSafeStorage } from './fake-safe-storage.ts';

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
  /** Every `utilityProcess.fork`: what was forked, how, and the child (its pid, to kill it). */
  utilityForks: Array<{ modulePath: string; args: string[]; options: UtilityForkOptions; child: ChildProcess }>;
  /** Every push the main process sent a window (`webContents.send`). */
  sent: Array<{ channel: string; payload: unknown }>;
  /** Whether safeStorage offers encryption (read at each call), and what it encrypted and decrypted. */
  encryption: boolean;
  safeStorageCalls: FakeSafeStorageCalls;
}

/** The options of `utilityProcess.fork` the fake honours. */
export interface UtilityForkOptions {
  env?: Record<string, string | undefined>;
  stdio?: 'pipe' | 'ignore' | 'inherit' | Array<'pipe' | 'ignore' | 'inherit'>;
  serviceName?: string;
  cwd?: string;
  execArgv?: string[];
}

const PARENT_PORT_PRELOAD = fileURLToPath(new URL('./fake-parent-port.ts', import.meta.url));

/** Node's stdio for Electron's (stdin is always ignored in a utility process), with the IPC channel the port rides on. */
function nodeStdio(stdio: UtilityForkOptions['stdio'] = 'inherit'): StdioOptions {
  const [, out = 'inherit', err = 'inherit'] = Array.isArray(stdio) ? stdio : ['ignore', stdio, stdio];
  return ['ignore', out, err, 'ipc'];
}

/** A utility process: a real Node child behind Electron's UtilityProcess surface. */
class FakeUtilityProcess extends EventEmitter {
  readonly child: ChildProcess;
  private spawned = false;
  constructor(child: ChildProcess) {
    super();
    this.child = child;
    child.on('spawn', () => {
      this.spawned = true;
      this.emit('spawn');
    });
    child.on('message', (message) => this.emit('message', message));
    // Electron gives a code only; a process ended by a signal reports 128 + its number, as a shell does.
    child.on('exit', (code, signal) => this.emit('exit', code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0)));
  }
  get pid(): number | undefined {
    return this.spawned ? this.child.pid : undefined;
  }
  get stdout() {
    return this.child.stdout;
  }
  get stderr() {
    return this.child.stderr;
  }
  postMessage(message: unknown): void {
    if (this.child.connected) this.child.send(message as never);
  }
  kill(): boolean {
    return this.child.kill('SIGTERM');
  }
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
    utilityForks: [],
    sent: [],
    encryption: false,
    safeStorageCalls: { encrypted: 0, decrypted: 0 },
  };
}

/** The fake module's exports (also its default export), recording into `state`; userData is `userDataPath`. */
export function createFakeElectron(state: FakeElectronState, userDataPath: string): Record<string, unknown> {
  class BrowserWindow extends EventEmitter {
    options: unknown;
    webContents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler() {},
      send: (channel: string, payload: unknown) => void state.sent.push({ channel, payload }),
      isDestroyed: () => false,
      mainFrame: {},
    });
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
    safeStorage: fakeSafeStorage('gnome_libsecret', () => state.encryption, state.safeStorageCalls),
    utilityProcess: {
      fork(modulePath: string, args: string[] = [], options: UtilityForkOptions = {}) {
        const child = fork(modulePath, args, {
          env: options.env ?? process.env,
          // Electron's parentPort in place of Node's IPC, then the options the app asked for.
          execArgv: ['--import', PARENT_PORT_PRELOAD, ...(options.execArgv ?? [])],
          stdio: nodeStdio(options.stdio),
          ...(options.cwd ? { cwd: options.cwd } : {}),
        });
        state.utilityForks.push({ modulePath, args, options, child });
        return new FakeUtilityProcess(child);
      },
    },
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
