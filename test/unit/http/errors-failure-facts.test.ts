// What a caller learns from a failed API call: whether an error is an API failure at all (with or
// without a kind filter), and the sentence a consultant reads when a run is stopped mid-call.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/errors.ts';
import { cancelledFailure, HttpFailure, isHttpFailure } from '../../../src/main/core/http/errors.ts';

describe('API failures', () => {
  const failure = new HttpFailure({ vendor: 'lever', kind: 'not_found', endpoint: 'GET /postings/:id', message: 'Gone.' });

  it('recognises any API failure when no kind is asked for, and only API failures', () => {
    expect(isHttpFailure(failure)).toBe(true);
    expect(isHttpFailure(new AppError('lever.not_found', 'Gone.'))).toBe(false);
    expect(isHttpFailure(new Error('boom'))).toBe(false);
  });

  it('recognises a failure by its kind', () => {
    expect(isHttpFailure(failure, 'unauthorized', 'not_found')).toBe(true);
    expect(isHttpFailure(failure, 'unauthorized')).toBe(false);
  });

  it('tells the user which call of which vendor a stop cancelled', () => {
    const lever = cancelledFailure('lever', 'POST /requisitions');
    expect(lever.message).toBe('Lever call POST /requisitions was cancelled because the run was stopped.');
    expect(lever.code).toBe('lever.cancelled');
    expect(lever.kind).toBe('cancelled');
    expect(lever.attempts).toBe(1);
    expect(lever.status).toBeNull();
    expect(cancelledFailure('charthop', 'GET /v2/org/:org/job').message).toBe(
      'ChartHop call GET /v2/org/:org/job was cancelled because the run was stopped.',
    );
  });
});
