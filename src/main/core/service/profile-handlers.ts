/** Handlers for profiles and their settings: thin translations into repository calls. */
import { rmSync } from 'node:fs';
import type { HandlerTable } from '../api/handler-table.ts';
import { AppError, isAppError } from '../errors.ts';
import type { ServiceDeps } from './service-deps.ts';

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
  const announce = () => events.emit('profiles:changed', settings.list());
  return {
    'profiles:list': async () => settings.list(),
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
        throw new AppError('profiles.delete_blocked', `The profile's secrets could not be removed from the keychain (${error.message}) Nothing was deleted; fix the keychain and try again.`, { cause: error });
      }
      const result = settings.remove(id);
      const path = deps.stateDbs.forProfile(id).path;
      deps.stateDbs.release(id);
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
      events.emit('profiles:changed', result);
      return result;
    },
    'profiles:select': async ({ id }) => {
      const result = settings.select(id);
      events.emit('profiles:changed', result);
      return result;
    },
    'profiles:export': async ({ id }) => settings.exportProfile(id, deps.clock.now()),
    'profiles:import': async ({ json, name }) => {
      const imported = settings.importProfile(json, name);
      announce();
      return imported;
    },
    'settings:get': async ({ profileId }) => settings.get(profileId),
    'settings:update': async ({ profileId, patch }) => {
      const updated = settings.update(profileId, patch);
      events.emit('settings:changed', { profileId });
      // The environment badge in the switcher may have changed.
      announce();
      return updated;
    },
  };
}
