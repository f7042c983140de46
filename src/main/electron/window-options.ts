/**
 * The main window's construction options and navigation guards. Kept apart
 * from Electron's classes so the security settings are unit-tested.
 */
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { openExternalSafely } from './external-links.ts';

/** The custom scheme the renderer is served from (with CSP headers). */
export const APP_SCHEME = 'app';
/** The origin of the renderer: the only origin IPC handlers accept. */
export const APP_ORIGIN = `${APP_SCHEME}://reqbridge`;

/** Options for the main window: isolated, sandboxed, no Node in the page. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'ReqBridge',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}

/** True when a URL belongs to the app's own renderer. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Deny every navigation away from the app and every new window; allow-listed external links open in the browser. */
export function lockNavigation(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url, openExternal);
    return { action: 'deny' };
  });
}
