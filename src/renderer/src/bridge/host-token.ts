/**
 * The browser host's per-launch access token on the page's side. The host
 * prints it in the address's fragment (`#token=…`), which browsers never send
 * to a server; the page reads it once, removes it from the address bar and
 * keeps it in memory, sending it only in the Authorization header of its own
 * calls. A copy in this tab's sessionStorage (scoped to the host's exact
 * origin, port included, unlike a cookie) lets a reload keep working.
 */

const STORAGE_KEY = 'reqbridge.hostToken';
let token: string | null = null;

function fromFragment(hash: string): string | null {
  const match = /^#token=([^&]+)/.exec(hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** Read the token from the address's fragment (then clear it), from memory, or from this tab's earlier load. */
export function hostToken(): string | null {
  const presented = fromFragment(window.location.hash);
  if (presented) {
    token = presented;
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/home`);
    try {
      window.sessionStorage.setItem(STORAGE_KEY, presented);
    } catch {
      // Storage refused (private mode): the token stays in memory for this page only.
    }
  }
  if (token) return token;
  try {
    token = window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    token = null;
  }
  return token;
}
