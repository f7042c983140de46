/** The fake `electron` as a module (see electron-resolve-hook.mjs), its state shared with the boot script. */
import { createFakeElectron, createFakeElectronState } from './fake-electron.ts';

/** What the booted main process wired. */
export const state = createFakeElectronState();
const electron = createFakeElectron(state, process.env.REQBRIDGE_HOME ?? '.');
export const app = electron.app;
export const BrowserWindow = electron.BrowserWindow;
export const Tray = electron.Tray;
export const Menu = electron.Menu;
export const ipcMain = electron.ipcMain;
export const nativeImage = electron.nativeImage;
export const protocol = electron.protocol;
export const safeStorage = electron.safeStorage;
export const utilityProcess = electron.utilityProcess;
export const shell = electron.shell;
export const dialog = electron.dialog;
export const session = electron.session;
export const powerMonitor = electron.powerMonitor;
export const Notification = electron.Notification;
export default electron.default;
