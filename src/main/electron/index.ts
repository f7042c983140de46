/**
 * Electron entry: single instance, the renderer on app://, the tray, notifications and
 * close-to-tray, and the IPC forwarding. The engine (the core, the embedded Sandbox and the
 * background work: new-hire endpoints, schedules) runs in its own process, started here with
 * `utilityProcess.fork` (out/main/core.js) and restarted if it dies, with a notice in the window
 * (core-process-client.ts). This process keeps what only it can do: windows, tray, protocol, the
 * login item, notifications, safeStorage and the update flow, the last two offered to the engine as
 * host services. Everything else is asked of the engine through the contract.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  BrowserWindow,
  Menu,
  Notification,
  Tray,
  app,
  dialog,
  ipcMain,
  nativeImage,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
  utilityProcess,
} from 'electron';
import { createLogger, streamSink } from '../core/logging/logger.ts';
import { createRedactor } from '../core/logging/redactor.ts';
import { startCoreProcess } from '../core/process/core-process-client.ts';
import { STARTUP_FAILURE_NEXT, startupFailureText } from '../core/startup-failure.ts';
import { handleAppProtocol, registerAppSchemePrivileges } from './app-protocol.ts';
import { wireDesktop } from './desktop-integration.ts';
import { startTray } from './desktop-tray.ts';
import { forwardEvents, registerIpcHandlers } from './ipc.ts';
import { openExternalSafely } from './external-links.ts';
import { createMainWindow } from './main-window.ts';
import { applyAppIdentity, setStartAtLogin, trayIconFile } from './login-item.ts';
import { lockPermissions } from './permissions.ts';
import { safeStorageServices } from './safe-storage-services.ts';
import type { UpdaterLike } from './update-flow.ts';
import type { DesktopUpdates } from './updates.ts';
import { createDesktopUpdates, desktopUpdatesServices } from './updates.ts';
import { engineForkArguments, utilityCoreChild } from './utility-core-child.ts';

registerAppSchemePrivileges(protocol);
applyAppIdentity(app, process.platform);

/** The tray's image (empty when the file is missing, as in a build without icons). */
function trayImage(): ReturnType<typeof nativeImage.createEmpty> {
  const file = trayIconFile(process.platform, app.isPackaged ? { resourcesPath: process.resourcesPath } : null, app.getAppPath());
  const image = existsSync(file) ? nativeImage.createFromPath(file) : nativeImage.createEmpty();
  if (process.platform === 'darwin') image.setTemplateImage(true);
  return process.platform === 'darwin' ? image : image.resize({ width: 16, height: 16 });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let quitting = false;
  let window: BrowserWindow | null = null;
  const dataDir = process.env.REQBRIDGE_HOME?.trim() || app.getPath('userData');

  const showWindow = () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  app.on('second-instance', showWindow);
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    // Stay in the tray; Quit is explicit.
  });

  void app
    .whenReady()
    .then(async () => {
      // Before any page exists: deny every browser permission but notifications.
      lockPermissions(session.defaultSession);
      const redactor = createRedactor();
      const logger = createLogger({ redactor, sink: streamSink(process.stderr) });
      // The update flow starts once the engine runs (it publishes on the engine's bus); until then its services say "unsupported".
      let updates: DesktopUpdates | null = null;
      // The engine's process: the same one each time, a restart forks it again. Its log goes to this process's stderr.
      const [engineEntry, engineArgs, engineOptions] = engineForkArguments({
        mainDir: __dirname,
        fromSource: import.meta.url.endsWith('.ts'),
        version: app.getVersion(),
        dataDir,
        env: process.env,
      });
      const engine = await startCoreProcess({
        spawn: () => utilityCoreChild(utilityProcess.fork(engineEntry, engineArgs, engineOptions)),
        logger,
        hostServices: { ...safeStorageServices(safeStorage), ...desktopUpdatesServices(() => updates, app.getVersion()) },
      });
      handleAppProtocol(protocol, join(__dirname, '../renderer'));
      const contents = () => (window && !window.isDestroyed() ? window.webContents : null);
      registerIpcHandlers(ipcMain, engine.dispatch, contents, logger);
      // The engine's events, and this process's own (app:navigate, updates:changed, app:core-restarted), to the window.
      forwardEvents(engine.events, contents);

      window = createMainWindow({
        BrowserWindow,
        openExternal: (url) => void openExternalSafely(url, (allowed) => shell.openExternal(allowed)),
        preloadPath: join(__dirname, '../preload/index.cjs'),
        isQuitting: () => quitting,
      });

      const stopTray = startTray({
        tray: new Tray(trayImage()),
        buildMenu: (template) => Menu.buildFromTemplate(template),
        dispatch: engine.dispatch,
        events: engine.events,
        logger,
        showWindow,
        quit: () => {
          quitting = true;
          app.quit();
        },
      });
      const unwire = wireDesktop({
        powerMonitor,
        Notification,
        setLoginItem: (openAtLogin) => {
          try {
            setStartAtLogin(
              {
                platform: process.platform,
                env: process.env,
                execPath: process.execPath,
                setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
              },
              openAtLogin,
            );
          } catch (error) {
            logger.warn('Start ReqBridge at login could not be changed; check that your config folder is writable.', error);
          }
        },
        openRun: (profileId, runId) => {
          showWindow();
          engine.events.emit('app:navigate', { route: `runs/${profileId}/${runId}` });
        },
        dispatch: engine.dispatch,
        events: engine.events,
        logger,
      });

      // Updates only in the packaged app: a daily check, a notification to restart when one is downloaded, and the
      // "Check for updates" panel through the contract. Elsewhere the services answer "unsupported" and the panel says so.
      updates = app.isPackaged
        ? createDesktopUpdates({
            version: app.getVersion(),
            logger,
            redact: (text) => redactor.redact(text),
            notify: (title, body, onClick) => {
              const notification = new Notification({ title, body });
              notification.on('click', onClick);
              notification.show();
            },
            loadUpdater: async () => (await import('electron-updater')).autoUpdater as unknown as UpdaterLike,
            publish: (status) => engine.events.emit('updates:changed', status),
          })
        : null;

      let stopped = false;
      app.on('will-quit', (event) => {
        if (stopped) return;
        // The engine stops its background work, saves the Sandbox's state and closes the databases before the app ends.
        event.preventDefault();
        stopTray();
        unwire();
        updates?.stop();
        void engine.close().finally(() => {
          stopped = true;
          app.quit();
        });
      });
    })
    .catch((error: unknown) => {
      // A start-up failure is a sentence with what to do, in a dialog, never a silent exit or a stack trace.
      const text = createRedactor().redact(startupFailureText(error));
      process.stderr.write(`${text}\n`);
      dialog.showErrorBox('ReqBridge could not start', `${text}\n\n${STARTUP_FAILURE_NEXT}`);
      app.exit(1);
    });
}
