/**
 * The secret storage port and its implementations. The OS keychain (keytar)
 * holds secrets under service `ReqBridge`, account `<profile>:<name>`; an
 * in-memory store serves unit tests; an environment overlay lets headless CLI
 * runs supply the Lever key and ChartHop token.
 */
import type { SecretName } from '../../../shared/secrets/names.ts';

/** Where secret values are kept. Values never leave main. */
export interface SecretStore {
  /** Stable description for status and errors, e.g. "OS keychain". */
  readonly kind: 'keychain' | 'memory' | 'encrypted-file' | 'secrets-file';
  get(profileId: string, name: SecretName): Promise<string | null>;
  set(profileId: string, name: SecretName, value: string): Promise<void>;
  /** Remove a secret; true when there was one. */
  delete(profileId: string, name: SecretName): Promise<boolean>;
}

/** The keychain service name all of ReqBridge's secrets live under. */
export const KEYCHAIN_SERVICE = 'ReqBridge';

/** The keychain account for a profile's secret. */
export function keychainAccount(profileId: string, name: SecretName): string {
  return `${profileId}:${name}`;
}

/** A store held in memory, for unit tests and as a last resort nowhere else. */
export function createMemorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    kind: 'memory',
    async get(profileId, name) {
      return values.get(keychainAccount(profileId, name)) ?? null;
    },
    async set(profileId, name, value) {
      values.set(keychainAccount(profileId, name), value);
    },
    async delete(profileId, name) {
      return values.delete(keychainAccount(profileId, name));
    },
  };
}

/** Environment variables that may supply a secret for headless runs. */
export const SECRET_ENV_VARS: Partial<Record<SecretName, string>> = {
  leverApiKey: 'REQBRIDGE_LEVER_KEY',
  charthopToken: 'REQBRIDGE_CHARTHOP_TOKEN',
  leverWebhookSignatureToken: 'REQBRIDGE_LEVER_WEBHOOK_TOKEN',
  ngrokAuthtoken: 'REQBRIDGE_NGROK_AUTHTOKEN',
};

/** The value an environment variable supplies for a secret, if any. */
export function secretFromEnvironment(env: Readonly<Record<string, string | undefined>>, name: SecretName): string | null {
  const variable = SECRET_ENV_VARS[name];
  const value = variable ? env[variable]?.trim() : undefined;
  return value ? value : null;
}

/**
 * A store that refuses every call with the reason no store is available, so
 * the app still starts and the Setup page shows what to fix.
 */
export function createUnavailableSecretStore(reason: Error): SecretStore {
  const fail = async (): Promise<never> => {
    throw reason;
  };
  return { kind: 'memory', get: fail, set: fail, delete: fail };
}
