// The Fields API: `GET /v1/org/{org}/field` (`builtin=custom` by default,
// `builtin` or `all`), `GET …/field/{id}`, `POST …/field`. Codes follow the
// UI rules: letters and digits, not starting with a digit, unique per org
// (also against built-in codes).
import type { PageFault } from '../http/index.ts';
import { badRequest, conflict, notFound } from './errors.ts';
import { emitEvent } from './events.ts';
import { builtInFieldDefinitions, builtInJobField } from './field-catalog.ts';
import { pageRows } from './pagination.ts';
import type { ChartHopField, ChartHopFieldEntityType, ChartHopFieldType } from './state.ts';
import type { ChartHopStore } from './store.ts';
import type { Actor } from './timeline-write.ts';

const TYPES: ChartHopFieldType[] = [
  'STRING',
  'TEXT',
  'BOOLEAN',
  'DATE',
  'INTEGER',
  'DECIMAL',
  'MONEY',
  'PERCENT',
  'ENUM',
  'ENUM_MULTI',
  'EMAIL',
  'PHONE',
  'URL',
  'PERSON',
  'JOB',
  'GROUP',
];
const ENTITY_TYPES: ChartHopFieldEntityType[] = ['JOB', 'JOB_OPEN', 'JOB_FILLED', 'PERSON'];
const RESERVED = new Set([
  'id',
  'jobid',
  'personid',
  'title',
  'open',
  'department',
  'team',
  'location',
  'manager',
  'employment',
  'sensitive',
  'comp',
  'name',
  'contact',
  'fields',
  'startdate',
]);

/** Filters of the field list. */
export interface FieldQuery {
  builtin?: string;
  entityType?: string;
  from?: string;
  limit: number;
  pageFault?: PageFault;
}

/** Lists field definitions (custom by default). */
export function listFields(store: ChartHopStore, orgId: string, query: FieldQuery): { data: ChartHopField[]; next?: string } {
  const mode = (query.builtin ?? 'custom').toLowerCase();
  if (!['custom', 'builtin', 'all'].includes(mode)) throw badRequest('invalid builtin: expected builtin, custom or all');
  const custom = mode === 'builtin' ? [] : store.customFields(orgId);
  const builtIn =
    mode === 'custom' ? [] : builtInFieldDefinitions(orgId, store.state.orgs.find((o) => o.id === orgId)?.createAt ?? store.nowIso());
  const entityType = query.entityType?.toUpperCase();
  const rows = [...builtIn, ...custom].filter((f) => !entityType || f.entityType === entityType).sort((a, b) => (a.id < b.id ? -1 : 1));
  const { page, next } = pageRows(rows, (f) => f.id, query.from, query.limit, true, query.pageFault);
  const data = page.map((f) => structuredClone(f));
  return next === undefined ? { data } : { data, next };
}

/** One field definition by id or code. */
export function getField(store: ChartHopStore, orgId: string, ref: string): ChartHopField {
  const all = [...store.customFields(orgId), ...builtInFieldDefinitions(orgId, store.nowIso())];
  const field = all.find((f) => f.id === ref || f.name === ref);
  if (!field) throw notFound(`field ${ref} not found`);
  return structuredClone(field);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `POST /v1/org/{org}/field` (event `field.create`). */
export function createField(store: ChartHopStore, orgId: string, actor: Actor, body: unknown): ChartHopField {
  if (!isObject(body)) throw badRequest('expected a JSON object body');
  const { name, label, type } = body;
  if (typeof label !== 'string' || label.trim() === '') throw badRequest('label is required');
  const code =
    typeof name === 'string' && name !== ''
      ? name
      : label
          .replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())
          .replace(/^[0-9]+/, '')
          .replace(/^./, (c) => c.toLowerCase());
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(code))
    throw badRequest(`invalid field code ${code}: letters and digits only, not starting with a digit`);
  if (typeof type !== 'string' || !TYPES.includes(type as ChartHopFieldType))
    throw badRequest(`invalid type: expected one of ${TYPES.join(', ')}`);
  const entityType = (body.entityType ?? 'JOB') as ChartHopFieldEntityType;
  if (!ENTITY_TYPES.includes(entityType)) throw badRequest(`invalid entityType: expected one of ${ENTITY_TYPES.join(', ')}`);
  const lower = code.toLowerCase();
  if (builtInJobField(code) || RESERVED.has(lower)) throw conflict(`field code ${code} is taken by a built-in field`);
  const existing = store.customFields(orgId).find((f) => f.name.toLowerCase() === lower || f.label.toLowerCase() === label.toLowerCase());
  if (existing) throw conflict(`a field with code ${existing.name} or label ${existing.label} already exists (${existing.id})`);
  const values = body.values;
  if (
    (type === 'ENUM' || type === 'ENUM_MULTI') &&
    (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== 'string'))
  ) {
    throw badRequest('an ENUM field needs values: a non-empty list of strings');
  }
  const plural = body.plural ?? 'SINGLE';
  if (plural !== 'SINGLE' && plural !== 'LIST' && plural !== 'SET') throw badRequest('invalid plural: expected SINGLE, LIST or SET');
  const now = store.nowIso();
  const field: ChartHopField = {
    id: store.newId(),
    orgId,
    name: code,
    label,
    type: type as ChartHopFieldType,
    plural,
    isUnique: body.isUnique === true,
    isRequired: body.isRequired === true,
    sensitive: typeof body.sensitive === 'string' ? body.sensitive : 'ORG',
    entityType,
    builtIn: false,
    status: 'ACTIVE',
    createAt: now,
    updateAt: now,
  };
  if (Array.isArray(values)) field.values = [...values] as string[];
  if (typeof body.description === 'string') field.description = body.description;
  store.addField(field);
  emitEvent(store, orgId, actor.userId, { entityType: 'FIELD', type: 'create', entityId: field.id });
  return structuredClone(field);
}
