/**
 * Where a profile's API calls go. The profile's own settings, unless the
 * environment overrides them for a headless run (REQBRIDGE_LEVER_URL,
 * REQBRIDGE_CHARTHOP_URL, REQBRIDGE_CHARTHOP_ORG) — overrides apply to one
 * profile only (the selected one, or the CLI's `--profile` target) — or the profile is the built-in Sandbox, whose
 * servers the host starts and passes in.
 */
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import { leverBaseUrl } from '../../../shared/settings/schema.ts';
import { insecureUrlProblem } from '../../../shared/settings/url-policy.ts';
import { AppError } from '../errors.ts';

/** The resolved endpoints of a profile. */
export interface Connection {
  leverBaseUrl: string;
  charthopBaseUrl: string;
  charthopOrg: string;
  /** Which values came from the environment, for the doctor and `profile show`. */
  overriddenBy: string[];
}

/** The embedded sandbox's endpoints, when the host runs it. */
export interface SandboxEndpoints {
  leverBaseUrl: string;
  charthopBaseUrl: string;
  charthopOrg: string;
}

/** The environment variables that override a client profile's connection. */
export const CONNECTION_ENV_VARS = {
  leverBaseUrl: 'REQBRIDGE_LEVER_URL',
  charthopBaseUrl: 'REQBRIDGE_CHARTHOP_URL',
  charthopOrg: 'REQBRIDGE_CHARTHOP_ORG',
} as const;

/** Resolve a profile's connection. */
export function resolveConnection(
  profile: ProfileSettings,
  options: { env: Readonly<Record<string, string | undefined>>; environmentApplies: boolean; sandbox?: SandboxEndpoints | null },
): Connection {
  if (profile.kind === 'sandbox') {
    if (!options.sandbox) {
      throw new AppError('sandbox.not_running', 'The embedded sandbox is not running in this host. Start the app or run: npm run sandbox');
    }
    return { ...options.sandbox, overriddenBy: [] };
  }
  const connection: Connection = {
    leverBaseUrl: leverBaseUrl(profile),
    charthopBaseUrl: profile.charthop.baseUrl,
    charthopOrg: profile.charthop.org,
    overriddenBy: [],
  };
  if (!options.environmentApplies) return requireSecureUrls(connection);
  for (const [key, variable] of Object.entries(CONNECTION_ENV_VARS) as Array<[keyof typeof CONNECTION_ENV_VARS, string]>) {
    const value = options.env[variable]?.trim();
    if (value) {
      connection[key] = value;
      connection.overriddenBy.push(variable);
    }
  }
  return requireSecureUrls(connection);
}

/** Refuse a connection that would send keys over plain http:// to another machine (an older settings file, an environment override). */
function requireSecureUrls(connection: Connection): Connection {
  const lever = insecureUrlProblem(
    connection.leverBaseUrl,
    connection.overriddenBy.includes(CONNECTION_ENV_VARS.leverBaseUrl) ? CONNECTION_ENV_VARS.leverBaseUrl : 'The Lever API URL',
  );
  const charthop = insecureUrlProblem(
    connection.charthopBaseUrl,
    connection.overriddenBy.includes(CONNECTION_ENV_VARS.charthopBaseUrl) ? CONNECTION_ENV_VARS.charthopBaseUrl : 'The ChartHop API URL',
  );
  const problem = lever ?? charthop;
  if (problem) throw new AppError('settings.insecure_url', problem);
  return connection;
}
