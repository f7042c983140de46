/** The main window: created hidden, shown when ready; closing hides it to the tray. */
import type { BrowserWindow as BrowserWindowType } from 'electron';
import { APP_ORIGIN, lockNavigation, mainWindowOptions } from './window-options.ts';

/** Constructors and helpers the window needs (injected for tests). */
export interface WindowDeps {
  BrowserWindow: new (options: ConstructorParameters<typeof BrowserWindowType>[0]) => BrowserWindowType;
  openExternal(url: string): void;
  preloadPath: string;
  /** True once the user chose Quit: then closing really closes. */
  isQuitting(): boolean;
}

/** Create the main window, locked to the app's own pages. */
export function createMainWindow(deps: WindowDeps): BrowserWindowType {
  const window = new deps.BrowserWindow(mainWindowOptions(deps.preloadPath));
  lockNavigation(window.webContents, deps.openExternal);
  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    // Keep running in the tray so scheduled runs still happen.
    if (!deps.isQuitting()) {
      event.preventDefault();
      window.hide();
    }
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
