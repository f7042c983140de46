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
    expect(redactor.redact('Authorization: lvr_raw_key_123 sent')).toBe('Authorization: [redacted] sent');
  });

  it('masks the user and password of a URL, with or without a password, and not an address in its query', () => {
    const redactor = createRedactor();
    expect(redactor.redact('proxy http://consultant:p4ssw0rd@proxy.example:8080 refused')).toBe(
      'proxy http://[redacted]@proxy.example:8080 refused',
    );
    expect(redactor.redact('clone https://ghp_abc123@git.example/repo')).toBe('clone https://[redacted]@git.example/repo');
    expect(redactor.redact('see https://api.lever.co/v1/users?email=a@b.example')).toBe(
      'see https://api.lever.co/v1/users?email=a@b.example',
    );
  });

  it('masks a bearer credential written on its own, but not the word "bearer" in a sentence', () => {
    const redactor = createRedactor();
    expect(redactor.redact('retrying with bearer  eyJhbGciOiJIUzI1NiJ9.e30 after 401')).toBe('retrying with bearer [redacted] after 401');
    expect(redactor.redact('the bearer of the offer letter is Ada')).toBe('the bearer of the offer letter is Ada');
    expect(redactor.redact('Lever said: token expired, reconnect')).toBe('Lever said: token expired, reconnect');
  });

  it('masks every occurrence of a secret, on a line that carries it twice', () => {
    const redactor = createRedactor(['lvr_twice_K3y_9f2a']);
    const line = 'GET /v1/users?key=lvr_twice_K3y_9f2a failed; retried with lvr_twice_K3y_9f2a';
    expect(redactor.redact(line)).toBe('GET /v1/users?key=[redacted] failed; retried with [redacted]');
    expect(createRedactor().redact('Authorization: Bearer aaaa1111bbbb; Authorization: Basic cccc2222dddd')).toBe(
      'Authorization: Bearer [redacted]; Authorization: Basic [redacted]',
    );
  });

  it('masks JSON-shaped headers and fields: Authorization, Cookie, X-*-Token and apiKey', () => {
    const redactor = createRedactor();
    const headers = JSON.stringify({
      Authorization: 'Bearer eyJ0.abc-def',
      Cookie: 'reqbridge_token=c00k13v4lu3; theme=dark',
      'X-Api-Token': 'xtok-123456',
      apiKey: 'ak_998877',
      accept: 'application/json',
    });
    expect(redactor.redact(headers)).toBe(
      '{"Authorization":"Bearer [redacted]","Cookie":"[redacted]","X-Api-Token":"[redacted]","apiKey":"[redacted]","accept":"application/json"}',
    );
    // The same headers logged inside another JSON string (escaped quotes), and as plain header lines.
    const nested = JSON.stringify({ request: headers });
    for (const secret of ['eyJ0.abc-def', 'c00k13v4lu3', 'xtok-123456', 'ak_998877']) expect(redactor.redact(nested)).not.toContain(secret);
    expect(redactor.redact('Cookie: reqbridge_token=c00k13v4lu3\nX-Lever-Token: xtok-123456')).toBe(
      'Cookie: [redacted]\nX-Lever-Token: [redacted]',
    );
    expect(redactor.redact("{'authorization': 'Basic dXNlcjpwYXNz'}")).toBe("{'authorization': 'Basic [redacted]'}");
  });

  it('leaves a 200 kB line without secrets as it is, and masks a secret at its end (its speed: bench/redactor-scale.ts)', () => {
    const redactor = createRedactor(['known-secret-0001']);
    for (const text of ['a'.repeat(200_000), `x-${'b1'.repeat(100_000)}`, `{"blob":"${'c_'.repeat(100_000)}"}`]) {
      expect(redactor.redact(text)).toBe(text);
      expect(redactor.redact(`${text} known-secret-0001`)).toBe(`${text} [redacted]`);
    }
  });

  it('redacts every string inside a value, leaving its shape', () => {
    const redactor = createRedactor(['canary-value-77aa']);
    expect(redactor.redactValue({ a: ['x canary-value-77aa', 3], b: { c: 'canary-value-77aa' }, d: null })).toEqual({
      a: ['x [redacted]', 3],
      b: { c: '[redacted]' },
      d: null,
    });
  });

  it('leaves values that are not plain objects as they are, rather than flattening them to their own fields', () => {
    const redactor = createRedactor(['canary-value-77aa']);
    const when = new Date(Date.UTC(2026, 10, 2));
    const codes = new Map([['k', 'canary-value-77aa']]);
    const out = redactor.redactValue({ when, codes });
    expect(out.when).toBe(when);
    expect(out.codes).toBe(codes);
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
