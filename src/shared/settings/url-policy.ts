/**
 * Where keys may travel: API base URLs and the localtunnel server must be
 * https://, with plain http:// only on this machine (127.0.0.1, ::1,
 * localhost: the Sandbox, local proxies). Also names the hosts of a profile
 * that are not the vendors' own, so an imported file cannot quietly point a
 * client's keys at someone else's server.
 */

/** Lever's and ChartHop's own API hosts (any other host is flagged on import). */
export const VENDOR_API_HOSTS: readonly string[] = ['api.lever.co', 'api.sandbox.lever.co', 'api.eu.lever.co', 'api.charthop.com'];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

/** True for a hostname on this machine (127.0.0.1, ::1, localhost). */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/**
 * The sentence saying why `value` may not carry keys, or null when it may: https://, or http://
 * on a loopback host. `what` names the setting ("The Lever API URL").
 */
export function insecureUrlProblem(value: string, what: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${what} "${value}" is not a URL; enter it as https://… .`;
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null;
  if (url.protocol === 'http:') {
    return `${what} must start with https:// (plain http:// is allowed only for 127.0.0.1, ::1 and localhost), because keys sent over http:// can be read on the way; change it to https://${url.host}${url.pathname === '/' ? '' : url.pathname}.`;
  }
  return `${what} must be an https:// URL, not ${url.protocol}; enter it as https://… .`;
}

/** The host (and port) of a URL, or the text itself when it is not one. */
export function hostOf(value: string): string {
  try {
    return new URL(value).host;
  } catch {
    return value;
  }
}

/** The connection and webhook settings this module judges (a profile or an export's profile). */
export interface HostSettings {
  lever: { environment: string; baseUrl?: string };
  charthop: { baseUrl: string };
  webhook: { localtunnelHost: string; publicUrl: string };
}

/** A setting that points at a host other than Lever's or ChartHop's own. */
export interface ForeignHost {
  /** The setting, e.g. `lever.baseUrl`. */
  field: 'lever.baseUrl' | 'charthop.baseUrl' | 'webhook.localtunnelHost' | 'webhook.publicUrl';
  url: string;
  host: string;
}

/** Every setting of `profile` that points at a host other than the vendors' own (the import asks about each). */
export function foreignHosts(profile: HostSettings): ForeignHost[] {
  const found: ForeignHost[] = [];
  const add = (field: ForeignHost['field'], url: string, vendor: boolean) => {
    const trimmed = url.trim();
    if (!trimmed) return;
    const host = hostOf(trimmed);
    let hostname = host;
    try {
      hostname = new URL(trimmed).hostname;
    } catch {
      // keep the raw text: it is flagged as it is
    }
    if (vendor && VENDOR_API_HOSTS.includes(hostname.toLowerCase())) return;
    found.push({ field, url: trimmed, host });
  };
  if (profile.lever.environment === 'custom') add('lever.baseUrl', profile.lever.baseUrl ?? '', true);
  add('charthop.baseUrl', profile.charthop.baseUrl, true);
  add('webhook.localtunnelHost', profile.webhook.localtunnelHost, false);
  add('webhook.publicUrl', profile.webhook.publicUrl, false);
  return found;
}

/** The host a profile's Lever calls go to. */
function leverHost(profile: Pick<HostSettings, 'lever'>): string {
  const { environment, baseUrl } = profile.lever;
  if (environment === 'production') return 'api.lever.co';
  if (environment === 'sandbox') return 'api.sandbox.lever.co';
  if (environment === 'eu') return 'api.eu.lever.co';
  return hostOf(baseUrl ?? '').toLowerCase();
}

/** Which vendors' API hosts differ between two versions of a profile (their stored keys must not follow). */
export function changedVendorHosts(
  before: Pick<HostSettings, 'lever' | 'charthop'>,
  after: Pick<HostSettings, 'lever' | 'charthop'>,
): { lever: boolean; charthop: boolean } {
  return {
    lever: leverHost(before) !== leverHost(after),
    charthop: hostOf(before.charthop.baseUrl).toLowerCase() !== hostOf(after.charthop.baseUrl).toLowerCase(),
  };
}

const WHY = 'keys never go to a host they were not entered for';

/** The sentence said when a host change removes (or, before saving, will remove) a vendor's stored keys; null when none change. */
export function hostChangeMessage(changed: { lever: boolean; charthop: boolean }, when: 'before' | 'after' = 'after'): string | null {
  const verb = when === 'after' ? 'were removed' : 'will be removed';
  const verbOne = when === 'after' ? 'was removed' : 'will be removed';
  if (changed.lever && changed.charthop) {
    return `The Lever and ChartHop API hosts changed, so this profile's Lever API key, Lever webhook signature token and ChartHop token ${verb} (${WHY}); enter them again in Setup.`;
  }
  if (changed.lever)
    return `The Lever API host changed, so this profile's Lever API key and Lever webhook signature token ${verb} (${WHY}); enter them again in Setup.`;
  if (changed.charthop)
    return `The ChartHop API host changed, so this profile's ChartHop token ${verbOne} (${WHY}); enter it again in Setup.`;
  return null;
}
