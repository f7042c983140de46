/**
 * Call helpers the Lever resource modules share: one object, one list,
 * writes, and the Lever list envelope walked as an async iterator with the
 * `next` token passed back verbatim as `offset`.
 */
import type { z } from 'zod';
import { HttpFailure } from '../http/errors.ts';
import { paginate } from '../http/paginate.ts';
import type { QueryParams } from '../http/query.ts';
import { rawToken } from '../http/query.ts';
import { parseResponse } from '../http/schema.ts';
import type { HttpMethod, Transport, TransportRequest, TransportResponse } from '../http/transport.ts';
import { list, single } from './schemas.ts';

/** What every Lever resource module is built on. */
export interface LeverApi {
  readonly transport: Transport;
  /** Page size for lists (Lever allows 1–100). */
  readonly pageSize: number;
  /** GET one `{ data }` object. */
  getOne<S extends z.ZodType>(item: S, path: string, route: string, query?: QueryParams): Promise<z.output<S>>;
  /** Every item of a paginated list. */
  list<S extends z.ZodType<{ id: string }>>(
    item: S,
    path: string,
    route: string,
    query?: QueryParams,
  ): AsyncGenerator<z.output<S>, void, undefined>;
  /** Any call; the body is parsed with `schema` when one is given. */
  send(
    method: HttpMethod,
    path: string,
    route: string,
    options?: Omit<TransportRequest, 'method' | 'path' | 'route'>,
  ): Promise<TransportResponse>;
  /** Parses a body with a schema, naming the endpoint on mismatch. */
  parse<S extends z.ZodType>(schema: S, body: unknown, endpoint: string, status?: number): z.output<S>;
}

/** Builds the helpers over a transport. */
export function createLeverApi(transport: Transport, pageSize: number): LeverApi {
  const parse = <S extends z.ZodType>(schema: S, body: unknown, endpoint: string, status?: number): z.output<S> =>
    parseResponse(schema, body, {
      vendor: 'lever',
      endpoint,
      ...(status !== undefined ? { status } : {}),
      shapes: { recorder: transport.recorder, now: transport.clock.now() },
    });

  const api: LeverApi = {
    transport,
    pageSize,
    parse,
    send: (method, path, route, options = {}) => transport.request({ method, path, route, ...options }),
    async getOne(item, path, route, query) {
      const response = await transport.request({ method: 'GET', path, route, ...(query ? { query } : {}) });
      return parse(single(item), response.body, `GET ${route}`, response.status).data as z.output<typeof item>;
    },
    list(item, path, route, query = {}) {
      const endpoint = `GET ${route}`;
      const envelope = list(item);
      return paginate({
        vendor: 'lever',
        endpoint,
        idOf: (row: z.output<typeof item>) => row.id,
        fetchPage: async (cursor) => {
          const response = await transport.request({
            method: 'GET',
            path,
            route,
            query: { ...query, limit: pageSize, ...(cursor !== undefined ? { offset: rawToken(cursor) } : {}) },
          });
          const page = parse(envelope, response.body, endpoint, response.status);
          const more = page.hasNext === true || (page.hasNext === undefined || page.hasNext === null ? Boolean(page.next) : false);
          if (more && !page.next) {
            throw new HttpFailure({
              vendor: 'lever',
              kind: 'unexpected_response',
              endpoint,
              status: response.status,
              message: `Lever said ${endpoint} has more pages but sent no "next" token; the listing was stopped rather than cut short silently.`,
            });
          }
          return { items: page.data as z.output<typeof item>[], next: more ? (page.next ?? undefined) : undefined };
        },
      });
    },
  };
  return api;
}

/** Encodes one path segment (ids are UUIDs, but never trust that). */
export function seg(id: string): string {
  return encodeURIComponent(id);
}
