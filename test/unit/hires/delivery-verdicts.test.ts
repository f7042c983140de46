// What a delivery check tells Lever and the log, exactly: each refusal's reason sentence, the
// field bounds (token, event, triggeredAt) at their edges, null and missing ids as "no id", every
// id of `data` checked, and a signature that only looks right after a lossy byte conversion refused.
import { describe, expect, it } from 'vitest';
import { checkDelivery, leverSignature, parseJsonStrict, signatureMatches } from '../../../src/main/core/hires/delivery.ts';

const KEY = 'lever-signature-token-0001';
const TOKEN = '3f9c2a5e7d1b4c8f9e0a1b2c3d4e5f60';
const AT = 1782975400123;

const bytes = (value: unknown): Uint8Array => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
/** A correctly signed body for `token` and `triggeredAt`, with `over` applied last. */
const signedBody = (over: Record<string, unknown> = {}, token = TOKEN, triggeredAt = AT) => ({
  triggeredAt,
  event: 'candidateHired',
  token,
  signature: leverSignature(KEY, token, triggeredAt),
  data: { opportunityId: 'o-1', candidateId: 'cand-1', contactId: 'c-1' },
  ...over,
});
const refusal = (status: 400 | 401, code: 'malformed' | 'sig_invalid' | 'future', detail: string) => ({ ok: false, status, code, detail });
const malformed = (detail: string) => refusal(400, 'malformed', detail);

describe('the signature comparison', () => {
  it('refuses a signature that differs only in a non-ASCII character whose low byte is the right hex digit', () => {
    const right = leverSignature(KEY, TOKEN, AT);
    // U+0100 + the code of the first hex digit: a latin1/ascii buffer would turn it into that very digit.
    const lookalike = `${String.fromCharCode(0x100 + right.charCodeAt(0))}${right.slice(1)}`;
    expect(Buffer.from(lookalike, 'ascii').toString('ascii')).toBe(right);
    expect(signatureMatches(KEY, TOKEN, AT, lookalike)).toBe(false);
    expect(checkDelivery(bytes(signedBody({ signature: lookalike })), KEY, AT)).toEqual(
      refusal(401, 'sig_invalid', 'the signature does not match'),
    );
  });
});

describe('a verified delivery', () => {
  it('keeps the opportunity, candidate and contact ids of its data, and the signed token and time', () => {
    expect(checkDelivery(bytes(signedBody()), KEY, AT)).toEqual({
      ok: true,
      kind: 'hire',
      stale: false,
      delivery: { event: 'candidateHired', token: TOKEN, triggeredAt: AT, opportunityId: 'o-1', candidateId: 'cand-1', contactId: 'c-1' },
    });
  });

  it('reads null ids, a null data and no data as "no id": a signed body without an opportunity is the verification ping', () => {
    const nullIds = { opportunityId: null, candidateId: null, contactId: null };
    const ping = { event: 'candidateHired', token: TOKEN, triggeredAt: AT, ...nullIds };
    expect(checkDelivery(bytes(signedBody({ data: nullIds })), KEY, AT)).toEqual({ ok: true, kind: 'ping', stale: false, delivery: ping });
    expect(checkDelivery(bytes(signedBody({ data: null })), KEY, AT)).toEqual({ ok: true, kind: 'ping', stale: false, delivery: ping });
    const { data: _data, ...noData } = signedBody();
    expect(checkDelivery(bytes(noData), KEY, AT)).toEqual({ ok: true, kind: 'ping', stale: false, delivery: ping });
  });

  it('accepts a token of 256 characters, an event name of 100 and the earliest millisecond time', () => {
    const long = 't'.repeat(256);
    expect(checkDelivery(bytes(signedBody({}, long)), KEY, AT)).toMatchObject({ ok: true, kind: 'hire', delivery: { token: long } });
    const event = 'e'.repeat(100);
    expect(checkDelivery(bytes(signedBody({ event })), KEY, AT)).toMatchObject({ ok: true, kind: 'ignored', delivery: { event } });
    const earliest = 1_000_000_000_000;
    expect(checkDelivery(bytes(signedBody({}, TOKEN, earliest)), KEY, AT)).toMatchObject({
      ok: true,
      stale: true,
      delivery: { triggeredAt: earliest },
    });
  });
});

