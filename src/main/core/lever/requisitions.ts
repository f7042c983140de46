/**
 * Lever requisitions and requisition fields (lever-api.md §7–8). Creates are
 * idempotent by requisition code: an unknown outcome is settled by looking the
 * code up. After any write only `data.id` is trusted and the record is re-read
 * (real Lever answers writes in a different, internal shape).
 */
import { isHttpFailure } from '../http/errors.ts';
import { createIdempotent } from '../http/idempotent.ts';
import { backoffDelay } from '../http/retry-policy.ts';
import type { LeverApi } from './api.ts';
import { seg } from './api.ts';
import { requisitionFieldSchema, requisitionSchema, writeResultSchema } from './schemas.ts';
import type { LeverRequisition, LeverRequisitionField } from './schemas.ts';

/** Filters of `GET /requisitions` (§7.1; there is no updated_at filter). */
export interface RequisitionFilter {
  requisitionCode?: string | string[];
  status?: string | string[];
  createdAtStart?: number;
  createdAtEnd?: number;
  /** Default (Lever's): non-confidential only; `all` needs confidential access. */
  confidentiality?: 'confidential' | 'non-confidential' | 'all';
}

/** The writable fields of a requisition (§7.3). PUT replaces: omitted fields are reset. */
export interface LeverRequisitionInput {
  requisitionCode: string;
  name: string;
  headcountTotal: number | 'unlimited';
  backfill?: boolean;
  status?: string;
  confidentiality?: 'confidential' | 'non-confidential';
  owner?: string | null;
  hiringManager?: string | null;
  employmentStatus?: string | null;
  location?: string | null;
  department?: string | null;
  team?: string | null;
  internalNotes?: string;
  compensationBand?: { currency: string; interval: string; min: number; max: number } | null;
  customFields?: Record<string, unknown>;
  timeToFillStartAt?: number | null;
  timeToFillEndAt?: number | null;
}

/** A create and how it was settled. */
export interface CreateResult<T> {
  record: T;
  /** `recovered`: the create's outcome was unknown and the record was found by its natural key. */
  outcome: 'created' | 'recovered';
}

const WRITABLE: readonly (keyof LeverRequisitionInput)[] = [
  'requisitionCode',
  'name',
  'headcountTotal',
  'backfill',
  'status',
  'owner',
  'hiringManager',
  'employmentStatus',
  'location',
  'department',
  'team',
  'internalNotes',
  'compensationBand',
  'customFields',
  'timeToFillStartAt',
  'timeToFillEndAt',
];

