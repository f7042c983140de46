/**
 * Boots a built main bundle (argv[2]) under plain Node with the fake `electron`, as the app would
 * start, and prints one JSON line of what it wired; then quits it through `will-quit`. Used on the
 * bundle extracted from a packaged app.asar: a runtime import missing from the package fails here.
 */
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register(new URL('./electron-resolve-hook.mjs', import.meta.url));
const { state } = await import('./fake-electron-module.ts');
await import(pathToFileURL(process.argv[2]!).href);
state.ready?.();
const deadline = Date.now() + 15_000;
while (state.trayMenus.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
const window = state.windows[0];
process.stdout.write(
  `${JSON.stringify({ handlers: [...state.handlers.keys()].sort(), windows: state.windows.length, loaded: window?.loaded ?? null, webPreferences: window?.options.webPreferences ?? null, tray: state.trayMenus.length })}\n`,
);
state.appHandlers.get('will-quit')?.({ preventDefault() {} });
while (state.quit === 0 && Date.now() < deadline + 10_000) await new Promise((r) => setTimeout(r, 50));
process.exit(state.quit > 0 ? 0 : 3);
