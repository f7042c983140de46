/**
 * `npm run dev`: electron-vite's dev server with the desktop app. Gets the
 * Electron binary first, as `npm start` does, and hands its path to
 * electron-vite (ELECTRON_EXEC_PATH). Where it cannot be had, it says why,
 * builds, and serves the app through the browser host instead.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureElectron } from './electron-download.ts';
import { electronPackageDir } from './electron-package.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const electron = await ensureElectron({ packageDir: electronPackageDir(root) });

/** Runs electron-vite with the given arguments; resolves to its exit code. */
function electronVite(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('electron-vite', args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
    child.on('exit', (code) => resolve(code ?? 0));
  });
}

if (electron.path !== null) {
  process.exit(await electronVite(['dev'], { ...process.env, ELECTRON_EXEC_PATH: electron.path }));
} else {
  console.log(`ReqBridge desktop cannot open here: ${electron.reason}.`);
  console.log('Building, then starting the same app in your browser instead (the browser host).\n');
  const code = await electronVite(['build'], process.env);
  if (code !== 0) process.exit(code);
  await import('../src/main/host/main.ts');
}
