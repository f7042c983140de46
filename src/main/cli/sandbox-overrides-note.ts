/** The CLI's warning when the environment's keys or URLs are set but the command's target is the Sandbox, which ignores them. */
import { SECRET_ENV_VARS } from '../core/secrets/secret-store.ts';
import { CONNECTION_ENV_VARS } from '../core/settings/connection.ts';

/** The sentence to print, or null when no override is set. */
export function sandboxOverridesNote(env: Readonly<Record<string, string | undefined>>): string | null {
  const names = [...Object.values(SECRET_ENV_VARS), ...Object.values(CONNECTION_ENV_VARS)].filter((name) => env[name]?.trim());
  if (names.length === 0) return null;
  return `Note: this command runs on the Sandbox profile, which always uses its own fake Lever and ChartHop, so ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} not used. To use ${names.length === 1 ? 'it' : 'them'}, pass --profile NAME for a client profile (or select one).`;
}
