// What counts as a secret to mask: values of 4 characters or more. Shorter ones (an empty token, a
// 3-letter placeholder) would mask ordinary words all over the logs, so they are ignored.
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';

describe('secrets the redactor remembers', () => {
  it('masks a value of exactly 4 characters', () => {
    const redactor = createRedactor();
    redactor.addSecret('k3y9');
    expect(redactor.redact('key k3y9 sent')).toBe('key [redacted] sent');
  });

  it('ignores empty and shorter values, so ordinary text stays readable', () => {
    const redactor = createRedactor(['', 'abc']);
    redactor.addSecret('');
    redactor.addSecret('the');
    expect(redactor.redact('the abc of the sync run')).toBe('the abc of the sync run');
  });
});
