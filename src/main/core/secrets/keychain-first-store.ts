/**
 * The OS keychain first, a fallback store only while it does not answer. A
 * keychain still locked at login no longer sends the whole session to the
 * fallback: every secret access tries the keychain again, and once it
 * answers the fallback's secrets move into it (written, read back, then
 * removed from the fallback). Deleting removes a secret from both stores.
 */
import type { SecretName } from '../../../shared/secrets/names.ts';
import { isAppError } from '../errors.ts';
import type { Logger } from '../logging/logger.ts';
import type { SecretStore } from './secret-store.ts';

/** A fallback store that can list what it holds, so its secrets can move to the keychain. */
export interface EnumerableSecretStore extends SecretStore {
  entries(): Promise<Array<{ profileId: string; name: SecretName; value: string }>>;
}

/** What the store is built from. */
export interface KeychainFirstDeps {
  keychain: SecretStore;
  /** Created on first need; throws (an AppError) when no fallback is possible on this system. */
  fallback: () => EnumerableSecretStore;
  logger: Pick<Logger, 'info' | 'warn'>;
}

const isStoreError = (error: unknown): boolean => isAppError(error) && error.code.startsWith('secrets.');

/** The keychain-first store, with a probe for hosts that want to know at start which store answers. */
export interface KeychainFirstStore extends SecretStore {
  /** Try the keychain now (moving the fallback's secrets when it answers); the problem when neither store is usable, else null. */
  probe(): Promise<string | null>;
}

/** Create the keychain-first store. */
export function createKeychainFirstStore(deps: KeychainFirstDeps): KeychainFirstStore {
  // 'unknown' until the first access; `pending` while the fallback may hold secrets the keychain lacks.
  let mode: 'unknown' | 'keychain' | 'fallback' = 'unknown';
  let pending = true;
  let fallbackStore: EnumerableSecretStore | null = null;
  let fallbackError: unknown = null;

  const fallback = (): EnumerableSecretStore => {
    if (fallbackStore) return fallbackStore;
    if (fallbackError) throw fallbackError;
    try {
      fallbackStore = deps.fallback();
      return fallbackStore;
    } catch (error) {
      fallbackError = error;
      throw error;
    }
  };

  /** Move every secret of the fallback into the keychain; each leaves the fallback only once read back. */
  async function migrate(): Promise<void> {
    let store: EnumerableSecretStore;
    try {
      store = fallback();
    } catch {
      pending = false; // no fallback on this system: nothing to move
      return;
    }
    let moved = 0;
    let left = 0;
    for (const { profileId, name, value } of await store.entries()) {
      await deps.keychain.set(profileId, name, value);
      if ((await deps.keychain.get(profileId, name)) !== value) {
        left += 1;
        continue;
      }
      await store.delete(profileId, name);
      moved += 1;
    }
    pending = left > 0;
    if (moved > 0) deps.logger.info(`The OS keychain answers: moved ${moved} secret(s) from the encrypted secrets file into it.`);
  }

  function useFallbackAfter(error: unknown): void {
    if (mode !== 'fallback')
      deps.logger.warn(`OS keychain unavailable (${(error as Error).message}); using the encrypted secrets file until it answers.`);
    mode = 'fallback';
    pending = true;
  }

  /** Try the keychain: the error when it does not answer, else null (after moving the fallback's secrets into it). */
  async function keychainError(): Promise<unknown> {
    if (mode === 'keychain' && !pending) return null;
    try {
      await deps.keychain.get('probe', 'leverApiKey');
    } catch (error) {
      if (!isStoreError(error)) throw error;
      useFallbackAfter(error);
      return error;
    }
    mode = 'keychain';
    if (pending) await migrate();
    return null;
  }

  /** The fallback, or the keychain's `error` when there is none. */
  const fallbackOr = (error: unknown): SecretStore => {
    try {
      return fallback();
    } catch {
      throw error;
    }
  };

  /**
   * Run `op` on the keychain when it answers (also when it locks again mid-session), else on the
   * fallback. A read the fallback cannot answer reports the keychain's problem, not "not set".
   */
  async function run<T>(op: (store: SecretStore) => Promise<T>): Promise<T> {
    const viaFallback = async (error: unknown): Promise<T> => {
      const result = await op(fallbackOr(error));
      if (result === null) throw error;
      return result;
    };
    const error = await keychainError();
    if (error) return viaFallback(error);
    try {
      return await op(deps.keychain);
    } catch (failure) {
      if (!isStoreError(failure)) throw failure;
      useFallbackAfter(failure);
      return viaFallback(failure);
    }
  }

  return {
    async probe() {
      const error = await keychainError();
      if (!error) return null;
      try {
        fallback();
        return null;
      } catch (failure) {
        return `${(error as Error).message} ${(failure as Error).message}`;
      }
    },
    get kind() {
      return mode === 'fallback' ? 'encrypted-file' : 'keychain';
    },
    get: (profileId, name) => run((store) => store.get(profileId, name)),
    set: (profileId, name, value) => run((store) => store.set(profileId, name, value)),
    async delete(profileId, name) {
      const error = await keychainError();
      // A locked keychain may still hold the secret: refuse rather than leave it behind.
      if (isAppError(error) && error.code === 'secrets.keychain_locked') throw error;
      let removed = error ? false : await deps.keychain.delete(profileId, name);
      let store: EnumerableSecretStore | null = null;
      try {
        store = fallback();
      } catch (failure) {
        if (error) throw error;
        if (!isStoreError(failure)) throw failure;
      }
      if (store) removed = (await store.delete(profileId, name)) || removed;
      return removed;
    },
  };
}
