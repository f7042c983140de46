/**
 * Query strings the way both APIs want them: repeated keys for multi-valued
 * filters (`?expand=a&expand=b`, not `expand[]=`), and opaque page tokens
 * passed back verbatim (Lever's `next` is already URL-encoded: encoding it
 * again would double-encode it).
 */

/** A page token to be placed in the URL exactly as the server sent it. */
export interface RawToken {
  readonly raw: string;
}

/** One query value; arrays repeat the key; `undefined`/`null` omit it. */
export type QueryValue = string | number | boolean | RawToken | null | undefined | readonly (string | number | boolean)[];

/** Query parameters in the order they should appear. */
export type QueryParams = Readonly<Record<string, QueryValue>>;

/** Wraps a server-issued token so {@link buildQuery} passes it through untouched. */
export function rawToken(raw: string): RawToken {
  return { raw };
}

// Characters an already-encoded token may contain without breaking the query string.
const SAFE_VERBATIM = /^[A-Za-z0-9%._~-]+$/;

function encodeValue(value: string | number | boolean | RawToken): string {
  if (typeof value === 'object') {
    // Verbatim when it is safe to be; otherwise encode, so a strange token cannot break the URL.
    return SAFE_VERBATIM.test(value.raw) ? value.raw : encodeURIComponent(value.raw);
  }
  return encodeURIComponent(String(value));
}

/** Builds `a=1&b=x&b=y` (no leading `?`); empty string when nothing is set. */
export function buildQuery(params: QueryParams = {}): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [value as string | number | boolean | RawToken];
    for (const item of values) parts.push(`${encodeURIComponent(key)}=${encodeValue(item)}`);
  }
  return parts.join('&');
}

/** Joins a base URL, a path and a query. */
export function buildUrl(baseUrl: string, path: string, params?: QueryParams): string {
  const base = baseUrl.replace(/\/+$/, '');
  const query = buildQuery(params);
  return `${base}${path.startsWith('/') ? path : `/${path}`}${query ? `?${query}` : ''}`;
}
