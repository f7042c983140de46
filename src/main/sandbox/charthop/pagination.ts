// Cursor pagination as ChartHop does it: `from=<id>` + `limit=<n>`, the
// response's `next` is sent back as `from`, no `next` on the last page.
// Whether `next` is inclusive or exclusive is undocumented; ours is the id of
// the first row of the next page (inclusive `from`), and rows are ordered by
// id unless `sort=` asks otherwise.
import { shiftPageStart } from '../http/index.ts';
import type { PageFault } from '../http/index.ts';
import { badRequest } from './errors.ts';

/** One page of rows and the cursor of the next one. */
export interface Page<T> {
  page: T[];
  next?: string;
}

/** Default page size (undocumented by ChartHop; our choice). */
export const DEFAULT_LIMIT = 100;
/** Largest page served; ChartHop's own tool used limit=10000. */
export const MAX_LIMIT = 10_000;

/** Parses `limit`; throws 400 on anything but an integer 1…MAX_LIMIT. */
export function parseLimit(raw: string | null | undefined, fallback = DEFAULT_LIMIT): number {
  if (raw === null || raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) throw badRequest(`invalid limit: expected an integer from 1 to ${MAX_LIMIT}`);
  return n;
}

/**
 * Pages `rows` (sorted by id when `sortedById`, else in their given order).
 * With id order, `from` starts at the first id >= from, so a row deleted
 * between pages leaves no gap; with another order `from` must be a row's id.
 * A `pageRepeat`/`pageSkip` fault shifts the page by one page size.
 */
export function pageRows<T>(
  rows: readonly T[],
  idOf: (row: T) => string,
  from: string | undefined,
  limit: number,
  sortedById: boolean,
  fault?: PageFault,
): Page<T> {
  let start = 0;
  if (from) {
    if (sortedById) {
      let hi = rows.length;
      while (start < hi) {
        const mid = (start + hi) >>> 1;
        if (idOf(rows[mid] as T) < from) start = mid + 1;
        else hi = mid;
      }
    } else {
      start = rows.findIndex((row) => idOf(row) === from);
      if (start < 0) throw badRequest(`invalid from: ${from} is not a row of this query`);
    }
  }
  start = shiftPageStart(start, limit, fault);
  const page = rows.slice(start, start + limit);
  const after = rows[start + limit];
  return after === undefined ? { page } : { page, next: idOf(after) };
}
