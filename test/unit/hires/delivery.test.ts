// Delivery checks as pure functions: Lever's signature against a known-answer vector (computed
// outside this code base), the 400/401 split, freshness on an injected clock, classification, and a
// bounded fuzz (reliability.md A22): no exception, no acceptance without the right HMAC.
import { describe, expect, it } from 'vitest';
import {
  checkDelivery,
  dedupeKeyOf,
  DEFAULT_FRESHNESS,
  leverSignature,
  parseJsonStrict,
  signatureMatches,
} from '../../../src/main/core/hires/delivery.ts';

const KEY = 'lever-signature-token-0001';
const TOKEN = '3f9c2a5e7d1b4c8f9e0a1b2c3d4e5f60';
const AT = 1782975400123;
// HMAC-SHA256(KEY, TOKEN + AT), computed with Python's hmac module.
const VECTOR = '98d5c094e11bb0feb6f80457c08ff8e1fe2fee400e541a28594913d2c2582740';

const bytes = (value: unknown): Uint8Array => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
const body = (over: Record<string, unknown> = {}) => ({
  triggeredAt: AT,
  event: 'candidateHired',
  token: TOKEN,
  signature: VECTOR,
  data: { opportunityId: 'o-1', candidateId: 'o-1', contactId: 'c-1' },
  ...over,
});

describe('the signature', () => {
  it('matches the known-answer vector: hex HMAC-SHA256 of token + triggeredAt', () => {
    expect(leverSignature(KEY, TOKEN, AT)).toBe(VECTOR);
    expect(signatureMatches(KEY, TOKEN, AT, VECTOR)).toBe(true);
    expect(signatureMatches(`${KEY} `, TOKEN, AT, VECTOR)).toBe(false);
    expect(signatureMatches(KEY, TOKEN, AT + 1, VECTOR)).toBe(false);
  });

  it('refuses short, long, uppercase and non-hex signatures without throwing', () => {
    for (const s of ['', VECTOR.slice(0, 63), `${VECTOR}0`, VECTOR.toUpperCase(), `${VECTOR.slice(0, 63)}g`, `${VECTOR.slice(0, 62)}é`]) {
      expect(signatureMatches(KEY, TOKEN, AT, s)).toBe(false);
    }
  });
});

describe('checkDelivery', () => {
  it('accepts a signed hire, a ping (no data / no opportunity) and ignores other events', () => {
    expect(checkDelivery(bytes(body()), KEY, AT)).toMatchObject({
      ok: true,
      kind: 'hire',
      stale: false,
      delivery: { opportunityId: 'o-1', token: TOKEN, triggeredAt: AT },
    });
    const { data: _data, ...noData } = body();
    expect(checkDelivery(bytes(noData), KEY, AT)).toMatchObject({ ok: true, kind: 'ping' });
    expect(checkDelivery(bytes(body({ data: {} })), KEY, AT)).toMatchObject({ ok: true, kind: 'ping' });
    expect(checkDelivery(bytes(body({ event: 'candidateStageChange' })), KEY, AT)).toMatchObject({ ok: true, kind: 'ignored' });
  });

  it('400 for malformed bodies and fields, 401 for a bad signature', () => {
    const cases: Array<[unknown, number]> = [
      ['not json', 400],
      ['[1]', 400],
      ['null', 400],
      [body({ token: 5 }), 400],
      [body({ token: '' }), 400],
      [body({ triggeredAt: String(AT) }), 400],
      [body({ triggeredAt: AT / 1000 }), 400],
      [body({ triggeredAt: -AT }), 400],
      [body({ triggeredAt: 1e308 }), 400],
      [body({ signature: 7 }), 400],
      [body({ event: '' }), 400],
      [body({ data: 'x' }), 400],
      [body({ data: { opportunityId: 42 } }), 400],
      [body({ signature: VECTOR.replace('9', '8') }), 401],
      [body({ token: `${TOKEN}x` }), 401],
    ];
    for (const [input, status] of cases)
      expect(checkDelivery(bytes(input), KEY, AT), JSON.stringify(input).slice(0, 60)).toMatchObject({ ok: false, status });
  });

  it('refuses invalid UTF-8 and a BOM rather than guessing', () => {
    expect(parseJsonStrict(Buffer.from([0x7b, 0xff, 0x7d]))).toBeUndefined();
    expect(parseJsonStrict(Buffer.from(`\uFEFF${JSON.stringify(body())}`))).toBeUndefined();
  });

  it('freshness: future beyond the skew is 401; past beyond the window is accepted but stale', () => {
    expect(checkDelivery(bytes(body()), KEY, AT - DEFAULT_FRESHNESS.futureSkewMs - 1)).toMatchObject({
      ok: false,
      status: 401,
      code: 'future',
    });
    expect(checkDelivery(bytes(body()), KEY, AT - DEFAULT_FRESHNESS.futureSkewMs)).toMatchObject({ ok: true });
    expect(checkDelivery(bytes(body()), KEY, AT + DEFAULT_FRESHNESS.pastWindowMs)).toMatchObject({ ok: true, stale: false });
    expect(checkDelivery(bytes(body()), KEY, AT + DEFAULT_FRESHNESS.pastWindowMs + 1)).toMatchObject({ ok: true, stale: true });
  });

  it('never reads inherited properties (__proto__, constructor)', () => {
    const text = `{"__proto__":{"token":"${TOKEN}","triggeredAt":${AT},"signature":"${VECTOR}","event":"candidateHired"}}`;
    expect(checkDelivery(bytes(text), KEY, AT)).toMatchObject({ ok: false, status: 400 });
    expect(({} as Record<string, unknown>)['token']).toBeUndefined();
  });

  it('dedupes on the signed pair only', () => {
    expect(dedupeKeyOf({ token: TOKEN, triggeredAt: AT })).toBe(`lever:${TOKEN}:${AT}`);
  });

  it('A22 (bounded fuzz): 5 000 mutated bodies never throw and are never accepted without the right HMAC', () => {
    let seed = 1234567;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const valid = JSON.stringify(body());
    const alphabet = '{}[]":,0123456789abcdef-eE.nulltrue \\u\u0000\uFFFF';
    for (let i = 0; i < 5000; i += 1) {
      const chars = [...valid];
      const edits = 1 + Math.floor(rnd() * 4);
      for (let e = 0; e < edits; e += 1) {
        const at = Math.floor(rnd() * chars.length);
        const op = rnd();
        const ch = alphabet[Math.floor(rnd() * alphabet.length)] ?? 'x';
        if (op < 0.4) chars[at] = ch;
        else if (op < 0.7) chars.splice(at, 1);
        else chars.splice(at, 0, ch);
      }
      const text = chars.join('');
      const verdict = checkDelivery(Buffer.from(text), KEY, AT);
      if (verdict.ok) {
        expect(signatureMatches(KEY, verdict.delivery.token, verdict.delivery.triggeredAt, JSON.parse(text).signature)).toBe(true);
      } else {
        expect([400, 401]).toContain(verdict.status);
      }
    }
  });
});
