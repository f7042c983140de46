/**
 * The fallback secret store where no OS keychain answers: values encrypted by the host (Electron's
 * safeStorage, which only the desktop app's main process can use) in a file beside the settings.
 * Only base64 ciphertext is ever written; the plain value exists only on its way to the host's
 * encryption and back.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import type { SecretName } from '../../../shared/secrets/names.ts';
import { makePrivate, writePrivateFile } from '../files/private-files.ts';
import type { EnumerableSecretStore } from './keychain-first-store.ts';
import { keychainAccount } from './secret-store.ts';

/** The fallback file's name in the data folder. */
export const ENCRYPTED_SECRETS_FILE_NAME = 'secrets.enc.json';

/** The sentence when the system offers no real encryption for the fallback file either. */
export const NO_REAL_ENCRYPTION =
  'No OS keychain is available and this system offers no real encryption for secrets. Install and unlock a keyring (e.g. gnome-keyring or KWallet), then restart ReqBridge.';

/** The encryption the host offers for the file. */
export interface SecretCipher {
  /** The text encrypted, as base64. */
  encrypt(text: string): Promise<string>;
  /** The text of a base64 value `encrypt` made. */
  decrypt(encrypted: string): Promise<string>;
}

type Encrypted = Record<string, string>;

/** The encrypted-file store over `cipher`, in `file`. */
export function createEncryptedFileSecretStore(cipher: SecretCipher, file: string): EnumerableSecretStore {
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
      return value ? cipher.decrypt(value) : null;
    },
    async set(profileId: string, name: SecretName, value: string) {
      const encrypted = await cipher.encrypt(value);
      // Read after the encryption, so a write that finished meanwhile is kept.
      write({ ...read(), [keychainAccount(profileId, name)]: encrypted });
    },
    async entries() {
      const entries = Object.entries(read()).flatMap(([account, value]) => {
        const colon = account.indexOf(':');
        return colon < 0 ? [] : [{ profileId: account.slice(0, colon), name: account.slice(colon + 1) as SecretName, value }];
      });
      return Promise.all(entries.map(async (entry) => ({ ...entry, value: await cipher.decrypt(entry.value) })));
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
