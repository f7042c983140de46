/**
 * Which one profile the environment's overrides (keys, URLs, org) belong to.
 * A multi-profile host (the desktop app, the browser host) binds them at
 * launch to the profile `REQBRIDGE_PROFILE` names and never to whichever
 * profile happens to be selected, so switching clients can never hand one
 * client's key to another. The CLI binds them to the profile it acts on.
 */
import type { ProfilesView } from '../../../shared/api/views.ts';
import { SECRET_ENV_VARS } from '../secrets/secret-store.ts';
import { CONNECTION_ENV_VARS } from './connection.ts';

/** The variable that names the profile a multi-profile host applies the environment's overrides to. */
export const ENVIRONMENT_PROFILE_VAR = 'REQBRIDGE_PROFILE';

/**
 * How a host binds the environment's overrides: `launch` (default; the profile `REQBRIDGE_PROFILE`
 * names, none without it), `selected` (the CLI without a target: the selected profile when it
 * starts), or one profile id (the CLI's `--profile` target).
 */
export type EnvironmentBinding = { kind: 'launch' } | { kind: 'selected' } | { kind: 'profile'; profileId: string };

type Env = Readonly<Record<string, string | undefined>>;

/** The override variables (secrets and connection) that are set in `env`. */
export function environmentOverrides(env: Env): string[] {
  const names = [...Object.values(SECRET_ENV_VARS), ...Object.values(CONNECTION_ENV_VARS)];
  return names.filter((name): name is string => Boolean(name && env[name]?.trim()));
}

/** The sentence a multi-profile host logs and shows when overrides are set but no profile is named. */
export function unboundEnvironmentMessage(variables: readonly string[]): string {
  return `${variables.join(', ')} ${variables.length === 1 ? 'is' : 'are'} set but not used, because this app serves several profiles; start it with ${ENVIRONMENT_PROFILE_VAR}=<profile name> to apply ${variables.length === 1 ? 'it' : 'them'} to that profile only.`;
}

/** The sentence shown when `REQBRIDGE_PROFILE` names no profile. */
export function unknownEnvironmentProfileMessage(name: string): string {
  return `${ENVIRONMENT_PROFILE_VAR}=${name} names no profile, so the environment's keys and URLs are not used; set it to a profile's name or id (see Profiles) and start again.`;
}

/** The outcome of binding: the profile id (or null) and, when overrides are ignored, why. */
export interface BoundEnvironment {
  profileId: string | null;
  problem: string | null;
}

/**
 * Resolve a binding against the profiles as they are now. The result never depends on which
 * profile is selected, except for the CLI's `selected` binding (resolved once when it starts).
 */
export function bindEnvironment(binding: EnvironmentBinding, env: Env, list: () => ProfilesView): BoundEnvironment {
  if (binding.kind === 'profile') return { profileId: binding.profileId, problem: null };
  if (binding.kind === 'selected') return { profileId: list().selectedId, problem: null };
  const named = env[ENVIRONMENT_PROFILE_VAR]?.trim();
  const overrides = environmentOverrides(env);
  if (!named) return { profileId: null, problem: overrides.length > 0 ? unboundEnvironmentMessage(overrides) : null };
  const wanted = named.toLowerCase();
  const { profiles } = list();
  const found = profiles.find((p) => p.id === named) ?? profiles.find((p) => p.name.toLowerCase() === wanted);
  if (!found) return { profileId: null, problem: unknownEnvironmentProfileMessage(named) };
  return { profileId: found.id, problem: null };
}

/**
 * The lookup the core's ports use: the bound profile id, or null. A `launch` binding whose profile
 * does not exist yet is looked up again on each call and kept once found; a `selected` one is fixed
 * at the first call.
 */
export function createEnvironmentProfileLookup(
  binding: EnvironmentBinding,
  env: Env,
  list: () => ProfilesView,
): { profileId(): string | null; problem(): string | null } {
  let bound: BoundEnvironment | null = null;
  const current = (): BoundEnvironment => {
    if (bound?.profileId) return bound;
    const next = bindEnvironment(binding, env, list);
    if (next.profileId || binding.kind !== 'launch') bound = next;
    return next;
  };
  return { profileId: () => current().profileId, problem: () => current().problem };
}
