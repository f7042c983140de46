/** What a profile's Connect step still lacks before a run can work, in words for empty states and the Setup page. */
import type { SecretName, SecretStatus } from '../../../shared/secrets/names.ts';
import { SECRET_LABELS } from '../../../shared/secrets/names.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import { CONNECTION_SECRETS, orgReady } from './attention.ts';

/**
 * The missing pieces as phrases ("the Lever API key", "the ChartHop org"); empty when nothing is known to be
 * missing. A secret whose status has not loaded yet is not counted, so a button is not hidden by a slow keychain.
 */
export function connectionGaps(settings: ProfileSettings, statuses: Partial<Record<SecretName, SecretStatus>> | null): string[] {
  return [
    ...CONNECTION_SECRETS.filter((name) => statuses?.[name]?.set === false).map((name) => `the ${SECRET_LABELS[name]}`),
    ...(orgReady(settings) ? [] : ['the ChartHop org']),
  ];
}
