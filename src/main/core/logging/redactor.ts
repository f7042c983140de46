/**
 * The one redactor: removes secrets from any text before it is logged, stored
 * in the run log, exported, or sent to the renderer (error envelopes and push
 * events). Known secret values are replaced wherever they appear, every
 * occurrence; credential-looking headers, JSON fields and URL userinfo are
 * masked even when the value is unknown.
 */
export interface Redactor {
  /** Remember a secret value so it is masked from now on (values under 4 characters are ignored). */
  addSecret(value: string): void;
  /** The text with every occurrence of every known secret and credential pattern masked. */
  redact(text: string): string;
  /** A copy of `value` with every string in it (deeply, in arrays and plain objects) redacted. */
  redactValue<T>(value: T): T;
}

/**
 * The credential patterns and their replacements. Built for each redactor (a handful of regular
 * expressions), so that the tests that make a redactor also cover the patterns and the pieces they
 * are made of.
 */
function credentialPatterns(): Array<[RegExp, string]> {
  // An optional quote before and after a field name, as in `Authorization:`, `"Authorization":` or `\"Authorization\":`.
  const Q = `(?:\\\\?["'])?`;
  const FIELD = (name: string): string => `(${Q}${name}${Q}\\s*[:=]\\s*${Q})`;
  const withValue = (field: string, value: string): RegExp => new RegExp(field + value, 'gi');
  return [
    // Authorization headers, plain or as JSON fields: keep the scheme, mask the credential.
    [withValue(FIELD('(?:proxy-)?authorization'), '(basic|bearer|token)\\s+[A-Za-z0-9._~+/=-]+'), '$1$2 [redacted]'],
    [withValue(FIELD('(?:proxy-)?authorization'), '(?!basic\\b|bearer\\b|token\\b|\\[redacted\\])[^"\'\\\\\\s,}]+'), '$1[redacted]'],
    // Cookies: the whole header value up to the closing quote or the end of the line.
    [withValue(FIELD('(?:set-)?cookie'), '[^"\'\\\\\\r\\n]+'), '$1[redacted]'],
    // X-*-Token headers and any field named like a key, token, secret or password (apiKey, api_key, x-api-token…).
    // (The lookbehind keeps the name's start at a word boundary, so a long run of letters is scanned once, not once per letter.)
    [withValue(FIELD('(?<![a-z0-9_-])x-[a-z0-9-]*token'), '[^"\'\\\\\\s,}]+'), '$1[redacted]'],
    [
      withValue(FIELD('(?<![a-z0-9_-])[a-z0-9_-]*(?:api[_-]?key|token|secret|password)'), '(?!\\[redacted\\])[^"\'\\\\\\s,}]+'),
      '$1[redacted]',
    ],
    // A bearer credential on its own.
    [/\b(bearer)\s+(?!\[redacted\])[A-Za-z0-9._~+/=-]{8,}/gi, '$1 [redacted]'],
    // Userinfo in URLs.
    [/(\/\/)[^/\s:@]+(:[^/\s@]*)?@/g, '$1[redacted]@'],
  ];
}

/** Create a redactor with an initial set of secret values. */
// Stryker disable next-line ArrayDeclaration: a stand-in default secret would only mask that very text, which no caller writes
export function createRedactor(initialSecrets: Iterable<string> = []): Redactor {
  const secrets = new Set<string>();
  const patterns = credentialPatterns();
  const redact = (text: string): string => {
    let result = text;
    // Longest first, so a secret that contains another is masked whole; replaceAll masks every occurrence.
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) result = result.replaceAll(secret, '[redacted]');
    for (const [pattern, replacement] of patterns) result = result.replace(pattern, replacement);
    return result;
  };
  const redactValue = (value: unknown): unknown => {
    if (typeof value === 'string') return redact(value);
    if (Array.isArray(value)) return value.map(redactValue);
    if (value && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, redactValue(inner)]));
    }
    return value;
  };
  const redactor: Redactor = {
    addSecret(value) {
      if (value && value.length >= 4) secrets.add(value);
    },
    redact,
    redactValue: <T>(value: T) => redactValue(value) as T,
  };
  for (const secret of initialSecrets) redactor.addSecret(secret);
  return redactor;
}
