/** What needs attention per section, derived from saved settings and secret statuses. */
import type { SecretName, SecretStatus } from '../../../shared/secrets/names.ts';
import { directionAdvice } from '../../../shared/settings/options.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';

/** A section's status dot: fine, needs attention, or nothing to say yet. */
export type Attention = 'ok' | 'warn' | 'none';

/** The secrets the Connect step needs before anything can run. */
export const CONNECTION_SECRETS: readonly SecretName[] = ['leverApiKey', 'charthopToken'];

/** True when both connection secrets are set. */
export function secretsReady(statuses: Partial<Record<SecretName, SecretStatus>>): boolean {
  return CONNECTION_SECRETS.every((name) => statuses[name]?.set === true);
}

/** True when the profile names a ChartHop org (the Sandbox has one built in). */
export function orgReady(settings: ProfileSettings): boolean {
  return settings.charthop.org.trim().length > 0;
}

/** True when every requirement of the chosen direction is met. */
export function directionReady(settings: ProfileSettings): boolean {
  return directionAdvice(settings.sourceOfTruth, settings.options)
    .filter((advice) => advice.kind === 'required')
    .every((advice) => advice.met);
}

/** The Setup section's dot. */
export function setupAttention(settings: ProfileSettings | null, statuses: Partial<Record<SecretName, SecretStatus>>, statusesLoaded: boolean): Attention {
  if (!settings || !statusesLoaded) return 'none';
  return secretsReady(statuses) && orgReady(settings) && directionReady(settings) ? 'ok' : 'warn';
}

/** The Options section's dot: amber when a required option is off or changes are unsaved. */
export function optionsAttention(settings: ProfileSettings | null, dirty: boolean): Attention {
  if (!settings) return 'none';
  return dirty || !directionReady(settings) ? 'warn' : 'ok';
}
