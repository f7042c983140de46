import { badRequest } from './query.ts';
import type { LeverStore } from './store.ts';
import type { LeverCompensationBand, LeverRequisition, LeverRequisitionField, LeverRequisitionStatus } from './state.ts';

/** Requisition statuses the API accepts. */
export const REQUISITION_STATUSES: readonly LeverRequisitionStatus[] = ['draft', 'pending', 'rejected', 'onHold', 'open', 'closed'];

/** The writable requisition fields, validated; server-managed fields are not part of it. */
export type RequisitionWrite = Pick<
  LeverRequisition,
  | 'requisitionCode'
  | 'name'
  | 'headcountTotal'
  | 'backfill'
  | 'status'
  | 'owner'
  | 'hiringManager'
  | 'employmentStatus'
  | 'location'
  | 'department'
  | 'team'
  | 'internalNotes'
  | 'compensationBand'
  | 'customFields'
  | 'timeToFillStartAt'
  | 'timeToFillEndAt'
> & { createdAt: number | undefined; confidentiality: LeverRequisition['confidentiality'] | undefined };

const isMs = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/**
 * Validates a requisition POST/PUT body (§7.3). Required: requisitionCode, name, headcountTotal
 * (positive integer or "unlimited"). Omitted optional fields take their defaults — PUT replaces
 * the resource, so omitting a field resets it (status → open). Unknown and server-managed keys
 * (id, postings, postingIds, headcountHired, offerIds, approval, creator, …) are ignored.
 */
export function validateRequisitionBody(body: Record<string, unknown>, store: LeverStore): RequisitionWrite {
  const str = (name: string, required: boolean): string | null => {
    const v = body[name];
    if (v === undefined || v === null) {
      if (required) throw badRequest(`${name} is required`);
      return null;
    }
    if (typeof v !== 'string') throw badRequest(`${name} must be a string`);
    if (required && v.trim() === '') throw badRequest(`${name} must not be empty`);
    return v;
  };
  const user = (name: string): string | null => {
    const id = str(name, false);
    if (id !== null && !store.users.get(id)) throw badRequest(`${name} must be the id of an existing user; got "${id}"`);
    return id;
  };
  const ms = (name: string): number | null => {
    const v = body[name];
    if (v === undefined || v === null) return null;
    if (!isMs(v)) throw badRequest(`${name} must be a timestamp in milliseconds`);
    return v;
  };
  const headcount = body['headcountTotal'];
  if (headcount === undefined || headcount === null) throw badRequest('headcountTotal is required');
  if (headcount !== 'unlimited' && !(typeof headcount === 'number' && Number.isInteger(headcount) && headcount >= 1)) {
    throw badRequest('headcountTotal must be a positive integer or "unlimited"');
  }
  const status = body['status'] ?? 'open';
  if (typeof status !== 'string' || !REQUISITION_STATUSES.includes(status as LeverRequisitionStatus)) {
    throw badRequest(`status must be one of ${REQUISITION_STATUSES.join(', ')}`);
  }
  const backfill = body['backfill'] ?? false;
  if (typeof backfill !== 'boolean') throw badRequest('backfill must be a boolean');
  const confidentiality = body['confidentiality'];
  if (confidentiality !== undefined && confidentiality !== 'confidential' && confidentiality !== 'non-confidential') {
    throw badRequest('confidentiality must be confidential or non-confidential');
  }
  const createdAt = ms('createdAt');
  return {
    requisitionCode: str('requisitionCode', true) as string,
    name: str('name', true) as string,
    headcountTotal: headcount as number | 'unlimited',
    backfill,
    status: status as LeverRequisitionStatus,
    owner: user('owner'),
    hiringManager: user('hiringManager'),
    employmentStatus: str('employmentStatus', false),
    location: str('location', false),
    department: str('department', false),
    team: str('team', false),
    internalNotes: str('internalNotes', false) ?? '',
    compensationBand: compensationBand(body['compensationBand']),
    customFields: validateCustomFields(body['customFields'], store),
    timeToFillStartAt: ms('timeToFillStartAt'),
    timeToFillEndAt: ms('timeToFillEndAt'),
    createdAt: createdAt ?? undefined,
    confidentiality: confidentiality as RequisitionWrite['confidentiality'],
  };
}

function compensationBand(v: unknown): LeverCompensationBand | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'object' || Array.isArray(v)) throw badRequest('compensationBand must be an object');
  const b = v as Record<string, unknown>;
  if (typeof b['currency'] !== 'string' || !/^[A-Z]{3}$/.test(b['currency']))
    throw badRequest('compensationBand.currency must be an ISO-4217 code such as EUR');
  if (typeof b['interval'] !== 'string' || b['interval'] === '')
    throw badRequest('compensationBand.interval must be a string such as per-year-salary');
  if (typeof b['min'] !== 'number' || typeof b['max'] !== 'number' || !Number.isFinite(b['min']) || !Number.isFinite(b['max'])) {
    throw badRequest('compensationBand.min and max must be numbers');
  }
  if (b['min'] > b['max']) throw badRequest('compensationBand.min must not exceed max');
  return { currency: b['currency'], interval: b['interval'], min: b['min'], max: b['max'] };
}

/**
 * Validates `customFields` against the account's requisition fields (§8): unknown ids and wrong
 * types → 400; fields with `isRequired` must be present and non-null. Value types: text → string,
 * number → number or numeric string (Lever stores some numbers as strings), date → integer ms,
 * dropdown → one option's text, object → object of subfield values.
 */
export function validateCustomFields(v: unknown, store: LeverStore): Record<string, unknown> {
  const values = v === undefined || v === null ? {} : v;
  if (typeof values !== 'object' || Array.isArray(values)) throw badRequest('customFields must be an object');
  const out: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(values as Record<string, unknown>)) {
    const field = store.requisitionFields.get(id);
    if (!field) throw badRequest(`Unknown requisition field "${id}"`);
    if (value !== null) checkValue(field.type, value, `customFields.${id}`, field);
    out[id] = value;
  }
  for (const field of store.requisitionFields.values()) {
    if (field.isRequired && (out[field.id] === undefined || out[field.id] === null))
      throw badRequest(`Requisition field "${field.id}" is required`);
  }
  return out;
}

function checkValue(type: string, value: unknown, where: string, field?: LeverRequisitionField): void {
  const wrong = (what: string): Error => badRequest(`${where} must be ${what}`);
  switch (type) {
    case 'text':
      if (typeof value !== 'string') throw wrong('a string');
      return;
    case 'number':
      if (!(
        (typeof value === 'number' && Number.isFinite(value)) ||
        (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
      ))
        throw wrong('a number');
      return;
    case 'date':
      if (!isMs(value)) throw wrong('a date as a timestamp in milliseconds');
      return;
    case 'dropdown': {
      const options = (field?.options ?? []).map((o) => o.text);
      if (typeof value !== 'string' || !options.includes(value)) throw wrong(`one of ${options.map((o) => JSON.stringify(o)).join(', ')}`);
      return;
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrong('an object');
      for (const [sub, subValue] of Object.entries(value as Record<string, unknown>)) {
        const def = (field?.subfields ?? []).find((s) => s.id === sub);
        if (!def) throw badRequest(`${where}.${sub} is not a subfield of "${field?.id ?? ''}"`);
        if (subValue !== null) checkValue(def.type, subValue, `${where}.${sub}`);
      }
      return;
    }
    default:
      return;
  }
}
