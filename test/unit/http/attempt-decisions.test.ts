// The retry loop's reading of a status: only 2xx is a success, 3xx is a failure, a 5xx the loop does
// not retry still fails as "unavailable", a 408 is retried as a timeout, and each attempt is labelled.
import { describe, expect, it } from 'vitest';
import type { AttemptResult } from '../../../src/main/core/http/classify.ts';
import { decide, outcomeOf } from '../../../src/main/core/http/classify.ts';

const response = (status: number): AttemptResult => ({ type: 'response', status, body: undefined, retryAfter: undefined, requestId: null });
const read = { idempotent: true, passStatuses: [] as number[] };

describe('what an attempt means', () => {
  it('returns every 2xx, and fails a 3xx or 1xx as a bad request', () => {
    for (const status of [200, 201, 204, 299]) expect(decide(response(status), read)).toEqual({ action: 'return' });
    for (const status of [101, 199, 300, 302]) expect(decide(response(status), read)).toEqual({ action: 'fail', kind: 'bad_request' });
  });

  it('fails a 5xx it does not retry as unavailable, and retries a 408 as a timeout', () => {
    expect(decide(response(501), read)).toEqual({ action: 'fail', kind: 'unavailable' });
    expect(decide(response(505), read)).toEqual({ action: 'fail', kind: 'unavailable' });
    expect(decide(response(408), read)).toEqual({ action: 'retry', kind: 'timeout', retryAfter: undefined });
    expect(decide(response(404), read)).toEqual({ action: 'fail', kind: 'not_found' });
  });

  it('labels each attempt for the recorder', () => {
    expect([200, 299, 199, 300, 404, 503].map((s) => outcomeOf(response(s)))).toEqual([
      'ok',
      'ok',
      'http-error',
      'http-error',
      'http-error',
      'http-error',
    ]);
    expect(outcomeOf({ type: 'network', code: 'ECONNRESET', sent: true })).toBe('network-error');
    expect(outcomeOf({ type: 'truncated', status: 200 })).toBe('bad-response');
    expect(outcomeOf({ type: 'timeout' })).toBe('timeout');
    expect(outcomeOf({ type: 'cancelled' })).toBe('cancelled');
  });
});
