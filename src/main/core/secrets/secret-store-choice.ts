/**
 * The desktop app's secret store: the OS keychain, with the safeStorage-encrypted
 * file only while the keychain does not answer (architecture.md §2). The keychain
 * is tried again on each access, and the file's secrets move into it once it answers.
 */
import type { Logger } from '../logging/logger.ts';
import type { SecretStore } from './secret-store.ts';
import { createUnavailableSecretStore } from './secret-store.ts';
import { isAppError } from '../errors.ts';
import type { EnumerableSecretStore } from './keychain-first-store.ts';
import { createKeychainFirstStore } from './keychain-first-store.ts';

/**
 * Build the keychain-first store. When neither the keychain nor the fallback is available, the app
 * still starts and every secret call says why (the keychain's error).
 */
export async function chooseSecretStore(
  keychain: () => SecretStore,
  fallback: () => EnumerableSecretStore,
  logger: Logger,
): Promise<SecretStore> {
  let primary: SecretStore;
  try {
    primary = keychain();
  } catch (error) {
    if (!isAppError(error)) throw error;
    primary = createUnavailableSecretStore(error); // e.g. keytar not built: every access falls back
  }
  const store = createKeychainFirstStore({ keychain: primary, fallback, logger });
  // Probe now, so the log says at start which store is in use.
  const problem = await store.probe();
  if (problem) logger.error(`No secret store is available yet: ${problem}`);
  return store;
}
