/**
 * Cursor pagination as an async iterator. The cursor is opaque and goes back
 * to the server exactly as received. Items repeated by a re-served page are
 * yielded once (deduplicated by id); a server that keeps handing out the same
 * cursor is stopped with an error instead of looping forever.
 */
import { HttpFailure, VENDOR_LABEL } from './errors.ts';
import type { Vendor } from './limiter-registry.ts';

/** One page: its items and the cursor of the next page (undefined on the last). */
export interface Page<T> {
  items: T[];
  next: string | undefined;
}

/** How to walk a listing. */
export interface PaginateOptions<T> {
  vendor: Vendor;
  endpoint: string;
  /** Fetches the page after `cursor` (undefined = the first page). */
  fetchPage(cursor: string | undefined): Promise<Page<T>>;
  /** Identity for de-duplication; without it, items are yielded as served. */
  idOf?: (item: T) => string;
  /** Hard cap on pages (a bounded loop); default 100 000. */
  maxPages?: number;
  /** How often the same cursor may be served before giving up; default 3. */
  maxSameCursor?: number;
}

/** Yields every item of every page, in order. */
export async function* paginate<T>(options: PaginateOptions<T>): AsyncGenerator<T, void, undefined> {
  const maxPages = options.maxPages ?? 100_000;
  const maxSame = options.maxSameCursor ?? 3;
  const seen = options.idOf ? new Set<string>() : undefined;
  const served = new Map<string, number>();
  let cursor: string | undefined;
  for (let page = 1; page <= maxPages; page += 1) {
    const result = await options.fetchPage(cursor);
    for (const item of result.items) {
      if (seen && options.idOf) {
        const id = options.idOf(item);
        if (seen.has(id)) continue;
        seen.add(id);
      }
      yield item;
    }
    if (result.next === undefined) return;
    const count = (served.get(result.next) ?? 0) + 1;
    served.set(result.next, count);
    if (count > maxSame) {
      throw new HttpFailure({
        vendor: options.vendor,
        kind: 'bad_response',
        endpoint: options.endpoint,
        message: `${VENDOR_LABEL[options.vendor]} kept returning the same page for ${options.endpoint}; the listing was stopped so that nothing is counted twice or missed. Try again later.`,
      });
    }
    cursor = result.next;
  }
  throw new HttpFailure({
    vendor: options.vendor,
    kind: 'bad_response',
    endpoint: options.endpoint,
    message: `${VENDOR_LABEL[options.vendor]} listing ${options.endpoint} did not end after ${maxPages} pages; it was stopped.`,
  });
}

/** Collects an async iterable into an array (bounded by the iterable itself). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
