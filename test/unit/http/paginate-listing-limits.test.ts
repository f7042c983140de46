// The paginator's guards must not cut a healthy listing short: a listing of exactly maxPages pages is
// read whole, a cursor re-served up to maxSameCursor times is tolerated, and a server that keeps
// re-serving it is stopped with a sentence the consultant can act on.
import { describe, expect, it } from 'vitest';
import { HttpFailure } from '../../../src/main/core/http/errors.ts';
import { collect, paginate } from '../../../src/main/core/http/paginate.ts';

describe('a listing', () => {
  it('of exactly maxPages pages is read to the end', async () => {
    const cursors: (string | undefined)[] = [];
    const items = await collect(
      paginate({
        vendor: 'lever',
        endpoint: 'GET /postings',
        maxPages: 2,
        fetchPage: (cursor) => {
          cursors.push(cursor);
          return Promise.resolve(cursor === undefined ? { items: ['p1'], next: 'c2' } : { items: ['p2'], next: undefined });
        },
      }),
    );
    expect(items).toEqual(['p1', 'p2']);
    expect(cursors).toEqual([undefined, 'c2']);
  });

  it('whose next cursor is served three times in a row is still read whole', async () => {
    let calls = 0;
    const items = await collect(
      paginate({
        vendor: 'charthop',
        endpoint: 'GET /v2/org/:org/person',
        idOf: (item: string) => item,
        fetchPage: () => {
          calls += 1;
          // The first page, then the same cursor re-served twice more, then the end.
          return Promise.resolve(calls <= 3 ? { items: ['a', 'b'], next: 'same' } : { items: ['c'], next: undefined });
        },
      }),
    );
    expect(items).toEqual(['a', 'b', 'c']);
    expect(calls).toBe(4);
  });

  it('is stopped, with a sentence saying why, when the same cursor comes a fourth time', async () => {
    let calls = 0;
    const listing = collect(
      paginate({
        vendor: 'charthop',
        endpoint: 'GET /v2/org/:org/person',
        fetchPage: () => {
          calls += 1;
          return Promise.resolve({ items: [], next: 'same' });
        },
      }),
    );
    const error: unknown = await listing.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpFailure);
    expect((error as HttpFailure).code).toBe('charthop.bad_response');
    expect((error as HttpFailure).endpoint).toBe('GET /v2/org/:org/person');
    expect((error as HttpFailure).message).toBe(
      'ChartHop kept returning the same page for GET /v2/org/:org/person; the listing was stopped so that nothing is counted twice or missed. Try again later.',
    );
    expect(calls).toBe(4);
  });

  it('honours a lower maxSameCursor', async () => {
    let calls = 0;
    const listing = collect(
      paginate({
        vendor: 'lever',
        endpoint: 'GET /opportunities',
        maxSameCursor: 1,
        fetchPage: () => {
          calls += 1;
          return Promise.resolve({ items: [calls], next: 'again' });
        },
      }),
    );
    await expect(listing).rejects.toThrow(
      'Lever kept returning the same page for GET /opportunities; the listing was stopped so that nothing is counted twice or missed. Try again later.',
    );
    expect(calls).toBe(2);
  });
});
