// The soak-only switch that turns off the lookup before re-sending a create of unknown outcome: it
// is on only for the exact value "1", so an empty or other value never risks duplicate records.
import { afterEach, describe, expect, it } from 'vitest';
import { SKIP_PRECREATE_LOOKUP_ENV, skipPrecreateLookup } from '../../../src/main/core/http/test-hooks.ts';

describe('the pre-create lookup switch', () => {
  const saved = process.env[SKIP_PRECREATE_LOOKUP_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[SKIP_PRECREATE_LOOKUP_ENV];
    else process.env[SKIP_PRECREATE_LOOKUP_ENV] = saved;
  });

  it('is off when the variable is unset, empty or anything but 1', () => {
    delete process.env[SKIP_PRECREATE_LOOKUP_ENV];
    expect(skipPrecreateLookup()).toBe(false);
    for (const value of ['', '0', 'true', ' 1']) {
      process.env[SKIP_PRECREATE_LOOKUP_ENV] = value;
      expect(skipPrecreateLookup()).toBe(false);
    }
  });

  it('is on when the variable is exactly 1', () => {
    process.env[SKIP_PRECREATE_LOOKUP_ENV] = '1';
    expect(skipPrecreateLookup()).toBe(true);
  });
});
