import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/main/core/logging/redactor.ts';
import { createLogger } from '../../src/main/core/logging/logger.ts';
import type { LogRecord } from '../../src/main/core/logging/logger.ts';

describe('redactor', () => {
  it('masks known secrets wherever they appear, longest first', () => {
    const redactor = createRedactor(['abcd1234', 'abcd1234efgh']);
    expect(redactor.redact('key abcd1234efgh and abcd1234.')).toBe('key [redacted] and [redacted].');
  });

  it('masks credential patterns it was never told about', () => {
    const redactor = createRedactor();
    expect(redactor.redact('Authorization: Bearer eyJhbGciOi.x-y')).toBe('Authorization: Bearer [redacted]');
    expect(redactor.redact('GET https://sk_live_1:@api.lever.co/v1')).toBe('GET https://[redacted]@api.lever.co/v1');
    expect(redactor.redact('{"apiKey":"zzz999"}')).toBe('{"apiKey":"[redacted]"}');
  });

  it('is applied to every log line, including error details', () => {
    const records: LogRecord[] = [];
    const redactor = createRedactor();
    const logger = createLogger({ redactor, sink: (r) => records.push(r) });
    redactor.addSecret('canary-secret-9f2a');
    logger.error('request failed', new Error('rejected key canary-secret-9f2a'));
    logger.debug('hidden below the threshold');
    expect(records).toHaveLength(1);
    expect(records[0]?.message).toBe('request failed Error: rejected key [redacted]');
  });
});
