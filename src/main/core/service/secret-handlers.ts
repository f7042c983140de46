/** Handlers for secrets: set and clear are write-only; status never carries a value. */
import type { HandlerTable } from '../api/handler-table.ts';
import type { ServiceDeps } from './service-deps.ts';
import { announceProfiles } from './profile-setup-state.ts';

/** Build the secrets handlers. */
export function secretHandlers(deps: ServiceDeps): Pick<HandlerTable, 'secrets:status' | 'secrets:set' | 'secrets:clear'> {
  const { secrets, settings, events } = deps;
  return {
    'secrets:status': async ({ profileId }) => {
      settings.get(profileId);
      return secrets.status(profileId);
    },
    'secrets:set': async ({ profileId, name, value }) => {
      settings.get(profileId);
      const status = await secrets.set(profileId, name, value);
      events.emit('secrets:changed', { profileId });
      // The switcher's "Not configured" badge follows the keys.
      announceProfiles(deps);
      return status;
    },
    'secrets:clear': async ({ profileId, name }) => {
      settings.get(profileId);
      const status = await secrets.clear(profileId, name);
      events.emit('secrets:changed', { profileId });
      // The switcher's "Not configured" badge follows the keys.
      announceProfiles(deps);
      return status;
    },
  };
}
