/**
 * The OS keychain through keytar (libsecret on Linux, Keychain on macOS,
 * Credential Vault on Windows). keytar's failures are turned into errors that
 * say what is wrong with the keychain and what to do about it.
 */
import { createRequire } from 'node:module';
import type { SecretName } from '../../../shared/secrets/names.ts';
import { AppError } from '../errors.ts';
import type { SecretStore } from './secret-store.ts';
import { KEYCHAIN_SERVICE, keychainAccount } from './secret-store.ts';

/** The part of keytar's API ReqBridge uses. */
export interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Map a keytar/libsecret failure to an error a user can act on. */
export function keychainError(error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  if (/autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|no session bus|Cannot autolaunch/i.test(message)) {
    return new AppError(
      'secrets.no_keychain',
      'No OS keychain is reachable: there is no D-Bus session. Start ReqBridge from a desktop session, or for headless runs set REQBRIDGE_LEVER_KEY and REQBRIDGE_CHARTHOP_TOKEN.',
      { cause: error },
    );
  }
  if (/Object does not exist at path|collection\/login|locked|IsLocked|prompt/i.test(message)) {
    return new AppError(
      'secrets.keychain_locked',
      'The OS keychain is locked. Unlock your login keyring (for example by logging in to the desktop session again), then retry.',
      { cause: error },
    );
  }
  return new AppError(
    'secrets.keychain_failed',
    `The OS keychain refused the request (${message}). Check that a keyring service such as gnome-keyring is running.`,
    { cause: error },
  );
}

/** Load keytar lazily, so a machine without its native module still starts. */
export function loadKeytar(): KeytarModule {
  try {
    return createRequire(import.meta.url)('keytar') as KeytarModule;
  } catch (error) {
    throw new AppError(
      'secrets.no_keychain',
      'The keychain module (keytar) is not installed or not built for this platform. Run npm install again.',
      { cause: error },
    );
  }
}

/** A secret store on the OS keychain. */
export function createKeytarSecretStore(keytar: KeytarModule = loadKeytar()): SecretStore {
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw keychainError(error);
    }
  };
  return {
    kind: 'keychain',
    get: (profileId: string, name: SecretName) => guard(() => keytar.getPassword(KEYCHAIN_SERVICE, keychainAccount(profileId, name))),
    set: (profileId: string, name: SecretName, value: string) =>
      guard(() => keytar.setPassword(KEYCHAIN_SERVICE, keychainAccount(profileId, name), value)),
    delete: (profileId: string, name: SecretName) => guard(() => keytar.deletePassword(KEYCHAIN_SERVICE, keychainAccount(profileId, name))),
  };
}
