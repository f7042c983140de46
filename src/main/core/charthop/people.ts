/**
 * ChartHop people (charthop-api.md §4). Email is a person's primary
 * identifier: creates are idempotent by email (an unknown outcome is settled
 * by searching every person, former ones included, for the new person's
 * addresses), and `findByEmail` compares addresses case-insensitively. Both
 * read addresses from every documented answer shape and fail closed: an
 * answer whose rows cannot be read throws {@link IdentityUnreadableError}.
 */
import { createIdempotent } from '../http/idempotent.ts';
import { backoffDelay } from '../http/retry-policy.ts';
import type { ChartHopApi, IsoDate } from './api.ts';
import { carrotString, seg } from './api.ts';
import { IdentityUnreadableError, personEmails } from './identity.ts';
import { createdSchema, personSchema, rowSchema } from './schemas.ts';
import type { ChartHopPerson, ChartHopRow } from './schemas.ts';

/** Options of person reads. */
export interface PersonQuery {
  q?: string;
  /** Include former employees and people never placed in a job. */
  includeAll?: boolean;
  date?: IsoDate;
  ids?: string[];
}

/** The email codes searched when looking a person up. */
const EMAIL_CODES = ['contact.workEmail', 'contact.homeEmail'] as const;

/** Person operations. */
export function personOperations(api: ChartHopApi) {
  const base = api.orgPath('v2', '/person');
  const route = '/v2/org/:org/person';
  const get = (id: string): Promise<ChartHopPerson> => api.getObject(personSchema, `${base}/${seg(id)}`, `${route}/:id`);
  const rows = (query: PersonQuery & { fields: readonly string[] }): AsyncGenerator<ChartHopRow, void, undefined> => {
    const fields = query.fields.includes('id') ? [...query.fields] : ['id', ...query.fields];
    return api.list(
      rowSchema,
      base,
      route,
      {
        q: query.q,
        includeAll: query.includeAll,
        date: query.date,
        ids: query.ids?.join(','),
        fields: fields.join(','),
      },
      (r) => r.id,
    );
  };

  /**
   * The person (former and never-placed included) with any of `emails`, or null when ChartHop's
   * answer shows there is none. Throws {@link IdentityUnreadableError} when no row matched and some
   * rows could not be read: the person may exist, so the caller must not create one.
   */
  async function findByEmail(emails: string | readonly string[]): Promise<ChartHopPerson | null> {
    const wanted = [...new Set((typeof emails === 'string' ? [emails] : emails).map((e) => e.trim().toLowerCase()).filter(Boolean))];
    if (wanted.length === 0) return null;
    const q = wanted.flatMap((e) => EMAIL_CODES.map((code) => `${code}=${carrotString(e)}`)).join(' || ');
    let unreadable = 0;
    // Stryker disable next-line StringLiteral: the start value is never read; a row counted unreadable always sets why first
    let why = '';
    for await (const row of rows({ q, includeAll: true, fields: [...EMAIL_CODES] })) {
      const read = personEmails(row);
      if (!read.readable) {
        unreadable += 1;
        why = read.why;
        continue;
      }
      if (read.value.some((email) => wanted.includes(email.toLowerCase()))) return get(row.id);
    }
    if (unreadable > 0)
      throw new IdentityUnreadableError({
        system: 'ChartHop',
        what: `a ChartHop person with the email ${wanted.join(' or ')}`,
        why,
        rows: unreadable,
      });
    return null;
  }

  return {
    /** Every person matching `query`, in default JSON. */
    list: (query: PersonQuery = {}): AsyncGenerator<ChartHopPerson, void, undefined> =>
      api.list(
        personSchema,
        base,
        route,
        { q: query.q, includeAll: query.includeAll, date: query.date, ids: query.ids?.join(',') },
        (p) => p.id,
      ),
    /** Every person matching `query`, projected to `fields`. */
    rows,
    /** One person (former ones too). */
    get,
    findByEmail,
    /**
     * Creates a person (in no job yet) and answers its id, read from the create's answer and
     * nothing else, so the caller can record it before any other call. Idempotent by email: on an
     * unknown outcome the person is looked up by the body's addresses and only re-sent when absent
     * (an unreadable lookup stops it). Without an email, an unknown outcome is reported, never repeated.
     */
    async create(body: Record<string, unknown>): Promise<{ id: string; outcome: 'created' | 'recovered' }> {
      const { transport } = api;
      const write = async (): Promise<string> => {
        const response = await api.send('POST', base, route, { body, idempotent: false });
        return api.parse(createdSchema, response.body, `POST ${route}`, response.status).id;
      };
      const read = personEmails(body);
      const emails = read.readable ? read.value : [];
      if (emails.length === 0) return { id: await write(), outcome: 'created' };
      const result = await createIdempotent({
        vendor: 'charthop',
        endpoint: `POST ${route}`,
        recorder: transport.recorder,
        now: () => transport.clock.now(),
        write,
        lookup: async () => (await findByEmail(emails))?.id ?? null,
        pause: (n) => transport.clock.sleep(backoffDelay(n, transport.policy), transport.signal),
      });
      return { id: result.value, outcome: result.outcome };
    },
    /** Updates a person (PATCH of field codes) and re-reads them. */
    async update(id: string, body: Record<string, unknown>, options: { date?: IsoDate } = {}): Promise<ChartHopPerson> {
      await api.send('PATCH', `${base}/${seg(id)}`, `${route}/:id`, { body, query: { date: options.date } });
      return get(id);
    },
  };
}
