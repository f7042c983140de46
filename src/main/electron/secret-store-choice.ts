/**
 * Picks the desktop app's secret store: the OS keychain when it answers, else
 * the safeStorage-encrypted file (architecture.md §2).
 */
import type { Logger } from '../core/logging/logger.ts';
import type { SecretStore } from '../core/secrets/secret-store.ts';
import { isAppError } from '../core/errors.ts';
import { createUnavailableSecretStore } from '../core/secrets/secret-store.ts';

/**
 * Probe the keychain once; fall back when it is missing or locked. When the
 * fallback is unavailable too, the app still starts and every secret call says why.
 */
export async function chooseSecretStore(keychain: () => SecretStore, fallback: () => SecretStore, logger: Logger): Promise<SecretStore> {
  try {
    const store = keychain();
    await store.get('probe', 'leverApiKey');
    return store;
  } catch (error) {
    if (!isAppError(error) || !error.code.startsWith('secrets.')) throw error;
    logger.warn(`OS keychain unavailable (${error.message}); using the encrypted secrets file instead.`);
    try {
      return fallback();
    } catch (fallbackError) {
      if (!isAppError(fallbackError)) throw fallbackError;
      logger.error(`No secret store is available: ${fallbackError.message}`);
      return createUnavailableSecretStore(fallbackError);
    }
  }
}
