/**
 * The desktop app's secret store, as its engine process builds it: the OS keychain through keytar
 * (which runs here), and while the keychain does not answer, the fallback file encrypted by Electron's
 * safeStorage, which only the main process can use: each encryption and decryption is a host call.
 */
import { join } from 'node:path';
import { AppError } from '../core/errors.ts';
import type { Logger } from '../core/logging/logger.ts';
import type { HostCaller } from '../core/process/host-services.ts';
import type { SecretCipher } from '../core/secrets/encrypted-file-store.ts';
import { ENCRYPTED_SECRETS_FILE_NAME, NO_REAL_ENCRYPTION, createEncryptedFileSecretStore } from '../core/secrets/encrypted-file-store.ts';
import { createKeytarSecretStore } from '../core/secrets/keytar-store.ts';
import type { SecretStore } from '../core/secrets/secret-store.ts';
import { chooseSecretStore } from '../core/secrets/secret-store-choice.ts';

/** safeStorage in the host's main process, as the encrypted file's cipher. */
export function hostCipher(host: HostCaller): SecretCipher {
  return {
    encrypt: (text) => host.call('safeStorage.encrypt', text),
    decrypt: (encrypted) => host.call('safeStorage.decrypt', encrypted),
  };
}

/**
 * Build the keychain-first store: whether safeStorage encrypts for real is asked once, at start (it
 * does not change while the app runs); without it the fallback is refused with a sentence.
 */
export async function startDesktopSecretStore(
  host: HostCaller,
  dataDir: string,
  logger: Logger,
  keychain: () => SecretStore = () => createKeytarSecretStore(),
): Promise<SecretStore> {
  const encrypts = await host.call('safeStorage.available').catch((error: unknown) => {
    logger.warn('The desktop app did not say whether it can encrypt secrets; the encrypted secrets file is not used.', error);
    return false;
  });
  const fallback = () => {
    if (!encrypts) throw new AppError('secrets.no_keychain', NO_REAL_ENCRYPTION);
    return createEncryptedFileSecretStore(hostCipher(host), join(dataDir, ENCRYPTED_SECRETS_FILE_NAME));
  };
  return chooseSecretStore(keychain, fallback, logger);
}
