/**
 * Electron's safeStorage, offered to the engine's process as host services (it works only in the
 * main process): whether it encrypts for real, and encryption and decryption of one value, as
 * base64. The `basic_text` backend (a hard-coded key) counts as no encryption, as it protects nothing.
 */
import type { SafeStorage } from 'electron';
import { AppError } from '../core/errors.ts';
import type { HostServices } from '../core/process/host-services.ts';
import { NO_REAL_ENCRYPTION } from '../core/secrets/encrypted-file-store.ts';

/** The part of safeStorage the services use. */
export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  getSelectedStorageBackend?: () => string;
};

/** The safeStorage services of the desktop app's main process. */
export function safeStorageServices(
  safeStorage: SafeStorageLike,
): Required<Pick<HostServices, 'safeStorage.available' | 'safeStorage.encrypt' | 'safeStorage.decrypt'>> {
  const available = () => safeStorage.isEncryptionAvailable() && safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
  const usable = (value: unknown): string => {
    if (!available()) throw new AppError('secrets.no_keychain', NO_REAL_ENCRYPTION);
    if (typeof value !== 'string') throw new AppError('secrets.invalid', 'ReqBridge can only encrypt text.');
    return value;
  };
  return {
    'safeStorage.available': async () => available(),
    'safeStorage.encrypt': async (text) => safeStorage.encryptString(usable(text)).toString('base64'),
    'safeStorage.decrypt': async (encrypted) => safeStorage.decryptString(Buffer.from(usable(encrypted), 'base64')),
  };
}
