// Built-in job field codes the sandbox stores in `data.fields`, and the value
// checks shared by built-in and custom fields. Codes are matched
// case-insensitively (Carrot field codes are case-insensitive) and written
// back in their canonical spelling.
import { isDateString } from './dates.ts';
import { badRequest } from './errors.ts';
import type { ChartHopField, ChartHopFieldEntityType, ChartHopFieldType } from './state.ts';

/** Recruiting statuses of an open job, canonical spelling. */
export const RECRUIT_STATUSES = ['Active', 'Passive', 'Inactive', 'Offer', 'Pending', 'Closed'] as const;

/** Job sensitivity values. The reference lists `GLOBAL … HIGH, PRIVATE`; the middle values are our guess. */
export const SENSITIVITY_VALUES = ['GLOBAL', 'ORG', 'MANAGER', 'HIGH', 'PRIVATE'] as const;

/** Employment enum and the display names ChartHop shows for it (both accepted on write). */
export const EMPLOYMENT_VALUES: Record<string, 'FULL' | 'PART' | 'TEMP' | 'CONTRACT' | 'INTERN' | 'EXPAT'> = {
  full: 'FULL',
  'full time': 'FULL',
  'full-time': 'FULL',
  part: 'PART',
  'part time': 'PART',
  'part-time': 'PART',
  temp: 'TEMP',
  temporary: 'TEMP',
  contract: 'CONTRACT',
  contractor: 'CONTRACT',
  intern: 'INTERN',
  expat: 'EXPAT',
  'ex-pat': 'EXPAT',
};

/** A built-in simple field kept in a job's `data.fields`. */
export interface BuiltInJobField {
  code: string;
  label: string;
  type: ChartHopFieldType;
  values?: readonly string[];
}

/** Built-in simple job fields (recruiting, ATS links, candidate metrics). */
export const BUILT_IN_JOB_FIELDS: readonly BuiltInJobField[] = [
  { code: 'recruit', label: 'Recruiting Status', type: 'ENUM', values: RECRUIT_STATUSES },
  { code: 'recruitPriority', label: 'Recruiting Priority', type: 'INTEGER' },
  { code: 'req', label: 'Requisition ID', type: 'STRING' },
  { code: 'leverReqId', label: 'Lever Req ID', type: 'STRING' },
  { code: 'greenhouseId', label: 'Greenhouse Job ID', type: 'STRING' },
  { code: 'hireMgr', label: 'Hiring Manager', type: 'PERSON' },
  { code: 'recruiter', label: 'Recruiter', type: 'PERSON' },
  { code: 'applyActive', label: 'Candidates (Active)', type: 'INTEGER' },
  { code: 'applyInterview', label: 'Interviews (Active)', type: 'INTEGER' },
  { code: 'applyOffer', label: 'Offers (Active)', type: 'INTEGER' },
  { code: 'applyTotalOffer', label: 'Offers (Total)', type: 'INTEGER' },
  { code: 'recruitActiveDate', label: 'Recruiting Active Date', type: 'DATE' },
  { code: 'offerAcceptDate', label: 'Offer Accept Date', type: 'DATE' },
];

const BUILT_IN_BY_LOWER = new Map(BUILT_IN_JOB_FIELDS.map((f) => [f.code.toLowerCase(), f]));

/** The built-in simple job field for a code (any case), if there is one. */
export function builtInJobField(code: string): BuiltInJobField | undefined {
  return BUILT_IN_BY_LOWER.get(code.toLowerCase());
}

/** Built-in fields as `Field` objects for `GET /v1/org/{org}/field?builtin=…`. */
export function builtInFieldDefinitions(orgId: string, at: string): ChartHopField[] {
  return BUILT_IN_JOB_FIELDS.map((f, index) => {
    const def: ChartHopField = {
      id: `b0b0b0b0b0b0${index.toString(16).padStart(12, '0')}`,
      orgId,
      name: f.code,
      label: f.label,
      type: f.type,
      plural: 'SINGLE',
      isUnique: false,
      isRequired: false,
      sensitive: 'ORG',
      entityType: (f.code.startsWith('apply') || f.code.startsWith('recruit') ? 'JOB_OPEN' : 'JOB') as ChartHopFieldEntityType,
      builtIn: true,
      status: 'ACTIVE',
      createAt: at,
      updateAt: at,
    };
    if (f.values) def.values = [...f.values];
    return def;
  });
}

/** Lookups a value check needs to validate references. */
export interface ValueRefs {
  personExists(id: string): boolean;
  jobExists(id: string): boolean;
  groupExists(id: string): boolean;
}

function refId(value: unknown): unknown {
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: unknown }).id;
  return value;
}

/**
 * Checks (and normalises) a value for a field of `type`. `null` always passes
 * (it clears the field). Throws a 400 naming the field on a wrong value.
 */
export function checkFieldValue(
  code: string,
  type: ChartHopFieldType,
  values: readonly string[] | undefined,
  raw: unknown,
  refs: ValueRefs,
): unknown {
  if (raw === null) return null;
  const fail = (what: string): never => {
    throw badRequest(`invalid value for field ${code}: expected ${what}`);
  };
  switch (type) {
    case 'STRING':
    case 'TEXT':
    case 'PHONE':
    case 'URL':
      return typeof raw === 'string' ? raw : fail('a string');
    case 'EMAIL':
      return typeof raw === 'string' && /^[^@\s]+@[^@\s]+$/.test(raw) ? raw : fail('an email address');
    case 'BOOLEAN':
      return typeof raw === 'boolean' ? raw : fail('true or false');
    case 'DATE':
      return isDateString(raw) ? raw : fail('a YYYY-MM-DD date');
    case 'INTEGER':
      return typeof raw === 'number' && Number.isInteger(raw) ? raw : fail('an integer');
    case 'DECIMAL':
    case 'PERCENT':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : fail('a number');
    case 'MONEY': {
      const m = raw as { amount?: unknown; currency?: unknown };
      if (typeof raw === 'object' && typeof m.amount === 'number' && typeof m.currency === 'string' && /^[A-Z]{3}$/.test(m.currency)) {
        return { amount: m.amount, currency: m.currency };
      }
      return fail('{ amount, currency }');
    }
    case 'ENUM': {
      const hit = typeof raw === 'string' ? values?.find((v) => v.toLowerCase() === raw.toLowerCase()) : undefined;
      return hit ?? fail(`one of ${(values ?? []).join(', ')}`);
    }
    case 'ENUM_MULTI': {
      if (!Array.isArray(raw)) return fail('a list');
      return raw.map((item) => checkFieldValue(code, 'ENUM', values, item, refs));
    }
    case 'PERSON': {
      const id = refId(raw);
      return typeof id === 'string' && refs.personExists(id) ? id : fail('the id of an existing person');
    }
    case 'JOB': {
      const id = refId(raw);
      return typeof id === 'string' && refs.jobExists(id) ? id : fail('the id of an existing job');
    }
    case 'GROUP': {
      const id = refId(raw);
      return typeof id === 'string' && refs.groupExists(id) ? id : fail('the id of an existing group');
    }
  }
}
