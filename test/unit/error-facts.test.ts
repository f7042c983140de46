// The renderer's side of error details, as pure functions: UiError keeps only the known, well-typed
// detail fields; the Details rows and the copied text list each fact only when it is known.
import { describe, expect, it } from 'vitest';
import { UiError } from '../../src/renderer/src/bridge/ui-error.ts';
import { errorFactRows, errorFactsText } from '../../src/renderer/src/lib/error-details.ts';

const AT = '2026-01-05T09:00:00.000Z';

describe('UiError details', () => {
  it('keeps the known fields with their types and drops anything else', () => {
    const error = new UiError({
      code: 'sync.listing_failed',
      message: 'Reading jobs from ChartHop failed.',
      details: {
        status: 403,
        endpoint: 'GET /v2/org/:org/job',
        vendor: 'charthop',
        requestId: 'ch-1',
        attempts: 1,
        at: AT,
        headers: { authorization: 'Bearer x' },
      } as never,
    });
    expect(error.details).toEqual({
      status: 403,
      endpoint: 'GET /v2/org/:org/job',
      vendor: 'charthop',
      requestId: 'ch-1',
      attempts: 1,
      at: AT,
    });
    expect(new UiError({ code: 'x', message: 'm', details: { status: '403', vendor: 'other', at: AT } as never }).details).toEqual({
      at: AT,
    });
    expect(new UiError({ code: 'x', message: 'm', details: { status: 1 } as never }).details).toBeNull();
    expect(new UiError({ code: 'x', message: 'm' }).details).toBeNull();
  });
});

describe('error facts', () => {
  it('lists code, status, call, request id, attempts and time in that order, each only when known', () => {
    const full = {
      message: 'Lever rejected the key.',
      code: 'lever.unauthorized',
      details: { status: 401, endpoint: 'GET /requisitions', vendor: 'lever' as const, requestId: 'req-1', attempts: 2, at: AT },
    };
    expect(errorFactRows(full).map((r) => [r.label, r.shown])).toEqual([
      ['Error code', 'lever.unauthorized'],
      ['HTTP status', '401'],
      ['Call', 'Lever GET /requisitions'],
      ['Request id', 'req-1'],
      ['Attempts', '2'],
      ['Time', expect.any(String)],
    ]);
    expect(errorFactRows({ message: 'm', code: 'settings.invalid', details: { at: AT } }).map((r) => r.key)).toEqual(['code', 'time']);
    expect(errorFactRows({ message: 'm', details: { vendor: 'charthop', at: AT } }).map((r) => r.key)).toEqual(['call', 'time']);
    expect(errorFactRows({ message: 'm', code: 'bridge.failed', details: null })).toMatchObject([{ key: 'code' }]);
  });

  it('copies a plain-text block with the sentence and one line per fact, the time in ISO form', () => {
    const text = errorFactsText({
      message: 'Lever rejected the key.',
      code: 'lever.unauthorized',
      details: { status: 401, vendor: 'lever', endpoint: 'GET /users', requestId: 'req-9', at: AT },
    });
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'ReqBridge error',
      'Message: Lever rejected the key.',
      'Error code: lever.unauthorized',
      'HTTP status: 401',
      'Call: Lever GET /users',
      'Request id: req-9',
    ]);
    expect(lines[6]).toMatch(/^Time: 2026-01-05T09:00:00\.000Z/);
    expect(lines).toHaveLength(7);
  });
});
