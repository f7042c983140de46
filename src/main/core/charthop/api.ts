/**
 * Call helpers the ChartHop resource modules share. Lists are `{ data, next }`
 * with the cursor sent back as `from`; filters are re-sent on every page.
 * Reads answered with 202 ("snapshot currently building") are retried.
 */
import type { z } from 'zod';
import { paginate } from '../http/paginate.ts';
import type { QueryParams } from '../http/query.ts';
import { parseResponse } from '../http/schema.ts';
import type { HttpMethod, Transport, TransportRequest, TransportResponse } from '../http/transport.ts';
import { results } from './schemas.ts';

/** Query values ChartHop expects for `date`: YYYY-MM-DD. */
export type IsoDate = string;

/** What every ChartHop resource module is built on. */
export interface ChartHopApi {
  readonly transport: Transport;
  readonly pageSize: number;
  /** The org as configured (id or slug), already usable in paths. */
  readonly org: string;
  /** `/v1/org/<org>` or `/v2/org/<org>` plus `suffix`. */
  orgPath(version: 'v1' | 'v2', suffix?: string): string;
  /** GET one object (ChartHop does not wrap single objects). */
  getObject<S extends z.ZodType>(schema: S, path: string, route: string, query?: QueryParams): Promise<z.output<S>>;
  /** Every row of a paginated list; `idOf` de-duplicates when rows carry an id. */
  list<S extends z.ZodType>(
    item: S,
    path: string,
    route: string,
    query?: QueryParams,
    idOf?: (row: z.output<S>) => string,
  ): AsyncGenerator<z.output<S>, void, undefined>;
  /** Any call. */
  send(
    method: HttpMethod,
    path: string,
    route: string,
    options?: Omit<TransportRequest, 'method' | 'path' | 'route'>,
  ): Promise<TransportResponse>;
  /** Parses a body, naming the endpoint on mismatch. */
  parse<S extends z.ZodType>(schema: S, body: unknown, endpoint: string, status?: number): z.output<S>;
}

/** Encodes one path segment. */
export function seg(value: string): string {
  return encodeURIComponent(value);
}

/** Quotes a value for a Carrot (`q=`) comparison. */
export function carrotString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Builds the helpers over a transport for one org. */
export function createChartHopApi(transport: Transport, org: string, pageSize: number): ChartHopApi {
  const parse = <S extends z.ZodType>(schema: S, body: unknown, endpoint: string, status?: number): z.output<S> =>
    parseResponse(schema, body, {
      vendor: 'charthop',
      endpoint,
      ...(status !== undefined ? { status } : {}),
      shapes: { recorder: transport.recorder, now: transport.clock.now() },
    });
  const READ_RETRY = [202] as const;
  return {
    transport,
    pageSize,
    org,
    parse,
    orgPath: (version, suffix = '') => `/${version}/org/${seg(org)}${suffix}`,
    send: (method, path, route, options = {}) => transport.request({ method, path, route, ...options }),
    async getObject(schema, path, route, query) {
      const response = await transport.request({ method: 'GET', path, route, retryStatuses: READ_RETRY, ...(query ? { query } : {}) });
      return parse(schema, response.body, `GET ${route}`, response.status);
    },
    list(item, path, route, query = {}, idOf) {
      const endpoint = `GET ${route}`;
      const envelope = results(item);
      return paginate({
        vendor: 'charthop',
        endpoint,
        ...(idOf ? { idOf } : {}),
        fetchPage: async (cursor) => {
          const response = await transport.request({
            method: 'GET',
            path,
            route,
            retryStatuses: READ_RETRY,
            query: { ...query, limit: pageSize, ...(cursor !== undefined ? { from: cursor } : {}) },
          });
          const page = parse(envelope, response.body, endpoint, response.status);
          const next = page.next === undefined || page.next === null || page.next === '' ? undefined : String(page.next);
          return { items: page.data as z.output<typeof item>[], next };
        },
      });
    },
  };
}
