/**
 * Boots a built main bundle (argv[2]) under plain Node with the fake `electron`, as the app would
 * start, then quits it through `will-quit`, and prints one JSON line of what it wired: the IPC
 * handlers, the window, the tray, and the engine's process (what `utilityProcess.fork` started,
 * really forked with Node, and how it ended). Used on the bundle extracted from a packaged
 * app.asar: a runtime import missing from the package, in the main bundle or the engine's, fails here.
 */
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register(new URL('./electron-resolve-hook.mjs', import.meta.url));
const { state } = await import('./fake-electron-module.ts');
await import(pathToFileURL(process.argv[2]!).href);
state.ready?.();
const deadline = Date.now() + 30_000;
while (state.trayMenus.length === 0 && state.errorBoxes.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
const window = state.windows[0];
const wired = {
  handlers: [...state.handlers.keys()].sort(),
  windows: state.windows.length,
  loaded: window?.loaded ?? null,
  webPreferences: window?.options.webPreferences ?? null,
  tray: state.trayMenus.length,
  trayLabels: (state.trayMenus.at(-1) ?? []).map((item) => item.label).filter(Boolean),
  errors: state.errorBoxes,
};
state.appHandlers.get('will-quit')?.({ preventDefault() {} });
while (state.quit === 0 && Date.now() < deadline + 15_000) await new Promise((r) => setTimeout(r, 50));
const engines = state.utilityForks.map(({ modulePath, args, options, child }) => ({
  modulePath,
  args,
  serviceName: options.serviceName,
  exitCode: child.exitCode,
}));
process.stdout.write(`${JSON.stringify({ ...wired, engines })}\n`);
process.exit(state.quit > 0 ? 0 : 3);
