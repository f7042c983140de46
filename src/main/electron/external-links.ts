/**
 * Which web addresses the app may open in the user's browser: Lever's and
 * ChartHop's sites (their help centres and settings pages) and the project's
 * own documentation and releases. Anything else is dropped. Addresses are
 * parsed with `new URL()` and compared by exact host, never by prefix, so
 * `lever.co.attacker.example` is not Lever.
 */

/** The project's home, whose README (docs) and releases the app may link to. */
export const PROJECT_REPOSITORY_URL = 'https://github.com/reqbridge/reqbridge';

/** Sites whose pages may be opened, with every subdomain (help.lever.co, app.charthop.com…). */
const VENDOR_DOMAINS = ['lever.co', 'charthop.com'];

/** Paths under the project's repository that may be opened: its docs and its releases. */
const PROJECT_PATHS = ['', '/blob/', '/tree/', '/releases', '/wiki'];

/** True when `url` is an https:// address on the allow-list. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return false;
  const host = parsed.hostname.toLowerCase();
  if (VENDOR_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`))) return true;
  const project = new URL(PROJECT_REPOSITORY_URL);
  if (host !== project.hostname) return false;
  const rest = parsed.pathname.startsWith(project.pathname) ? parsed.pathname.slice(project.pathname.length) : null;
  if (rest === null) return false;
  return rest === '' || rest === '/' || PROJECT_PATHS.some((prefix) => prefix !== '' && rest.startsWith(prefix));
}

/** Open `url` with `openExternal` when it is on the allow-list; returns whether it was opened. */
export function openExternalSafely(url: string, openExternal: (url: string) => unknown): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  void openExternal(url);
  return true;
}
