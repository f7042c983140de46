/**
 * Electron entry: single instance, the renderer on app://, the core service
 * behind IPC, the embedded Sandbox, background work (new-hire endpoints,
 * schedules), the tray, notifications and close-to-tray. All behaviour lives
 * in the core; this file only wires Electron's pieces to it.
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
} from 'electron';
import { startBackground } from '../core/background.ts';
import { startCore } from '../core/bootstrap.ts';
import { createLogger, streamSink } from '../core/logging/logger.ts';
import { createRedactor } from '../core/logging/redactor.ts';
import { createKeytarSecretStore } from '../core/secrets/keytar-store.ts';
import { STARTUP_FAILURE_NEXT, startupFailureText } from '../core/startup-failure.ts';
import { startEmbeddedSandbox } from '../host/embedded-sandbox.ts';
import { handleAppProtocol, registerAppSchemePrivileges } from './app-protocol.ts';
import { wireDesktop } from './desktop-integration.ts';
import { startTray } from './desktop-tray.ts';
import { forwardEvents, registerIpcHandlers } from './ipc.ts';
import { openExternalSafely } from './external-links.ts';
import { createMainWindow } from './main-window.ts';
import { applyAppIdentity, setStartAtLogin, trayIconFile } from './login-item.ts';
import { lockPermissions } from './permissions.ts';
import type { UpdaterLike } from './update-flow.ts';
import { createDesktopUpdates } from './updates.ts';
import { createSafeStorageSecretStore } from './safe-storage-store.ts';
import { chooseSecretStore } from '../core/secrets/secret-store-choice.ts';
import { createElectronStoreBacking } from './settings-backing.ts';

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
      const logSink = streamSink(process.stderr);
      // One redactor for the whole process: what is logged before the core starts goes through it too.
      const redactor = createRedactor();
      const bootLogger = createLogger({ redactor, sink: logSink });
      const secretStore = await chooseSecretStore(
        () => createKeytarSecretStore(),
        () => createSafeStorageSecretStore(safeStorage, join(dataDir, 'secrets.enc.json')),
        bootLogger,
      );
      const embedded = await startEmbeddedSandbox(dataDir, bootLogger);
      const core = startCore({
        dataDir,
        host: 'electron',
        version: app.getVersion(),
        settingsBacking: createElectronStoreBacking(dataDir),
        secretStore,
        env: process.env,
        logSink,
        redactor,
        sandbox: embedded.runtime,
      });
      handleAppProtocol(protocol, join(__dirname, '../renderer'));
      const contents = () => (window && !window.isDestroyed() ? window.webContents : null);
      registerIpcHandlers(ipcMain, core.service.dispatch, contents, core.logger);
      forwardEvents(core.events, contents);

      window = createMainWindow({
        BrowserWindow,
        openExternal: (url) => void openExternalSafely(url, (allowed) => shell.openExternal(allowed)),
        preloadPath: join(__dirname, '../preload/index.cjs'),
        isQuitting: () => quitting,
      });

      const background = await startBackground(core);
      const stopTray = startTray({
        tray: new Tray(trayImage()),
        buildMenu: (template) => Menu.buildFromTemplate(template),
        dispatch: core.service.dispatch,
        events: core.events,
        logger: core.logger,
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
            core.logger.warn('Start ReqBridge at login could not be changed; check that your config folder is writable.', error);
          }
        },
        openRun: (profileId, runId) => {
          showWindow();
          core.events.emit('app:navigate', { route: `runs/${profileId}/${runId}` });
        },
        dispatch: core.service.dispatch,
        events: core.events,
        logger: core.logger,
      });

      // Updates only in the packaged app: a daily check, a notification to restart when one is downloaded, and the
      // "Check for updates" panel through the contract. Elsewhere the port stays empty and the panel says so.
      const updates = app.isPackaged
        ? createDesktopUpdates({
            version: app.getVersion(),
            logger: core.logger,
            redact: (text) => redactor.redact(text),
            notify: (title, body, onClick) => {
              const notification = new Notification({ title, body });
              notification.on('click', onClick);
              notification.show();
            },
            loadUpdater: async () => (await import('electron-updater')).autoUpdater as unknown as UpdaterLike,
            publish: (status) => core.events.emit('updates:changed', status),
          })
        : null;
      core.service.deps.updates.current = updates;

      let stopped = false;
      app.on('will-quit', (event) => {
        if (stopped) return;
        // Stop background work, save the sandbox's state and close the databases before the process ends.
        event.preventDefault();
        stopTray();
        unwire();
        updates?.stop();
        void background
          .stop()
          .then(() => embedded.close())
          .finally(() => {
            core.close();
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
