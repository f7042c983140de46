/**
 * The fallback secret store where no OS keychain answers: values encrypted
 * with Electron's safeStorage in a file beside the settings. The `basic_text`
 * backend (a hard-coded key) is refused, as it protects nothing.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import type { SafeStorage } from 'electron';
import type { SecretName } from '../../shared/secrets/names.ts';
import { AppError } from '../core/errors.ts';
import type { EnumerableSecretStore } from '../core/secrets/keychain-first-store.ts';
import { keychainAccount } from '../core/secrets/secret-store.ts';
import { makePrivate, writePrivateFile } from '../core/files/private-files.ts';

type Encrypted = Record<string, string>;

/** Create the encrypted-file store, or throw when safeStorage offers no real protection. */
export function createSafeStorageSecretStore(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
    getSelectedStorageBackend?: () => string;
  },
  file: string,
): EnumerableSecretStore {
  if (!safeStorage.isEncryptionAvailable() || safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    throw new AppError(
      'secrets.no_keychain',
      'No OS keychain is available and this system offers no real encryption for secrets. Install and unlock a keyring (e.g. gnome-keyring or KWallet), then restart ReqBridge.',
    );
  }
  const read = (): Encrypted => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Encrypted) : {});
  // The temporary copy is created fresh at 0600 (a leftover one is replaced, whatever its mode).
  const write = (data: Encrypted) => {
    writePrivateFile(`${file}.tmp`, JSON.stringify(data));
    renameSync(`${file}.tmp`, file);
    makePrivate(file);
  };
  return {
    kind: 'encrypted-file',
    async get(profileId: string, name: SecretName) {
      const value = read()[keychainAccount(profileId, name)];
      return value ? safeStorage.decryptString(Buffer.from(value, 'base64')) : null;
    },
    async set(profileId: string, name: SecretName, value: string) {
      write({ ...read(), [keychainAccount(profileId, name)]: safeStorage.encryptString(value).toString('base64') });
    },
    async entries() {
      return Object.entries(read()).flatMap(([account, value]) => {
        const colon = account.indexOf(':');
        if (colon < 0) return [];
        const name = account.slice(colon + 1) as SecretName;
        return [{ profileId: account.slice(0, colon), name, value: safeStorage.decryptString(Buffer.from(value, 'base64')) }];
      });
    },
    async delete(profileId: string, name: SecretName) {
      const data = read();
      const account = keychainAccount(profileId, name);
      if (!(account in data)) return false;
      delete data[account];
      write(data);
      return true;
    },
  };
}
