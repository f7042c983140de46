/** Settings storage in the desktop app: electron-store on the same file conf uses in host and CLI. */
import Store from 'electron-store';
import type { SettingsBacking, SettingsDocument } from '../core/settings/settings-file.ts';
import { SETTINGS_FILE_NAME } from '../core/settings/settings-file.ts';
import { PRIVATE_FILE_MODE, ensurePrivateDir, makePrivate } from '../core/files/private-files.ts';

/** Open the settings file in `dataDir` through electron-store. */
export function createElectronStoreBacking(dataDir: string): SettingsBacking {
  ensurePrivateDir(dataDir);
  const store = new Store<Record<string, unknown>>({ cwd: dataDir, name: SETTINGS_FILE_NAME, configFileMode: PRIVATE_FILE_MODE });
  return {
    location: store.path,
    read: () => store.store,
    write(document: SettingsDocument) {
      store.store = document as unknown as Record<string, unknown>;
      makePrivate(store.path);
    },
  };
}
