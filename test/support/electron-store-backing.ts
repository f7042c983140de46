/**
 * The settings backing the desktop app used while its core ran in Electron's main process:
 * electron-store (which needs Electron's `app`) on the settings file. The engine's process cannot
 * load electron-store, so it uses conf on the same file (conf-backing.ts); tests keep this backing to
 * prove that a file the old app wrote is the file the engine reads, and back. It imports electron:
 * only tests that fake the electron module may load it.
 */
import Store from 'electron-store';
import type { SettingsBacking, SettingsDocument } from '../../src/main/core/settings/settings-file.ts';
import { SETTINGS_FILE_NAME } from '../../src/main/core/settings/settings-file.ts';
import { PRIVATE_FILE_MODE, ensurePrivateDir, makePrivate } from '../../src/main/core/files/private-files.ts';

/** Open the settings file in `dataDir` through electron-store, as the desktop app did. */
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
