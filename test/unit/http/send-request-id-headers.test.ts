// Which response header gives the vendor's request id shown in error details: a blank header is
// passed over for the next common name, so support gets the id the vendor actually sent.
import { describe, expect, it } from 'vitest';
import { requestIdOf } from '../../../src/main/core/http/send.ts';

describe('requestIdOf', () => {
  it('passes over a blank x-request-id and reports the request-id the vendor did send', () => {
    expect(requestIdOf({ 'x-request-id': '   ', 'request-id': 'req-42' })).toBe('req-42');
    expect(requestIdOf({ 'x-request-id': '', 'x-correlation-id': 'corr-7' })).toBe('corr-7');
  });

  it('reads headers that only answer through get(), like fetch Headers', () => {
    expect(requestIdOf(new Headers({ 'X-Amzn-RequestId': 'amzn-1' }))).toBe('amzn-1');
    expect(requestIdOf(new Headers())).toBeNull();
  });
});
