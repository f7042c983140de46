/**
 * ChartHop jobs (charthop-api.md §3): list/search with `q` (Carrot), `fields`
 * projections, the `from`/`next` cursor and `date` as-of reads; get, create,
 * PATCH and delete as effective-dated writes. A create with a natural key
 * (the requisition code or a link field) never duplicates on an unknown
 * outcome: the job is looked up by that key, as of the same date.
 */
import { createIdempotent } from '../http/idempotent.ts';
import { backoffDelay } from '../http/retry-policy.ts';
import type { ChartHopApi, IsoDate } from './api.ts';
import { carrotString, seg } from './api.ts';
import { IdentityUnreadableError, jobKeyValue } from './identity.ts';
import { createdSchema, jobSchema, rowSchema } from './schemas.ts';
import type { ChartHopJob, ChartHopRow } from './schemas.ts';

/** Options of job reads. */
export interface JobQuery {
  /** Carrot filter, e.g. `!open:filled` or `req="ENG-1"`. */
  q?: string;
  /** As-of date (YYYY-MM-DD); default today (ChartHop's). */
  date?: IsoDate;
  ids?: string[];
  sort?: string[];
}

/** A job write's effective date. */
export interface JobWriteOptions {
  date?: IsoDate;
}

/** A field whose value identifies a job across systems (e.g. `req` or a Lever link field). */
export interface NaturalKey {
  field: string;
  value: string;
}

/** A create and how it was settled. */
export interface ChartHopCreateResult<T> {
  record: T;
  outcome: 'created' | 'recovered';
}

/** Job operations. */
export function jobOperations(api: ChartHopApi) {
  const base = api.orgPath('v2', '/job');
  const route = '/v2/org/:org/job';
  const get = (id: string, options: { date?: IsoDate } = {}): Promise<ChartHopJob> =>
    api.getObject(jobSchema, `${base}/${seg(id)}`, `${route}/:id`, { date: options.date });

  const rows = (query: JobQuery & { fields: readonly string[] }): AsyncGenerator<ChartHopRow, void, undefined> => {
    const fields = query.fields.some((f) => f === 'id' || f === 'jobId') ? [...query.fields] : ['id', ...query.fields];
    return api.list(
      rowSchema,
      base,
      route,
      { q: query.q, date: query.date, ids: query.ids?.join(','), sort: query.sort?.join(','), fields: fields.join(',') },
      (r) => r.id,
    );
  };

  async function findByKey(key: NaturalKey, options: { date?: IsoDate } = {}): Promise<ChartHopJob | null> {
    const wanted = key.value.trim().toLowerCase();
    let unreadable = 0;
    let why = '';
    for await (const row of rows({ q: `${key.field}=${carrotString(key.value)}`, fields: [key.field], ...options })) {
      const read = jobKeyValue(row, key.field);
      if (!read.readable) {
        unreadable += 1;
        why = read.why;
        continue;
      }
      if (read.value?.toLowerCase() === wanted) return get(row.id, options);
    }
    if (unreadable > 0)
      throw new IdentityUnreadableError({
        system: 'ChartHop',
        what: `a ChartHop job with ${key.field} "${key.value}"`,
        why,
        rows: unreadable,
      });
    return null;
  }

  async function createId(
    body: Record<string, unknown>,
    options: JobWriteOptions & { naturalKey?: NaturalKey } = {},
  ): Promise<{ id: string; outcome: 'created' | 'recovered' }> {
    const { transport } = api;
    const write = async (): Promise<string> => {
      const response = await api.send('POST', base, route, { body, query: { date: options.date }, idempotent: false });
      return api.parse(createdSchema, response.body, `POST ${route}`, response.status).id;
    };
    if (!options.naturalKey) return { id: await write(), outcome: 'created' };
    const key = options.naturalKey;
    const readOptions = options.date ? { date: options.date } : {};
    const result = await createIdempotent({
      vendor: 'charthop',
      endpoint: `POST ${route}`,
      recorder: transport.recorder,
      now: () => transport.clock.now(),
      write,
      lookup: async () => (await findByKey(key, readOptions))?.id ?? null,
      pause: (n) => transport.clock.sleep(backoffDelay(n, transport.policy), transport.signal),
    });
    return { id: result.value, outcome: result.outcome };
  }

  return {
    /** Every job matching `query`, in default JSON. */
    list: (query: JobQuery = {}): AsyncGenerator<ChartHopJob, void, undefined> =>
      api.list(
        jobSchema,
        base,
        route,
        { q: query.q, date: query.date, ids: query.ids?.join(','), sort: query.sort?.join(',') },
        (j) => j.id,
      ),
    /** Every job matching `query`, projected to `fields` (flat rows keyed by the field paths; `id` always included). */
    rows,
    /** One job as of `date`. */
    get,
    /**
     * The job whose `key.field` equals `key.value` (trimmed, case-insensitive), or null. Throws
     * {@link IdentityUnreadableError} when no row matched and some rows did not hold the field.
     */
    findByKey,
    /**
     * Creates a job effective `date`. With `naturalKey`, an unknown outcome is settled by looking
     * the job up by that key (as of the same date) and the create is re-sent only if it is absent;
     * without one, an unknown outcome is reported, never repeated.
     */
    async create(
      body: Record<string, unknown>,
      options: JobWriteOptions & { naturalKey?: NaturalKey } = {},
    ): Promise<ChartHopCreateResult<ChartHopJob>> {
      const { id, outcome } = await createId(body, options);
      return { record: await get(id, options.date ? { date: options.date } : {}), outcome };
    },
    /**
     * Like `create`, but answers only the new job's id, read from the create's answer, so the
     * caller can record it before any other call.
     */
    createId,
    /**
     * Updates a job effective `date` (a PATCH of field codes; repeating it is harmless). The job
     * comes from the PATCH answer when ChartHop sends one for a change effective today; otherwise
     * (a dated change, or an answer without a body such as 204) it is re-read. A sync's
     * write-backs then cost one call each, not two.
     */
    async update(id: string, body: Record<string, unknown>, options: JobWriteOptions = {}): Promise<ChartHopJob> {
      const response = await api.send('PATCH', `${base}/${seg(id)}`, `${route}/:id`, { body, query: { date: options.date } });
      const answered = jobSchema.safeParse(response.body);
      if (!options.date && answered.success && answered.data.id === id) return answered.data;
      return get(id, options.date ? { date: options.date } : {});
    },
    /** Deletes a job effective `date`; `deleted: false` when it did not exist. */
    async delete(id: string, options: JobWriteOptions = {}): Promise<{ deleted: boolean }> {
      const response = await api.send('DELETE', `${base}/${seg(id)}`, `${route}/:id`, {
        query: { date: options.date },
        passStatuses: [404],
      });
      return { deleted: response.status !== 404 };
    },
  };
}
