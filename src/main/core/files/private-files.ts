/**
 * The data folder is private to the user who runs ReqBridge: the folder and
 * every folder in it 0700, every file 0600 (settings, state databases with
 * their -wal and -shm files, the encrypted secrets file and its temporary
 * copy, the sandbox's state, exports). They hold the webhook's path secret,
 * candidate names and the run log. Modes are POSIX only; on Windows the
 * user's profile folder already keeps other users out.
 */
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.ts';

/** The mode of every folder in the data folder. */
export const PRIVATE_DIR_MODE = 0o700;
/** The mode of every file in the data folder. */
export const PRIVATE_FILE_MODE = 0o600;

const posix = process.platform !== 'win32';

/**
 * Create `dir` (and its parents) when missing, and make it 0700. A folder that cannot be made or
 * used (a file in its place, no permission, a read-only disk) is an AppError saying what to do.
 */
export function ensurePrivateDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    if (posix) chmodSync(dir, PRIVATE_DIR_MODE);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const why =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? 'a file is in its place'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EROFS'
            ? 'the disk is read-only'
            : (error as Error).message;
    throw new AppError(
      'data.unusable',
      `ReqBridge cannot use ${dir} as its data folder (${why}). Make it a folder your user can write to, or set REQBRIDGE_HOME to one, then start ReqBridge again.`,
      { cause: error },
    );
  }
}

/** Make an existing file 0600 (nothing when it does not exist). */
export function makePrivate(path: string): void {
  if (posix && existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE);
}

/** Create `path` empty with mode 0600 when missing (so files SQLite derives from it get the same mode), else make it 0600. */
export function touchPrivate(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  makePrivate(path);
}

/**
 * Write `content` to `path` as a 0600 file. A leftover file of the same name (say a `.tmp` from a
 * crash, with a looser mode) is removed first, so the new one is created with the private mode.
 */
export function writePrivateFile(path: string, content: string | Uint8Array): void {
  rmSync(path, { force: true });
  writeFileSync(path, content, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  makePrivate(path);
}

/**
 * Make the data folder private: the folder and every folder in it 0700, every regular file 0600
 * (fixes files written by older versions). Symbolic links are left alone, never followed.
 */
export function lockDownDataDir(dataDir: string): void {
  ensurePrivateDir(dataDir);
  if (!posix) return;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stats = lstatSync(path, { throwIfNoEntry: false });
      if (!stats) continue;
      if (stats.isDirectory()) {
        chmodSync(path, PRIVATE_DIR_MODE);
        walk(path);
      } else if (stats.isFile()) {
        chmodSync(path, PRIVATE_FILE_MODE);
      }
    }
  };
  walk(dataDir);
}
