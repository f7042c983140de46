/**
 * Settings storage for every host (the desktop app's engine process, the browser
 * host, the CLI): `conf`, the library electron-store is built on, pointed at the
 * same file electron-store used in the desktop app before its core moved to a
 * process of its own, where electron-store (it needs Electron's `app`) cannot run.
 */
import { join } from 'node:path';
import Conf from 'conf';
import type { SettingsBacking, SettingsDocument } from './settings-file.ts';
import { SETTINGS_FILE_NAME } from './settings-file.ts';
import { AppError } from '../errors.ts';
import { PRIVATE_FILE_MODE, ensurePrivateDir, makePrivate } from '../files/private-files.ts';

/** Open the settings file in `dataDir` through conf. */
export function createConfBacking(dataDir: string): SettingsBacking {
  let conf: Conf<Record<string, unknown>>;
  ensurePrivateDir(dataDir);
  try {
    conf = new Conf<Record<string, unknown>>({
      cwd: dataDir,
      configName: SETTINGS_FILE_NAME,
      projectName: 'ReqBridge',
      configFileMode: PRIVATE_FILE_MODE,
    });
  } catch (error) {
    const file = join(dataDir, `${SETTINGS_FILE_NAME}.json`);
    const why = /not valid JSON/i.test((error as Error).message) ? 'it is not valid JSON' : (error as Error).message;
    throw new AppError(
      'settings.unreadable',
      `The settings file ${file} could not be read (${why}). Fix the JSON or move the file away; ReqBridge has not changed it.`,
      { cause: error },
    );
  }
  return {
    location: conf.path,
    read() {
      try {
        return conf.store;
      } catch (error) {
        throw new AppError(
          'settings.unreadable',
          `The settings file ${conf.path} could not be read (${(error as Error).message}). Fix the JSON or move the file away; ReqBridge has not changed it.`,
          { cause: error },
        );
      }
    },
    write(document: SettingsDocument) {
      conf.store = document as unknown as Record<string, unknown>;
      makePrivate(conf.path);
    },
  };
}
