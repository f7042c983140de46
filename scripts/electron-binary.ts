/**
 * Finds the Electron binary the `electron` npm package downloads on first
 * use, without triggering that download. Null when it is absent (machines
 * without internet access), so callers can fall back or skip with a reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Electron executable's path, or null with the reason it is unavailable. */
export function findElectronBinary(
  projectRoot: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): { path: string } | { path: null; reason: string } {
  return findElectronPackageBinary(join(projectRoot, 'node_modules', 'electron'), env);
}

/** Like {@link findElectronBinary}, for an `electron` package in the given folder. */
export function findElectronPackageBinary(
  packageDir: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): { path: string } | { path: null; reason: string } {
  if (!existsSync(packageDir)) return { path: null, reason: 'the electron package is not installed (run npm install)' };
  const pathFile = join(packageDir, 'path.txt');
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  if (!existsSync(pathFile) && !env.ELECTRON_OVERRIDE_DIST_PATH) {
    return { path: null, reason: 'the Electron binary was never downloaded (it is fetched from the internet on first use)' };
  }
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const full = join(distDir, executable);
  return existsSync(full) ? { path: full } : { path: null, reason: `the Electron binary is missing at ${full}` };
}
