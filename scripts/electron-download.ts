/**
 * Gets the Electron binary the way the `electron` npm package does on first
 * use: by running that package's own `install.js` (which downloads through
 * `@electron/get`, honouring `ELECTRON_MIRROR`, `electron_config_cache`,
 * `electron_use_remote_checksums` and `ELECTRON_OVERRIDE_DIST_PATH`). Used by
 * `npm start` and `npm run dev`; on failure it returns the reason in one
 * phrase so the caller can fall back to the browser host.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findElectronPackageBinary } from './electron-binary.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** The Electron executable's path, or null with the reason it could not be had. */
export type ElectronLookup = { path: string } | { path: null; reason: string };

/** Options for {@link ensureElectron}. */
export interface EnsureElectronOptions {
  /** The `electron` package's folder (normally node_modules/electron). */
  packageDir: string;
  /** Environment passed to the download (mirror, cache and checksum settings). */
  env?: Env;
  /** Gives up on a download that takes longer than this (default 10 minutes). */
  timeoutMs?: number;
  /** Progress lines for the user (default: stdout). */
  say?: (line: string) => void;
}

/** Finds the Electron binary, downloading it first when the package has not yet. */
export async function ensureElectron(options: EnsureElectronOptions): Promise<ElectronLookup> {
  const env = options.env ?? process.env;
  const say = options.say ?? ((line: string) => process.stdout.write(`${line}\n`));
  const found = findElectronPackageBinary(options.packageDir, env);
  if (found.path !== null) return found;
  if (!existsSync(join(options.packageDir, 'install.js'))) return found;
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD)
    return { path: null, reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so the Electron binary is not downloaded' };
  say('Getting Electron for the desktop app (first start only)…');
  const failure = await runInstall(options.packageDir, env, options.timeoutMs ?? 600_000);
  if (failure) return { path: null, reason: `the Electron download failed (${explainFailure(failure, env)})` };
  return findElectronPackageBinary(options.packageDir, env);
}

/** Runs the package's install.js; resolves to null on success or a one-line cause. */
function runInstall(packageDir: string, env: Env, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(packageDir, 'install.js')], {
      cwd: packageDir,
      env: { ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 64_000) stderr += chunk;
    });
    const timer = setTimeout(() => child.kill(), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(error.message);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(null);
      else if (signal) resolve(`it took longer than ${Math.round(timeoutMs / 1000)} s`);
      else resolve(summarizeInstallError(stderr));
    });
  });
}

/** Says which server could not be reached when fetch gives no more than "fetch failed". */
function explainFailure(failure: string, env: Env): string {
  if (!/fetch failed/i.test(failure)) return failure;
  let host = 'github.com';
  try {
    if (env.ELECTRON_MIRROR) host = new URL(env.ELECTRON_MIRROR).host;
  } catch {
    host = 'the ELECTRON_MIRROR address, which is not a URL';
  }
  return `${host} could not be reached: check the internet connection or ELECTRON_MIRROR`;
}

/** The first meaningful line of install.js's error output, without credentials in URLs. */
export function summarizeInstallError(stderr: string): string {
  const line =
    stderr
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '' && !l.startsWith('at ')) ?? 'no details';
  const withoutCredentials = line.replace(/(\w+:\/\/)[^/\s@]+@/g, '$1');
  return withoutCredentials.length > 300 ? `${withoutCredentials.slice(0, 297)}…` : withoutCredentials;
}
