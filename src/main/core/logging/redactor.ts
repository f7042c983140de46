/**
 * Removes secrets from any text before it is logged, stored in the run log or
 * sent to the renderer. Known secret values are replaced wherever they appear;
 * credential-looking headers and URL userinfo are masked even when unknown.
 */
export interface Redactor {
  /** Remember a secret value so it is masked from now on (values under 4 characters are ignored). */
  addSecret(value: string): void;
  /** The text with every known secret and credential pattern masked. */
  redact(text: string): string;
}

const PATTERNS: Array<[RegExp, string]> = [
  [/(authorization\s*[:=]\s*)(basic|bearer)\s+[A-Za-z0-9._~+/=-]+/gi, '$1$2 [redacted]'],
  [/(\/\/)[^/\s:@]+(:[^/\s@]*)?@/g, '$1[redacted]@'],
  [/((?:api[_-]?key|token|secret|password)["']?\s*[:=]\s*["']?)[^"'\s,}]+/gi, '$1[redacted]'],
];

/** Create a redactor with an initial set of secret values. */
export function createRedactor(initialSecrets: Iterable<string> = []): Redactor {
  const secrets = new Set<string>();
  const redactor: Redactor = {
    addSecret(value) {
      if (value && value.length >= 4) secrets.add(value);
    },
    redact(text) {
      let result = text;
      // Longest first, so a secret that contains another is masked whole.
      for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
        result = result.split(secret).join('[redacted]');
      }
      for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
      return result;
    },
  };
  for (const secret of initialSecrets) redactor.addSecret(secret);
  return redactor;
}