/** Requisition codes compare trimmed and case-insensitively (Lever's own matching is unverified). */
export function sameRequisitionCode(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The writable part of a requisition as read, ready to merge and PUT back. */
export function requisitionInputOf(r: LeverRequisition): LeverRequisitionInput {
  const input: Record<string, unknown> = {};
  for (const key of WRITABLE) if (r[key] !== undefined) input[key] = r[key];
  return input as unknown as LeverRequisitionInput;
}

/** The requisition operations. */
export function requisitionOperations(api: LeverApi) {
  const list = (filter: RequisitionFilter = {}): AsyncGenerator<LeverRequisition, void, undefined> =>
    api.list(requisitionSchema, '/requisitions', '/requisitions', {
      requisition_code: filter.requisitionCode,
      status: filter.status,
      created_at_start: filter.createdAtStart,
      created_at_end: filter.createdAtEnd,
      confidentiality: filter.confidentiality,
    });

  const get = (id: string): Promise<LeverRequisition> => api.getOne(requisitionSchema, `/requisitions/${seg(id)}`, '/requisitions/:id');

  async function findByCode(code: string, confidentiality?: RequisitionFilter['confidentiality']): Promise<LeverRequisition | null> {
    for await (const r of list({ requisitionCode: code, ...(confidentiality ? { confidentiality } : {}) })) {
      if (sameRequisitionCode(r.requisitionCode, code)) return r;
    }
    return null;
  }

  /** Creates a requisition and answers its id from the create's answer alone (no read in between). */
  async function createId(input: LeverRequisitionInput): Promise<{ id: string; outcome: 'created' | 'recovered' }> {
    const { transport } = api;
    const confidentiality = input.confidentiality === 'confidential' ? 'all' : undefined;
    const result = await createIdempotent({
      vendor: 'lever',
      endpoint: 'POST /requisitions',
      recorder: transport.recorder,
      now: () => transport.clock.now(),
      write: async () => {
        const response = await api.send('POST', '/requisitions', '/requisitions', { body: input, idempotent: false });
        return api.parse(writeResultSchema, response.body, 'POST /requisitions', response.status).data.id;
      },
      lookup: async () => (await findByCode(input.requisitionCode, confidentiality))?.id ?? null,
      pause: (write) => transport.clock.sleep(backoffDelay(write, transport.policy), transport.signal),
    });
    return { id: result.value, outcome: result.outcome };
  }

  async function create(input: LeverRequisitionInput): Promise<CreateResult<LeverRequisition>> {
    const { id, outcome } = await createId(input);
    return { record: await get(id), outcome };
  }

  async function put(id: string, input: LeverRequisitionInput): Promise<string> {
    const response = await api.send('PUT', `/requisitions/${seg(id)}`, '/requisitions/:id', { body: input });
    return api.parse(writeResultSchema, response.body, 'PUT /requisitions/:id', response.status).data.id;
  }

  async function update(id: string, input: LeverRequisitionInput): Promise<LeverRequisition> {
    return get(await put(id, input));
  }

  return {
    /** Every requisition matching `filter`. */
    list,
    /** One requisition by id. */
    get,
    /**
     * The requisition with this code, or null. Lever filters by `requisition_code` (exact on the
     * sandbox; its case rules are unverified); results are re-checked trimmed and case-insensitively.
     */
    findByCode,
    /** Creates a requisition; never duplicates it when the outcome of a create is unknown. */
    create,
    /**
     * Like `create`, but answers only the new requisition's id, read from the create's answer, so
     * the caller can record it before any other call.
     */
    createId,
    /** Replaces a requisition (PUT: omitted fields are reset) and returns it as re-read. */
    update,
    /**
     * Replaces a requisition (PUT: omitted fields are reset) without reading it back: answers the id.
     * The sync knows what it sent and the record it merged it into, so a re-read would only spend
     * budget (Lever answers writes in an internal shape, not the GET one).
     */
    put,
    /** Reads, merges `changes` into the writable fields, writes back the whole record. */
    async patch(id: string, changes: Partial<LeverRequisitionInput>): Promise<LeverRequisition> {
      return update(id, { ...requisitionInputOf(await get(id)), ...changes });
    },
    /** Deletes a requisition; `deleted: false` when it was already gone (404). */
    async delete(id: string): Promise<{ deleted: boolean }> {
      const response = await api.send('DELETE', `/requisitions/${seg(id)}`, '/requisitions/:id', { passStatuses: [404] });
      return { deleted: response.status !== 404 };
    },
  };
}

/** A requisition field definition as written (§8). */
export interface RequisitionFieldInput {
  text: string;
  type: 'text' | 'number' | 'date' | 'dropdown' | 'object';
  isRequired?: boolean;
  options?: { text: string }[];
  subfields?: { id: string; text: string; type: string }[];
}

/** Requisition-field (custom field schema) operations. */
export function requisitionFieldOperations(api: LeverApi) {
  const path = '/requisition_fields';
  return {
    /** Every requisition field (the list has no pagination in practice). */
    list: (): AsyncGenerator<LeverRequisitionField, void, undefined> => api.list(requisitionFieldSchema, path, path),
    /** One field by id. */
    get: (id: string): Promise<LeverRequisitionField> => api.getOne(requisitionFieldSchema, `${path}/${seg(id)}`, `${path}/:id`),
    /** Creates a field; an unknown outcome is settled by looking its id (the caller's slug) up. */
    async create(field: RequisitionFieldInput & { id: string }): Promise<CreateResult<LeverRequisitionField>> {
      const { transport } = api;
      const get = (id: string): Promise<LeverRequisitionField> => api.getOne(requisitionFieldSchema, `${path}/${seg(id)}`, `${path}/:id`);
      const result = await createIdempotent({
        vendor: 'lever',
        endpoint: `POST ${path}`,
        recorder: transport.recorder,
        now: () => transport.clock.now(),
        write: async () => {
          const response = await api.send('POST', path, path, { body: field, idempotent: false });
          return api.parse(writeResultSchema, response.body, `POST ${path}`, response.status).data.id;
        },
        lookup: async () => {
          try {
            return (await get(field.id)).id;
          } catch (error) {
            if (isHttpFailure(error, 'not_found')) return null;
            throw error;
          }
        },
        pause: (write) => transport.clock.sleep(backoffDelay(write, transport.policy), transport.signal),
      });
      return { record: await get(result.value), outcome: result.outcome };
    },
    /** Replaces a field definition. */
    async update(id: string, field: RequisitionFieldInput): Promise<LeverRequisitionField> {
      await api.send('PUT', `${path}/${seg(id)}`, `${path}/:id`, { body: field });
      return api.getOne(requisitionFieldSchema, `${path}/${seg(id)}`, `${path}/:id`);
    },
    /** Deletes a field; `deleted: false` when it was already gone. */
    async delete(id: string): Promise<{ deleted: boolean }> {
      const response = await api.send('DELETE', `${path}/${seg(id)}`, `${path}/:id`, { passStatuses: [404] });
      return { deleted: response.status !== 404 };
    },
  };
}
