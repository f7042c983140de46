/**
 * The rules of the connection and webhook fields, one function per field, each returning the
 * sentence to show beside it (or null when the value is fine). The Setup forms check with them as
 * the consultant types or saves, and main checks every save with them, so the app, the browser
 * host's API and the CLI refuse the same input with the same words.
 */
import { insecureUrlProblem, isLoopbackHost } from './url-policy.ts';

/** The longest profile name (a client's name; the switcher and the tray show it). */
export const PROFILE_NAME_MAX = 60;

/** The longest value pasted as a key or token (real ones are far shorter). */
export const SECRET_VALUE_MAX = 4096;

/** Each vendor's example address, quoted by the sentence about its field. */
export const URL_EXAMPLES = {
  lever: 'https://api.lever.co/v1',
  charthop: 'https://api.charthop.com',
  publicUrl: 'https://hooks.example.com',
  localtunnel: 'https://localtunnel.me',
} as const;

function baseUrlProblem(value: string, what: string, example: string): string | null {
  const text = value.trim();
  if (!text) return `Enter ${what.replace(/^The /, 'the ')}, for example ${example}.`;
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not a web address');
  } catch {
    return `${what} must be a full address starting with https://, for example ${example}.`;
  }
  return insecureUrlProblem(text, what);
}

/** The Lever API base URL of a custom environment: a full https:// address (http:// only on this machine). */
export function leverBaseUrlProblem(value: string): string | null {
  return baseUrlProblem(value, 'The Lever API base URL', URL_EXAMPLES.lever);
}

/** The ChartHop API base URL: a full https:// address (http:// only on this machine). */
export function charthopBaseUrlProblem(value: string): string | null {
  return baseUrlProblem(value, 'The ChartHop base URL', URL_EXAMPLES.charthop);
}

/**
 * The ChartHop org: its id or slug, which ReqBridge puts in every ChartHop path, so no spaces,
 * slashes or "..". Blank is a problem too: a connection saved without an org cannot reach any job.
 */
export function charthopOrgProblem(value: string): string | null {
  const text = value.trim();
  const how = 'the part after app.charthop.com/ in the client’s ChartHop address, for example acme';
  if (!text) return `Enter the ChartHop org: its id or slug, ${how}.`;
  if (text.length > 80) return `The ChartHop org is at most 80 characters: enter its id or slug, ${how}.`;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(text) || text.includes('..')) {
    return `The ChartHop org is an id or slug — letters, digits, dots, dashes or underscores, with no spaces, slashes or “..”: enter ${how}.`;
  }
  return null;
}

/** The public address of the client's own reverse proxy: https:// (http:// only on this machine), no query, fragment or credentials. */
export function publicUrlProblem(value: string): string | null {
  const text = value.trim();
  const example = URL_EXAMPLES.publicUrl;
  if (!text) return `Enter the public address of the client’s reverse proxy, for example ${example}.`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `The public address must be a full https:// address, for example ${example}.`;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return `Lever only calls https:// addresses: enter the public address as https://…, for example ${example}.`;
  }
  if (url.search || url.hash || url.username || url.password) {
    return `Enter the public address without a query (?…), fragment (#…) or user name, for example ${example}: ReqBridge adds the webhook path itself.`;
  }
  return null;
}

/** The localtunnel server (optional: blank means localtunnel's own): https:// (http:// only on this machine). */
export function localtunnelHostProblem(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  return baseUrlProblem(text, 'The localtunnel server', URL_EXAMPLES.localtunnel);
}

/** A profile name: 1 to 60 characters once trimmed; counted as the consultant types. */
export function profileNameProblem(value: string): string | null {
  const length = value.trim().length;
  if (length === 0) return 'Give the profile a name, usually the client’s.';
  if (length > PROFILE_NAME_MAX) return `The name is ${length} characters; keep it to ${PROFILE_NAME_MAX} or fewer.`;
  return null;
}

/** A pasted key or token: not blank, and not longer than any real key. */
export function secretValueProblem(value: string): string | null {
  const text = value.trim();
  if (!text) return 'Paste the value first.';
  if (text.length > SECRET_VALUE_MAX) {
    return `That is ${text.length.toLocaleString('en-US')} characters, longer than any key or token. Copy only the key itself and paste it again.`;
  }
  return null;
}
