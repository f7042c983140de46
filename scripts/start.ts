/**
 * `npm start`: opens the desktop app (after the build step of the npm script).
 * Where the Electron binary cannot be had, it says why and serves the same app
 * through the browser host instead.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const electron = findElectronBinary(root);

if (!('reason' in electron)) {
  const child = spawn(electron.path, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`ReqBridge desktop cannot open here: ${electron.reason}.`);
  console.log('Starting the same app in your browser instead (the browser host).\n');
  await import('../src/main/host/main.ts');
}
