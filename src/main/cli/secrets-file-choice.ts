/**
 * The CLI's secret store when `REQBRIDGE_SECRETS_FILE` is set (servers without a desktop keychain):
 * the per-profile secrets file, its keys matched to profiles by id or name. Undefined otherwise
 * (the OS keychain). Throws the file's one-sentence error when it is missing, too open or invalid.
 */
import { createSecretsFileStore } from '../core/secrets/secrets-file-store.ts';
import type { SecretStore } from '../core/secrets/secret-store.ts';
import { createConfBacking } from '../core/settings/conf-backing.ts';
import { createProfilesRepository } from '../core/settings/profiles-repository.ts';

/** The secrets-file store REQBRIDGE_SECRETS_FILE names, or undefined when it is not set. */
export function secretsFileStoreFromEnv(env: Readonly<Record<string, string | undefined>>, dataDir: string): SecretStore | undefined {
  const file = env.REQBRIDGE_SECRETS_FILE?.trim();
  if (!file) return undefined;
  const profiles = createProfilesRepository(createConfBacking(dataDir));
  return createSecretsFileStore(file, (profileId) => {
    const profile = profiles.list().profiles.find((p) => p.id === profileId);
    return profile ? [profile.id, profile.name] : [profileId];
  });
}
