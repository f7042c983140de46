// Tuning the vendors' rate limits from the environment: the smallest valid values are accepted, a
// variable that is not set leaves that setting out entirely, and a bad value is refused with a
// sentence that says exactly what is expected.
import { describe, expect, it } from 'vitest';
import { rateLimitFromEnv } from '../../../src/main/core/http/rate-limit-env.ts';

describe('rate limits from the environment', () => {
  it('accepts a burst of exactly 1 and a fractional rate', () => {
    expect(rateLimitFromEnv('lever', { REQBRIDGE_LEVER_BURST: '1' })).toStrictEqual({ burst: 1 });
    expect(rateLimitFromEnv('charthop', { REQBRIDGE_CHARTHOP_RATE: '0.5' })).toStrictEqual({ ratePerSecond: 0.5 });
  });

  it('leaves unset variables out of the settings', () => {
    expect(rateLimitFromEnv('lever', {})).toStrictEqual({});
    expect(rateLimitFromEnv('lever', { REQBRIDGE_LEVER_RATE: '4', REQBRIDGE_LEVER_BURST: ' ' })).toStrictEqual({ ratePerSecond: 4 });
  });

  it('refuses a rate that is not a positive number, saying what a rate must be', () => {
    expect(() => rateLimitFromEnv('lever', { REQBRIDGE_LEVER_RATE: '0' })).toThrow(
      expect.objectContaining({
        code: 'settings.invalid_environment',
        message:
          'The environment variable REQBRIDGE_LEVER_RATE is "0", but it must be a positive number of requests per second, e.g. 10 or 2.5. Fix or unset REQBRIDGE_LEVER_RATE and try again.',
      }),
    );
  });

  it('refuses a burst that is not a whole number of at least 1, saying what a burst must be', () => {
    expect(() => rateLimitFromEnv('charthop', { REQBRIDGE_CHARTHOP_BURST: '2.5' })).toThrow(
      expect.objectContaining({
        code: 'settings.invalid_environment',
        message:
          'The environment variable REQBRIDGE_CHARTHOP_BURST is "2.5", but it must be a whole number of requests of at least 1, e.g. 20. Fix or unset REQBRIDGE_CHARTHOP_BURST and try again.',
      }),
    );
  });
});
