// A known secret is masked at every place it appears in a line, not only the first: an error that
// quotes a key twice (a URL and a header, a request and its retry) must not leak it the second time.
import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../../src/main/core/logging/logger.ts';
import { createLogger } from '../../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';

const KEY = 'lvr-4f9c2a7e81';

describe('redaction of a secret that appears more than once', () => {
  it('masks every occurrence of a known secret in one line', () => {
    const redactor = createRedactor([KEY]);
    const line = `POST https://api.lever.co/v1/requisitions?key=${KEY} failed; retried with key ${KEY}, then ${KEY}${KEY}`;
    const redacted = redactor.redact(line);
    expect(redacted).toBe(
      'POST https://api.lever.co/v1/requisitions?key=[redacted] failed; retried with key [redacted], then [redacted][redacted]',
    );
    expect(redacted).not.toContain(KEY);
  });

  it('masks every occurrence of a secret added later, in a logged message and its error', () => {
    const records: LogRecord[] = [];
    const redactor = createRedactor();
    const logger = createLogger({ redactor, sink: (r) => records.push(r) });
    redactor.addSecret(KEY);
    logger.error(`call with ${KEY} failed`, new Error(`Lever rejected ${KEY} (key ${KEY})`));
    expect(records).toHaveLength(1);
    expect(records[0]?.message).toBe('call with [redacted] failed Error: Lever rejected [redacted] (key [redacted])');
    expect(JSON.stringify(records)).not.toContain(KEY);
  });
});
