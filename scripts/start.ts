/**
 * `npm start`: opens the desktop app (after the build step of the npm script).
 * The first start gets the Electron binary the way the `electron` package does
 * (see electron-download.ts). Where it cannot be had, it says why and serves
 * the same app through the browser host instead.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureElectron } from './electron-download.ts';
import { electronPackageDir } from './electron-package.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const electron = await ensureElectron({ packageDir: electronPackageDir(root) });

if (electron.path !== null) {
  const child = spawn(electron.path, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`ReqBridge desktop cannot open here: ${electron.reason}.`);
  console.log('Starting the same app in your browser instead (the browser host).\n');
  await import('../src/main/host/main.ts');
}
