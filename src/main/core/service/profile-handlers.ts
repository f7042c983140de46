/** Handlers for profiles and their settings: thin translations into repository calls. */
import { rmSync } from 'node:fs';
import type { HandlerTable } from '../api/handler-table.ts';
import { AppError, isAppError } from '../errors.ts';
import type { ServiceDeps } from './service-deps.ts';
import { announceProfiles, withSetupState } from './profile-setup-state.ts';
import type { SecretName } from '../../../shared/secrets/names.ts';
import { changedVendorHosts, hostChangeMessage } from '../../../shared/settings/url-policy.ts';

/**
 * Remove the stored secrets of each vendor whose API host changes; returns the sentence saying so,
 * or null when nothing was stored for it. A keychain failure stops the save.
 */
async function clearSecretsOfMovedHosts(
  deps: ServiceDeps,
  profileId: string,
  changed: { lever: boolean; charthop: boolean },
): Promise<string | null> {
  const names: SecretName[] = [
    ...(changed.lever ? (['leverApiKey', 'leverWebhookSignatureToken'] as const) : []),
    ...(changed.charthop ? (['charthopToken'] as const) : []),
  ];
  if (names.length === 0) return null;
  const stored = new Set((await deps.secrets.status(profileId)).filter((s) => s.set && s.source === 'keychain').map((s) => s.name));
  for (const name of names) {
    try {
      await deps.secrets.clear(profileId, name);
    } catch (error) {
      if (!isAppError(error)) throw error;
      throw new AppError(
        'settings.host_secrets_blocked',
        `The API host changed, but the keys stored for the old host could not be removed (${error.message}) Nothing was saved; fix the keychain and try again.`,
        { cause: error },
      );
    }
  }
  return names.some((name) => stored.has(name)) ? hostChangeMessage(changed) : null;
}

type ProfileChannels =
  | 'profiles:list'
  | 'profiles:create'
  | 'profiles:rename'
  | 'profiles:delete'
  | 'profiles:select'
  | 'profiles:export'
  | 'profiles:import'
  | 'settings:get'
  | 'settings:update';

/** Build the profile and settings handlers. */
export function profileHandlers(deps: ServiceDeps): Pick<HandlerTable, ProfileChannels> {
  const { settings, events } = deps;
  const announce = () => announceProfiles(deps);
  return {
    'profiles:list': async () => withSetupState(deps, settings.list()),
    'profiles:create': async ({ name, copyFromId }) => {
      const created = settings.create(name, copyFromId);
      announce();
      return created;
    },
    'profiles:rename': async ({ id, name }) => {
      const renamed = settings.rename(id, name);
      announce();
      return renamed;
    },
    'profiles:delete': async ({ id }) => {
      if (settings.get(id).kind === 'sandbox') return settings.remove(id); // refused with a clear error
      // Secrets first: if the keychain cannot be reached, nothing is deleted and no secret is orphaned.
      try {
        await deps.secrets.clearAll(id);
      } catch (error) {
        if (!isAppError(error)) throw error;
        throw new AppError(
          'profiles.delete_blocked',
          `The profile's secrets could not be removed from the keychain (${error.message}) Nothing was deleted; fix the keychain and try again.`,
          { cause: error },
        );
      }
      const result = settings.remove(id);
      const path = deps.stateDbs.forProfile(id).path;
      deps.stateDbs.release(id);
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
      announceProfiles(deps);
      return withSetupState(deps, result);
    },
    'profiles:select': async ({ id }) => {
      const result = await withSetupState(deps, settings.select(id));
      events.emit('profiles:changed', result);
      return result;
    },
    'profiles:export': async ({ id }) => settings.exportProfile(id, deps.clock.now()),
    'profiles:import': async ({ json, name, allowHosts }) => {
      const imported = settings.importProfile(json, name, allowHosts);
      announce();
      return imported;
    },
    'settings:get': async ({ profileId }) => settings.get(profileId),
    'settings:update': async ({ profileId, patch }) => {
      // Keys never follow a profile to a new API host: clear them first, then save.
      const before = settings.get(profileId);
      const changed =
        before.kind === 'client' ? changedVendorHosts(before, settings.preview(profileId, patch)) : { lever: false, charthop: false };
      const cleared = await clearSecretsOfMovedHosts(deps, profileId, changed);
      const updated = settings.update(profileId, patch);
      if (cleared) {
        deps.logger.info(cleared);
        events.emit('secrets:changed', { profileId });
      }
      events.emit('settings:changed', { profileId });
      // The environment badge in the switcher may have changed.
      announce();
      return updated;
    },
  };
}
