/**
 * The fallback secret store where no OS keychain answers: values encrypted
 * with Electron's safeStorage in a file beside the settings. The `basic_text`
 * backend (a hard-coded key) is refused, as it protects nothing.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SafeStorage } from 'electron';
import type { SecretName } from '../../shared/secrets/names.ts';
import { AppError } from '../core/errors.ts';
import type { SecretStore } from '../core/secrets/secret-store.ts';
import { keychainAccount } from '../core/secrets/secret-store.ts';

type Encrypted = Record<string, string>;

/** Create the encrypted-file store, or throw when safeStorage offers no real protection. */
export function createSafeStorageSecretStore(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & { getSelectedStorageBackend?: () => string },
  file: string,
): SecretStore {
  if (!safeStorage.isEncryptionAvailable() || safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    throw new AppError(
      'secrets.no_keychain',
      'No OS keychain is available and this system offers no real encryption for secrets. Install and unlock a keyring (e.g. gnome-keyring or KWallet), then restart ReqBridge.',
    );
  }
  const read = (): Encrypted => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Encrypted) : {});
  const write = (data: Encrypted) => {
    writeFileSync(`${file}.tmp`, JSON.stringify(data), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
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
