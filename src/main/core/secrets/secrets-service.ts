/**
 * Write-only secrets with a readable status. Values go into the secret store
 * and the redactor; only `{ set, last4, source, updatedAt, verifiedAt }` ever
 * leaves this module towards the renderer.
 */
import type { SecretName, SecretStatus } from '../../../shared/secrets/names.ts';
import { SECRET_NAMES } from '../../../shared/secrets/names.ts';
import { SANDBOX_PROFILE_ID } from '../../../shared/settings/schema.ts';
import { isAppError } from '../errors.ts';
import type { Redactor } from '../logging/redactor.ts';
import type { StateDbs } from '../state/state-db.ts';
import type { SecretStore } from './secret-store.ts';
import { secretFromEnvironment } from './secret-store.ts';

/** Secrets of all profiles, as the service and the engine use them. */
export interface SecretsService {
  status(profileId: string): Promise<SecretStatus[]>;
  set(profileId: string, name: SecretName, value: string): Promise<SecretStatus>;
  clear(profileId: string, name: SecretName): Promise<SecretStatus>;
  /** The value, for main-process use only (clients, webhook verification). */
  reveal(profileId: string, name: SecretName): Promise<string | null>;
  /** Record that a secret was accepted by its service just now. */
  markVerified(profileId: string, name: SecretName, at: Date): void;
  /** Remove every secret of a profile (when the profile is deleted). */
  clearAll(profileId: string): Promise<void>;
}

interface MetaRow {
  updated_at: string | null;
  verified_at: string | null;
}

/**
 * Create the secrets service. `env` supplies REQBRIDGE_LEVER_KEY / REQBRIDGE_CHARTHOP_TOKEN / …
 * overrides for one profile only (the selected one, or the CLI's `--profile` target), like the
 * connection overrides: a consultant's other clients keep their own keychain entries, so one
 * client's key can never reach another client's run.
 * `sandboxSecrets` supplies the embedded sandbox's credentials to the Sandbox profile.
 */
export function createSecretsService(deps: {
  store: SecretStore;
  sandboxSecrets?: Partial<Record<SecretName, string>>;
  stateDbs: StateDbs;
  redactor: Redactor;
  env: Readonly<Record<string, string | undefined>>;
  /** The id of the one profile the environment's secrets apply to, bound at launch; null for none. */
  environmentProfileId: () => string | null;
  /** Why the environment's secrets apply to no profile (shown in a client profile's status), if they are set. */
  environmentProblem?: () => string | null;
  now: () => Date;
}): SecretsService {
  const meta = (profileId: string, name: SecretName): MetaRow | undefined =>
    deps.stateDbs.forProfile(profileId).db.prepare('SELECT updated_at, verified_at FROM secret_meta WHERE name = ?').get(name) as
      MetaRow | undefined;

  const fromSandbox = (profileId: string, name: SecretName): string | null =>
    profileId === SANDBOX_PROFILE_ID ? (deps.sandboxSecrets?.[name] ?? null) : null;

  const fromEnvironment = (profileId: string, name: SecretName): string | null =>
    profileId === deps.environmentProfileId() ? secretFromEnvironment(deps.env, name) : null;

  async function reveal(profileId: string, name: SecretName): Promise<string | null> {
    const value = fromSandbox(profileId, name) ?? fromEnvironment(profileId, name) ?? (await deps.store.get(profileId, name));
    if (value) deps.redactor.addSecret(value);
    return value;
  }

  async function statusOf(profileId: string, name: SecretName): Promise<SecretStatus> {
    const sandboxValue = fromSandbox(profileId, name);
    const fromEnv = sandboxValue ? null : fromEnvironment(profileId, name);
    let value = sandboxValue ?? fromEnv;
    let problem: string | null = null;
    if (value === null) {
      try {
        value = await deps.store.get(profileId, name);
      } catch (error) {
        // Report the store's problem in the status instead of failing the whole page.
        if (!isAppError(error)) throw error;
        problem = deps.redactor.redact(error.message);
      }
    }
    if (value) deps.redactor.addSecret(value);
    if (value === null && problem === null && profileId !== SANDBOX_PROFILE_ID && secretFromEnvironment(deps.env, name)) {
      problem = deps.environmentProblem?.() ?? null;
    }
    const row = meta(profileId, name);
    return {
      name,
      set: value !== null,
      last4: value ? value.slice(-4) : null,
      source: value === null ? null : sandboxValue ? 'sandbox' : fromEnv ? 'environment' : 'keychain',
      updatedAt: value ? (row?.updated_at ?? null) : null,
      verifiedAt: value ? (row?.verified_at ?? null) : null,
      problem,
    };
  }

  return {
    async status(profileId) {
      return Promise.all(SECRET_NAMES.map((name) => statusOf(profileId, name)));
    },
    async set(profileId, name, value) {
      deps.redactor.addSecret(value);
      await deps.store.set(profileId, name, value);
      deps.stateDbs
        .forProfile(profileId)
        .db.prepare(
          'INSERT INTO secret_meta (name, updated_at, verified_at) VALUES (?, ?, NULL) ON CONFLICT(name) DO UPDATE SET updated_at = excluded.updated_at, verified_at = NULL',
        )
        .run(name, deps.now().toISOString());
      return statusOf(profileId, name);
    },
    async clear(profileId, name) {
      await deps.store.delete(profileId, name);
      deps.stateDbs.forProfile(profileId).db.prepare('DELETE FROM secret_meta WHERE name = ?').run(name);
      return statusOf(profileId, name);
    },
    reveal,
    markVerified(profileId, name, at) {
      deps.stateDbs
        .forProfile(profileId)
        .db.prepare(
          'INSERT INTO secret_meta (name, updated_at, verified_at) VALUES (?, NULL, ?) ON CONFLICT(name) DO UPDATE SET verified_at = excluded.verified_at',
        )
        .run(name, at.toISOString());
    },
    async clearAll(profileId) {
      for (const name of SECRET_NAMES) await deps.store.delete(profileId, name);
    },
  };
}