describe('each refusal says why', () => {
  it('a body that is not UTF-8 JSON, or not an object', () => {
    expect(checkDelivery(bytes('not json'), KEY, AT)).toEqual(malformed('the body is not valid UTF-8 JSON'));
    expect(checkDelivery(bytes('[1]'), KEY, AT)).toEqual(malformed('the body is not a JSON object'));
    expect(checkDelivery(bytes('null'), KEY, AT)).toEqual(malformed('the body is not a JSON object'));
  });

  it('invalid UTF-8 inside a JSON string is refused, not replaced', () => {
    const text = JSON.stringify(signedBody());
    const at = text.indexOf(TOKEN);
    const broken = Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xff]), Buffer.from(text.slice(at))]);
    expect(parseJsonStrict(broken)).toBeUndefined();
    expect(checkDelivery(broken, KEY, AT)).toEqual(malformed('the body is not valid UTF-8 JSON'));
  });

  it('a token that is empty or longer than 256 characters', () => {
    const tooLong = 't'.repeat(257);
    expect(checkDelivery(bytes(signedBody({}, tooLong)), KEY, AT)).toEqual(malformed('token must be a non-empty string'));
    expect(checkDelivery(bytes(signedBody({ token: '' })), KEY, AT)).toEqual(malformed('token must be a non-empty string'));
  });

  it('a triggeredAt that is not a positive integer, or looks like seconds', () => {
    const positive = malformed('triggeredAt must be a positive integer (ms)');
    expect(checkDelivery(bytes(signedBody({}, TOKEN, 0)), KEY, AT)).toEqual(positive);
    expect(checkDelivery(bytes(signedBody({}, TOKEN, -AT)), KEY, AT)).toEqual(positive);
    expect(checkDelivery(bytes(signedBody({ triggeredAt: 1.5 })), KEY, AT)).toEqual(positive);
    expect(checkDelivery(bytes(signedBody({}, TOKEN, 999_999_999_999)), KEY, AT)).toEqual(
      malformed('triggeredAt looks like seconds; Lever sends milliseconds'),
    );
  });

  it('a signature that is not a string, an event that is empty or longer than 100 characters, a data that is not an object', () => {
    expect(checkDelivery(bytes(signedBody({ signature: 7 })), KEY, AT)).toEqual(malformed('signature must be a string'));
    expect(checkDelivery(bytes(signedBody({ event: '' })), KEY, AT)).toEqual(malformed('event must be a non-empty string'));
    expect(checkDelivery(bytes(signedBody({ event: 'e'.repeat(101) })), KEY, AT)).toEqual(malformed('event must be a non-empty string'));
    expect(checkDelivery(bytes(signedBody({ data: [] })), KEY, AT)).toEqual(malformed('data must be an object'));
  });

  it('an opportunity, candidate or contact id that is not a short id string', () => {
    const bad = malformed('data ids must be short id strings');
    for (const key of ['opportunityId', 'candidateId', 'contactId']) {
      for (const value of [42, 'has space', 'x'.repeat(129)]) {
        const data = { opportunityId: 'o-1', candidateId: 'cand-1', contactId: 'c-1', [key]: value };
        expect(checkDelivery(bytes(signedBody({ data })), KEY, AT), `${key}=${String(value)}`).toEqual(bad);
      }
    }
  });

  it('a wrong signature, and a time in the future beyond the skew', () => {
    expect(checkDelivery(bytes(signedBody({ signature: leverSignature(KEY, TOKEN, AT + 1) })), KEY, AT)).toEqual(
      refusal(401, 'sig_invalid', 'the signature does not match'),
    );
    expect(checkDelivery(bytes(signedBody()), KEY, AT - 5 * 60_000 - 1)).toEqual(refusal(401, 'future', 'triggeredAt is in the future'));
  });
});
