/**
 * Whether each client profile is configured — its Lever API key and ChartHop
 * token saved and its ChartHop org named — so the switcher's badge can say
 * "Not configured" until it is. The Sandbox is configured by construction.
 */
import type { ProfilesView } from '../../../shared/api/views.ts';
import type { ServiceDeps } from './service-deps.ts';

async function configured(deps: Pick<ServiceDeps, 'settings' | 'secrets'>, profileId: string): Promise<boolean | undefined> {
  try {
    const profile = deps.settings.get(profileId);
    if (profile.kind === 'sandbox') return true;
    const statuses = await deps.secrets.status(profileId);
    const set = (name: string): boolean => statuses.some((s) => s.name === name && s.set);
    return profile.charthop.org.trim() !== '' && set('leverApiKey') && set('charthopToken');
  } catch {
    // A keychain that cannot be read leaves the badge as it is; Setup says what is wrong.
    return undefined;
  }
}

/** The view with `configured` on each profile. */
export async function withSetupState(deps: Pick<ServiceDeps, 'settings' | 'secrets'>, view: ProfilesView): Promise<ProfilesView> {
  const profiles = await Promise.all(
    view.profiles.map(async (p) => {
      const state = await configured(deps, p.id);
      return state === undefined ? p : { ...p, configured: state };
    }),
  );
  return { ...view, profiles };
}

/**
 * Announces the profiles (with their setup state) after a change that may move a badge. The view is read
 * again once the keychain answered, so an announcement that arrives late never carries an older selection.
 */
export function announceProfiles(deps: Pick<ServiceDeps, 'settings' | 'secrets' | 'events' | 'logger'>): void {
  withSetupState(deps, deps.settings.list()).then(
    (enriched) => {
      const states = new Map(enriched.profiles.map((p) => [p.id, p.configured]));
      const now = deps.settings.list();
      const profiles = now.profiles.map((p) => (states.get(p.id) === undefined ? p : { ...p, configured: states.get(p.id) }));
      deps.events.emit('profiles:changed', { ...now, profiles });
    },
    (error: unknown) => deps.logger.warn('The profiles could not be announced', error),
  );
}
