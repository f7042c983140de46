/**
 * Lever webhook deliveries as lever-api.md §12 documents them: the verification
 * material (`token`, `triggeredAt` in ms, `signature`) is in the JSON body and
 * the signature is hex HMAC-SHA256 of `token + triggeredAt` keyed with the
 * webhook's signature token. The body itself is not signed, so `data` is only
 * a hint. Parsing never throws: every input ends as a verdict with a status.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The fields ReqBridge keeps from a verified delivery (ids only, never the signature). */
export interface LeverDelivery {
  event: string;
  token: string;
  triggeredAt: number;
  opportunityId: string | null;
  candidateId: string | null;
  contactId: string | null;
}

/** What a verified delivery is: a hire notice, Lever's "Verify connection" ping, or another event. */
export type DeliveryClass = 'hire' | 'ping' | 'ignored';

/** The outcome of checking one body. */
export type DeliveryVerdict =
  | { ok: false; status: 400 | 401; code: 'malformed' | 'sig_invalid' | 'future'; detail: string }
  | { ok: true; delivery: LeverDelivery; kind: DeliveryClass; stale: boolean };

/** Freshness rules (reliability.md §1.1): a small future skew, a generous past window. */
export interface FreshnessWindow {
  /** Accepted clock skew into the future, ms (default 5 minutes). */
  futureSkewMs: number;
  /** Older deliveries are recorded as stale and not processed, ms (default 72 hours). */
  pastWindowMs: number;
}

/** Defaults of {@link FreshnessWindow}. */
export const DEFAULT_FRESHNESS: FreshnessWindow = { futureSkewMs: 5 * 60_000, pastWindowMs: 72 * 3_600_000 };

/** Timestamps before 2001-09-09 in ms are almost certainly seconds: refuse them rather than call them stale. */
const EARLIEST_MS = 1_000_000_000_000;
const SIGNATURE_RE = /^[0-9a-f]{64}$/;
const ID_RE = /^[A-Za-z0-9._:-]{1,128}$/;

/** Lever's signature of a delivery: lowercase hex HMAC-SHA256(signatureToken, token + triggeredAt). */
export function leverSignature(signatureToken: string, token: string, triggeredAt: number): string {
  return createHmac('sha256', signatureToken)
    .update(`${token}${String(triggeredAt)}`)
    .digest('hex');
}

/**
 * True when `signature` is the delivery's signature. The format is checked first (64 lowercase hex
 * characters), then the two ASCII strings are compared in constant time as 64-byte buffers, so a
 * short or non-hex value can neither throw nor be silently truncated by hex decoding.
 */
export function signatureMatches(signatureToken: string, token: string, triggeredAt: number, signature: string): boolean {
  if (!SIGNATURE_RE.test(signature)) return false;
  const expected = Buffer.from(leverSignature(signatureToken, token, triggeredAt), 'ascii');
  const given = Buffer.from(signature, 'ascii');
  // Both are 64 ASCII bytes (a hex SHA-256, and the format checked above), so timingSafeEqual cannot throw.
  return timingSafeEqual(expected, given);
}

function malformed(detail: string): DeliveryVerdict {
  return { ok: false, status: 400, code: 'malformed', detail };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own string property, never one inherited through `__proto__` or `constructor`. */
function own(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function optionalId(data: Record<string, unknown>, key: string): string | null | 'bad' {
  const value = own(data, key);
  if (value === undefined || value === null) return null;
  return typeof value === 'string' && ID_RE.test(value) ? value : 'bad';
}

/** Decodes UTF-8 strictly (invalid sequences are refused, not replaced) and parses JSON; undefined on any failure. */
export function parseJsonStrict(bytes: Uint8Array): unknown {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return JSON.parse(text) as unknown;
  } catch {
    // Not UTF-8, or not JSON: no value.
  }
  return undefined;
}

/**
 * Checks one delivery body: JSON object with string `token`, integer ms `triggeredAt`, string
 * `signature` and `event` (400 otherwise); a matching signature (401 otherwise); not in the future
 * beyond the skew (401). Older than the past window → accepted but `stale`. A signed body without
 * `data.opportunityId` is the verification ping; events other than `candidateHired` are ignored.
 */
export function checkDelivery(
  bytes: Uint8Array,
  signatureToken: string,
  now: number,
  window: FreshnessWindow = DEFAULT_FRESHNESS,
): DeliveryVerdict {
  const body = parseJsonStrict(bytes);
  if (!isPlainObject(body)) return malformed(body === undefined ? 'the body is not valid UTF-8 JSON' : 'the body is not a JSON object');
  const token = own(body, 'token');
  const triggeredAt = own(body, 'triggeredAt');
  const signature = own(body, 'signature');
  const event = own(body, 'event');
  if (typeof token !== 'string' || token.length === 0 || token.length > 256) return malformed('token must be a non-empty string');
  if (typeof triggeredAt !== 'number' || !Number.isSafeInteger(triggeredAt) || triggeredAt <= 0)
    return malformed('triggeredAt must be a positive integer (ms)');
  if (triggeredAt < EARLIEST_MS) return malformed('triggeredAt looks like seconds; Lever sends milliseconds');
  if (typeof signature !== 'string') return malformed('signature must be a string');
  if (typeof event !== 'string' || event.length === 0 || event.length > 100) return malformed('event must be a non-empty string');
  const rawData = own(body, 'data');
  if (rawData !== undefined && rawData !== null && !isPlainObject(rawData)) return malformed('data must be an object');
  const data = isPlainObject(rawData) ? rawData : {};
  const opportunityId = optionalId(data, 'opportunityId');
  const candidateId = optionalId(data, 'candidateId');
  const contactId = optionalId(data, 'contactId');
  if (opportunityId === 'bad' || candidateId === 'bad' || contactId === 'bad') return malformed('data ids must be short id strings');

  if (!signatureMatches(signatureToken, token, triggeredAt, signature))
    return { ok: false, status: 401, code: 'sig_invalid', detail: 'the signature does not match' };
  if (triggeredAt - now > window.futureSkewMs) return { ok: false, status: 401, code: 'future', detail: 'triggeredAt is in the future' };

  const delivery: LeverDelivery = { event, token, triggeredAt, opportunityId, candidateId, contactId };
  const kind: DeliveryClass = opportunityId === null ? 'ping' : event === 'candidateHired' ? 'hire' : 'ignored';
  return { ok: true, delivery, kind, stale: now - triggeredAt > window.pastWindowMs };
}

/** The inbox dedupe key of a delivery: the signed pair, never the unsigned `data`. */
export function dedupeKeyOf(delivery: Pick<LeverDelivery, 'token' | 'triggeredAt'>): string {
  return `lever:${delivery.token}:${delivery.triggeredAt}`;
}
