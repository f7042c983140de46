// The facts an error shows in its "Details" disclosure and the run log: the HttpFailure behind it is
// found through a bounded cause chain, and the endpoint and request id are cleaned (whitespace folded,
// trimmed, bounded, query and fragment dropped) and left out entirely when nothing remains of them.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/errors.ts';
import { errorDetailsOf, httpFailureBehind } from '../../../src/main/core/http/error-details.ts';
import { HttpFailure } from '../../../src/main/core/http/errors.ts';

const AT = new Date('2026-03-02T10:15:00.000Z');

const failure = (init: { endpoint?: string; requestId?: string | null; status?: number | null } = {}): HttpFailure =>
  new HttpFailure({
    vendor: 'lever',
    kind: 'unavailable',
    endpoint: init.endpoint ?? 'POST /requisitions',
    message: 'Lever is unavailable.',
    status: init.status === undefined ? 503 : init.status,
    attempts: 4,
    requestId: init.requestId === undefined ? 'lv-42' : init.requestId,
  });

/** `inner` wrapped in `layers` plain errors, each the cause of the next. */
const wrapped = (inner: unknown, layers: number): unknown => {
  let current = inner;
  for (let i = 0; i < layers; i += 1) current = new Error(`layer ${i + 1}`, { cause: current });
  return current;
};

describe('the HttpFailure behind an error', () => {
  it('is found up to five wrappers deep, and not beyond', () => {
    const inner = failure();
    expect(httpFailureBehind(inner)).toBe(inner);
    expect(httpFailureBehind(wrapped(inner, 1))).toBe(inner);
    expect(httpFailureBehind(wrapped(inner, 5))).toBe(inner);
    expect(httpFailureBehind(wrapped(inner, 6))).toBeNull();
  });

  it('is absent for an error chain that ends without one, so only the time is reported', () => {
    expect(httpFailureBehind(new Error('disk full'))).toBeNull();
    expect(httpFailureBehind(wrapped('a plain string cause', 2))).toBeNull();
    expect(errorDetailsOf(new AppError('sync.failed', 'The run failed.'), AT)).toStrictEqual({ at: '2026-03-02T10:15:00.000Z' });
  });
});

describe('error details', () => {
  it('report vendor, endpoint, status, request id, attempts and time of a wrapped failure', () => {
    const details = errorDetailsOf(new AppError('sync.write_failed', 'Writing failed.', { cause: failure() }), AT);
    expect(details).toStrictEqual({
      vendor: 'lever',
      endpoint: 'POST /requisitions',
      status: 503,
      requestId: 'lv-42',
      attempts: 4,
      at: '2026-03-02T10:15:00.000Z',
    });
  });

  it('fold runs of whitespace, trim the ends and keep at most 200 characters of the endpoint', () => {
    const details = errorDetailsOf(failure({ endpoint: '  GET \n /v2/org/:org/job\t\tlist  ' }), AT);
    expect(details.endpoint).toBe('GET /v2/org/:org/job list');
    const long = `GET /${'a'.repeat(300)}`;
    expect(errorDetailsOf(failure({ endpoint: long }), AT).endpoint).toBe(long.slice(0, 200));
    expect(errorDetailsOf(failure({ requestId: ` ${'r'.repeat(140)} ` }), AT).requestId).toBe('r'.repeat(128));
  });

  it('never show a query string or fragment of the endpoint', () => {
    expect(errorDetailsOf(failure({ endpoint: 'GET /users?email=a@x.example#top' }), AT).endpoint).toBe('GET /users');
  });

  it('leave out an endpoint or request id that is blank once cleaned', () => {
    const details = errorDetailsOf(failure({ endpoint: '?token=abc', requestId: ' \n ', status: null }), AT);
    expect(details).toStrictEqual({ vendor: 'lever', attempts: 4, at: '2026-03-02T10:15:00.000Z' });
    expect(Object.keys(details)).toEqual(['vendor', 'attempts', 'at']);
    const noId = errorDetailsOf(failure({ requestId: null }), AT);
    expect(Object.keys(noId)).toEqual(['vendor', 'endpoint', 'status', 'attempts', 'at']);
  });

  it('leave out what the redactor masks down to nothing', () => {
    const details = errorDetailsOf(failure({ requestId: 'secret-token' }), AT, (text) => text.replace('secret-token', ''));
    expect(Object.keys(details)).toEqual(['vendor', 'endpoint', 'status', 'attempts', 'at']);
  });
});
