// Pure parts: query strings (repeated keys, verbatim tokens), the paginator's guards, response
// schemas naming the field, and createIdempotent's lookup-before-resend.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpFailure, isHttpFailure } from '../../../src/main/core/http/errors.ts';
import { createIdempotent } from '../../../src/main/core/http/idempotent.ts';
import { collect, paginate } from '../../../src/main/core/http/paginate.ts';
import { buildQuery, buildUrl, rawToken } from '../../../src/main/core/http/query.ts';
import { parseResponse } from '../../../src/main/core/http/schema.ts';
import { requisitionSchema } from '../../../src/main/core/lever/schemas.ts';

describe('query strings', () => {
  it('repeats keys for lists, skips empty values and keeps tokens verbatim', () => {
    expect(
      buildQuery({ expand: ['stage', 'owner'], archived: false, limit: 100, email: 'a+b@x.example', skip: undefined, none: null }),
    ).toBe('expand=stage&expand=owner&archived=false&limit=100&email=a%2Bb%40x.example');
    expect(buildQuery({ offset: rawToken('%5B3%2C1491435120000%2C%22abc%22%5D') })).toBe('offset=%5B3%2C1491435120000%2C%22abc%22%5D');
    // A token that would break the query string is encoded instead.
    expect(buildQuery({ offset: rawToken('a&b=c') })).toBe('offset=a%26b%3Dc');
    expect(buildUrl('https://api.lever.co/v1/', '/requisitions', { limit: 1 })).toBe('https://api.lever.co/v1/requisitions?limit=1');
  });
});

describe('paginate', () => {
  const pages = (spec: Record<string, { items: { id: string }[]; next: string | undefined }>) => (cursor: string | undefined) =>
    Promise.resolve(spec[cursor ?? 'first'] ?? { items: [], next: undefined });

  it('follows cursors and yields repeated items once', async () => {
    const items = await collect(
      paginate({
        vendor: 'lever',
        endpoint: 'GET /x',
        idOf: (i: { id: string }) => i.id,
        fetchPage: pages({
          first: { items: [{ id: 'a' }, { id: 'b' }], next: 'p2' },
          p2: { items: [{ id: 'b' }, { id: 'c' }], next: undefined },
        }),
      }),
    );
    expect(items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('stops a server that keeps handing out the same cursor', async () => {
    const listing = collect(
      paginate({
        vendor: 'charthop',
        endpoint: 'GET /x',
        fetchPage: pages({ first: { items: [], next: 'loop' }, loop: { items: [], next: 'loop' } }),
      }),
    );
    await expect(listing).rejects.toMatchObject({ code: 'charthop.bad_response' });
  });

  it('is bounded by maxPages', async () => {
    let n = 0;
    const listing = collect(
      paginate({
        vendor: 'lever',
        endpoint: 'GET /x',
        maxPages: 5,
        fetchPage: () => Promise.resolve({ items: [], next: String((n += 1)) }),
      }),
    );
    await expect(listing).rejects.toThrow(/did not end after 5 pages/);
  });
});

describe('response schemas', () => {
  it('name the endpoint and the field; unknown fields are kept', () => {
    const list = z.looseObject({ data: z.array(requisitionSchema) });
    const good = { id: 'r1', requisitionCode: 'A', name: 'n', status: 'open', headcountTotal: 'unlimited', createdAt: 1, brandNew: true };
    expect(parseResponse(list, { data: [good] }, { vendor: 'lever', endpoint: 'GET /requisitions' }).data[0]?.['brandNew']).toBe(true);
    try {
      parseResponse(list, { data: [good, { ...good, requisitionCode: 7 }] }, { vendor: 'lever', endpoint: 'GET /requisitions' });
      expect.unreachable();
    } catch (error) {
      expect(isHttpFailure(error, 'unexpected_response')).toBe(true);
      expect((error as Error).message).toContain(
        'Lever sent an unexpected response to GET /requisitions: field data[1].requisitionCode — expected string, received number',
      );
    }
    expect(() => parseResponse(list, {}, { vendor: 'lever', endpoint: 'GET /requisitions' })).toThrow(/field data — expected array/);
  });
});

describe('createIdempotent', () => {
  const unknown = (): HttpFailure =>
    new HttpFailure({ vendor: 'lever', kind: 'unknown_outcome', endpoint: 'POST /requisitions', message: 'unknown' });

  it('returns the record found after an unknown outcome, without writing again', async () => {
    let writes = 0;
    const result = await createIdempotent({
      vendor: 'lever',
      endpoint: 'POST /requisitions',
      write: () => {
        writes += 1;
        return Promise.reject(unknown());
      },
      lookup: () => Promise.resolve('req-1'),
    });
    expect(result).toEqual({ value: 'req-1', outcome: 'recovered', writes: 1 });
    expect(writes).toBe(1);
  });

  it('writes again only when the lookup proves the record absent, at most maxWrites times', async () => {
    let writes = 0;
    const result = await createIdempotent({
      vendor: 'lever',
      endpoint: 'POST /requisitions',
      write: () => {
        writes += 1;
        return writes < 3 ? Promise.reject(unknown()) : Promise.resolve('req-3');
      },
      lookup: () => Promise.resolve(null),
    });
    expect(result).toEqual({ value: 'req-3', outcome: 'created', writes: 3 });
    const never = createIdempotent({
      vendor: 'lever',
      endpoint: 'POST /x',
      maxWrites: 2,
      write: () => Promise.reject(unknown()),
      lookup: () => Promise.resolve(undefined),
    });
    await expect(never).rejects.toMatchObject({ code: 'lever.unknown_outcome' });
  });

  it('sends a create whose outcome stays unknown exactly maxWrites times, looking it up after each', async () => {
    for (const maxWrites of [1, 2, 4]) {
      const calls: string[] = [];
      const never = createIdempotent({
        vendor: 'lever',
        endpoint: 'POST /x',
        maxWrites,
        write: () => {
          calls.push('write');
          return Promise.reject(unknown());
        },
        lookup: () => {
          calls.push('lookup');
          return Promise.resolve(null);
        },
      });
      await expect(never).rejects.toMatchObject({ code: 'lever.unknown_outcome' });
      expect(calls).toEqual(Array.from({ length: maxWrites }, () => ['write', 'lookup']).flat());
    }
    let writes = 0;
    const byDefault = createIdempotent({
      vendor: 'lever',
      endpoint: 'POST /x',
      write: () => {
        writes += 1;
        return Promise.reject(unknown());
      },
      lookup: () => Promise.resolve(undefined),
    });
    await expect(byDefault).rejects.toMatchObject({ code: 'lever.unknown_outcome' });
    expect(writes).toBe(3);
  });

  it('passes other errors through without a lookup', async () => {
    let lookups = 0;
    const failing = createIdempotent({
      vendor: 'lever',
      endpoint: 'POST /x',
      write: () => Promise.reject(new HttpFailure({ vendor: 'lever', kind: 'bad_request', endpoint: 'POST /x', message: 'no' })),
      lookup: () => {
        lookups += 1;
        return Promise.resolve('x');
      },
    });
    await expect(failing).rejects.toMatchObject({ code: 'lever.bad_request' });
    expect(lookups).toBe(0);
  });
});
