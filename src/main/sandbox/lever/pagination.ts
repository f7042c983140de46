import { createHash } from 'node:crypto';
import { shiftPageStart } from '../http/index.ts';
import type { SandboxRequest } from '../http/index.ts';
import { badRequest } from './query.ts';
import type { Keyed } from './store.ts';

/** Lever's list envelope; `next` is absent on the last page (§1.3). */
export interface ListEnvelope<R> {
  data: R[];
  hasNext: boolean;
  next?: string;
}

const IGNORED = new Set(['offset', 'limit', 'expand', 'include']);

/**
 * A hash of the query a token belongs to: path plus every parameter except offset, limit, expand
 * and include. Our choice: changing the page size or expansions keeps a token valid; changing any
 * filter invalidates it (400 "Invalid offset token", as Lever answers).
 */
export function queryHash(req: SandboxRequest): string {
  const pairs = [...req.query.entries()]
    .filter(([k]) => !IGNORED.has(k))
    .map(([k, v]) => `${k}=${v}`)
    .sort();
  return createHash('sha256')
    .update(`${req.path}?${pairs.join('&')}`)
    .digest('hex')
    .slice(0, 16);
}

/** `limit` 1–100 (400 outside); default `fallback` when absent. */
export function parseLimit(req: SandboxRequest, fallback: number): number {
  const raw = req.query.get('limit');
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 100) throw badRequest('Invalid limit: must be an integer from 1 to 100');
  return Number(raw);
}

/**
 * Encodes a keyset cursor like Lever's observed tokens: a URL-encoded JSON array
 * `[queryHash, lastCreatedAt, lastId]`. Clients must pass it back verbatim.
 */
export function encodeOffset(hash: string, last: Keyed): string {
  return encodeURIComponent(JSON.stringify([hash, last.createdAt, last.id]));
}

function decodeOffset(raw: string, hash: string): Keyed {
  const invalid = (): Error => badRequest('Invalid offset token: Offset token is invalid for sort');
  let text = raw;
  // Tolerate both a once-decoded `[...]` and the still-encoded `%5B...` (clients that re-encode the token).
  for (let i = 0; i < 2 && text.startsWith('%'); i += 1) {
    try {
      text = decodeURIComponent(text);
    } catch {
      throw invalid();
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== hash || typeof parsed[1] !== 'number' || typeof parsed[2] !== 'string')
    throw invalid();
  return { createdAt: parsed[1], id: parsed[2] };
}

/** Index of the first item strictly after `cursor` in a (createdAt, id)-sorted list. */
function firstAfter(sorted: readonly Keyed[], cursor: Keyed): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const m = sorted[mid] as Keyed;
    const after = m.createdAt > cursor.createdAt || (m.createdAt === cursor.createdAt && m.id > cursor.id);
    if (after) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Serves one page of `sorted` (ordered by createdAt, id) filtered by `keep`, with keyset tokens
 * bound to the query. Honours page faults: `repeat` re-serves the page before the cursor (same
 * `next` again), `skip` jumps one page ahead. Scans only as far as the page needs.
 */
export function paginate<T extends Keyed, R>(
  req: SandboxRequest,
  sorted: readonly T[],
  keep: (item: T) => boolean,
  render: (item: T) => R,
  defaultLimit: number,
): ListEnvelope<R> {
  const limit = parseLimit(req, defaultLimit);
  const hash = queryHash(req);
  const raw = req.query.get('offset');
  let index = raw === null || raw === '' ? 0 : firstAfter(sorted, decodeOffset(raw, hash));
  if (req.pageFault === 'repeat') {
    let found = 0;
    let back = index;
    while (back > 0 && found < limit) {
      back -= 1;
      if (keep(sorted[back] as T)) found += 1;
    }
    index = found === 0 ? index : back;
  } else if (req.pageFault === 'skip') {
    let skipped = 0;
    while (index < sorted.length && skipped < shiftPageStart(0, limit, 'skip')) {
      if (keep(sorted[index] as T)) skipped += 1;
      index += 1;
    }
  }
  const page: T[] = [];
  let hasNext = false;
  for (let i = index; i < sorted.length; i += 1) {
    const item = sorted[i] as T;
    if (!keep(item)) continue;
    if (page.length === limit) {
      hasNext = true;
      break;
    }
    page.push(item);
  }
  const last = page[page.length - 1];
  const envelope: ListEnvelope<R> = { data: page.map(render), hasNext };
  if (hasNext && last) envelope.next = encodeOffset(hash, last);
  return envelope;
}
