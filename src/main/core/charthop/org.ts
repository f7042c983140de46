/**
 * ChartHop org-level resources: the token's user and orgs (§1.2–1.3), groups
 * (§5: departments, teams, locations incl. `locationType`), custom fields
 * (§6), changes incl. HIRE (§7) and the events feed (§8.1).
 */
import { isHttpFailure } from '../http/errors.ts';
import { createIdempotent } from '../http/idempotent.ts';
import { backoffDelay } from '../http/retry-policy.ts';
import type { ChartHopApi, IsoDate } from './api.ts';
import { seg } from './api.ts';
import type { ChartHopCreateResult } from './jobs.ts';
import { changeSchema, eventSchema, fieldSchema, groupSchema, meSchema, orgSchema } from './schemas.ts';
import type { ChartHopChange, ChartHopEvent, ChartHopField, ChartHopGroup, ChartHopOrg } from './schemas.ts';

/** The group types ReqBridge maps. */
export type GroupType = 'department' | 'team' | 'location';

/** A field definition as created (§6). */
export interface FieldInput {
  name: string;
  label: string;
  type: string;
  entityType?: string;
  plural?: 'SINGLE' | 'LIST' | 'SET';
  isUnique?: boolean;
  sensitive?: string;
  values?: string[];
  description?: string;
}

/** A HIRE into an open job, effective on the start date. */
export interface HireInput {
  jobId: string;
  personId: string;
  date: IsoDate;
  announceDate?: IsoDate;
  note?: string;
}

/** Org, group, field, change and event operations. */
export function orgOperations(api: ChartHopApi) {
  const v1 = (suffix: string): string => api.orgPath('v1', suffix);
  const fieldRoute = '/v1/org/:org/field';
  const changeRoute = '/v1/org/:org/change';

  const fields = (
    query: { builtin?: 'builtin' | 'custom' | 'all'; entityType?: string } = {},
  ): AsyncGenerator<ChartHopField, void, undefined> =>
    api.list(fieldSchema, v1('/field'), fieldRoute, { builtin: query.builtin, entityType: query.entityType }, (f) => f.id);

  async function fieldByCode(code: string): Promise<ChartHopField | null> {
    for await (const f of fields({ builtin: 'all' })) if (f.name.toLowerCase() === code.toLowerCase()) return f;
    return null;
  }

  /**
   * Creates a change (`type` lower-case in the path, e.g. `create`, `update`, `hire`). With
   * `sync`, ChartHop creates it only if an equal change does not exist (`change/sync/{type}`),
   * which makes it safe to repeat.
   */
  async function createChange(type: string, body: Record<string, unknown>, options: { sync?: boolean } = {}): Promise<ChartHopChange> {
    const t = type.toLowerCase();
    const path = options.sync ? v1(`/change/sync/${seg(t)}`) : v1(`/change/${seg(t)}`);
    const route = options.sync ? `${changeRoute}/sync/${t}` : `${changeRoute}/${t}`;
    const response = await api.send('POST', path, route, {
      body: { type: type.toUpperCase(), ...body },
      idempotent: Boolean(options.sync),
    });
    return api.parse(changeSchema, response.body, `POST ${route}`, response.status);
  }

  return {
    /** The token's own (app) user: proves the token is accepted. */
    me: () => api.getObject(meSchema, '/v1/user/me', '/v1/user/me'),
    /** Orgs visible to the token. */
    orgs: (): AsyncGenerator<ChartHopOrg, void, undefined> => api.list(orgSchema, '/v1/org', '/v1/org', {}, (o) => o.id),
    /** The configured org (id or slug). */
    org: (): Promise<ChartHopOrg> => api.getObject(orgSchema, `/v1/org/${seg(api.org)}`, '/v1/org/:org'),
    /** Departments, teams or locations (`locationType` OFFICE/REMOTE on locations). */
    groups: (type: GroupType, query: { search?: string } = {}): AsyncGenerator<ChartHopGroup, void, undefined> =>
      api.list(groupSchema, api.orgPath('v2', `/group/${type}`), `/v2/org/:org/group/${type}`, { search: query.search }, (g) => g.id),
    /** Field definitions (custom by default). */
    fields,
    /** A field (built-in or custom) by code, case-insensitively; null when absent. */
    fieldByCode,
    /** Creates a custom field; idempotent by its code. */
    async createField(input: FieldInput): Promise<ChartHopCreateResult<ChartHopField>> {
      const { transport } = api;
      const result = await createIdempotent({
        vendor: 'charthop',
        endpoint: `POST ${fieldRoute}`,
        recorder: transport.recorder,
        now: () => transport.clock.now(),
        write: async () => {
          const response = await api.send('POST', v1('/field'), fieldRoute, { body: input, idempotent: false });
          return api.parse(fieldSchema, response.body, `POST ${fieldRoute}`, response.status);
        },
        lookup: () => fieldByCode(input.name),
        pause: (n) => transport.clock.sleep(backoffDelay(n, transport.policy), transport.signal),
      });
      return { record: result.value, outcome: result.outcome };
    },
    createChange,
    /** A pending hire of `personId` into the open job `jobId`, effective `date`; create-if-absent, so safe to repeat. */
    hire: (input: HireInput): Promise<ChartHopChange> => createChange('hire', { ...input }, { sync: true }),
    /** Changes, ascending by effective date; filter by job, person, type and date range. */
    changes: (
      query: { jobId?: string; personId?: string; type?: string; date?: IsoDate; endDate?: IsoDate } = {},
    ): AsyncGenerator<ChartHopChange, void, undefined> =>
      api.list(
        changeSchema,
        v1('/change'),
        changeRoute,
        { jobId: query.jobId, personId: query.personId, type: query.type, date: query.date, endDate: query.endDate },
        (c) => c.id,
      ),
    /**
     * The events feed from timestamp `from` (inclusive), oldest first. Events repeated across a
     * page boundary are yielded once.
     */
    events: (
      query: { from?: number; code?: string; entityType?: string; entityId?: string } = {},
    ): AsyncGenerator<ChartHopEvent, void, undefined> =>
      api.list(
        eventSchema,
        v1('/event'),
        '/v1/org/:org/event',
        { from: query.from, code: query.code, entityType: query.entityType, entityId: query.entityId },
        (e) => e.id,
      ),
  };
}

/** True when a failure means "this org does not exist (or is not visible to the token)". */
export function isOrgNotFound(error: unknown): boolean {
  return isHttpFailure(error, 'not_found') && /org not found/i.test(error.serverMessage ?? '');
}
