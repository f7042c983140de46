// Turns a job write body into a JobUpdate-style patch. One parser serves the
// v2 map bodies (`POST/PATCH /v2/org/{org}/job`, field codes as keys), the
// Change API's PartialJob (CREATE) and JobUpdate (UPDATE): the reference says
// v2 bodies use the same field codes as reads [INFERRED] and shows built-in
// codes such as `req` inside `fields` — both spellings are accepted here.
// Groups are written by id (our choice: not by name), and unknown field codes
// are rejected with 400 rather than silently dropped.
import { isDateString } from './dates.ts';
import { badRequest, conflict } from './errors.ts';
import { builtInJobField, checkFieldValue, EMPLOYMENT_VALUES, SENSITIVITY_VALUES } from './field-catalog.ts';
import type { ValueRefs } from './field-catalog.ts';
import type { ChartHopField, ChartHopGroupType, ChartHopJobComp, ChartHopJobData, ChartHopJobPatch, ChartHopPayInterval } from './state.ts';
import type { ChartHopStore } from './store.ts';
import { applyJobPatch } from './timeline.ts';

/** What parsing a job write needs. */
export interface JobInputContext {
  store: ChartHopStore;
  orgId: string;
  /** Effective date of the write (for uniqueness checks). */
  date: string;
  customFields: ChartHopField[];
  /** The job being updated (undefined on create). */
  jobId?: string;
}

const IGNORED = new Set(['id', 'jobid', 'orgid']);
const READ_ONLY = new Set([
  'open',
  'state',
  'personid',
  'person',
  'upcoming',
  'createdate',
  'daysopen',
  'daysactive',
  'filldays',
  'createat',
  'updateat',
  'personstartdate',
  'groups',
  'managerids',
  'scenarioid',
]);
const INTERVALS = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idOf(value: unknown): unknown {
  return isObject(value) ? value.id : value;
}

function money(code: string, raw: unknown): { amount: number; currency: string } {
  if (
    isObject(raw) &&
    typeof raw.amount === 'number' &&
    raw.amount >= 0 &&
    typeof raw.currency === 'string' &&
    /^[A-Z]{3}$/.test(raw.currency)
  ) {
    return { amount: raw.amount, currency: raw.currency };
  }
  throw badRequest(`invalid value for ${code}: expected { amount >= 0, currency: 3-letter code }`);
}

function payInterval(raw: unknown): ChartHopPayInterval {
  if (!isObject(raw) || typeof raw.interval !== 'string' || !INTERVALS.includes(raw.interval)) {
    throw badRequest(`invalid baseComp: interval must be one of ${INTERVALS.join(', ')}`);
  }
  const out: ChartHopPayInterval = { interval: raw.interval as ChartHopPayInterval['interval'], pay: money('baseComp.pay', raw.pay) };
  if (typeof raw.hoursPerWeek === 'number') out.hoursPerWeek = raw.hoursPerWeek;
  if (typeof raw.weeksPerYear === 'number') out.weeksPerYear = raw.weeksPerYear;
  return out;
}

function compOf(raw: unknown): ChartHopJobComp {
  if (!isObject(raw)) throw badRequest('invalid comp: expected an object');
  const out: ChartHopJobComp = {};
  if (raw.baseComp !== undefined && raw.baseComp !== null) out.baseComp = payInterval(raw.baseComp);
  if (raw.grantShares !== undefined) {
    if (typeof raw.grantShares !== 'number') throw badRequest('invalid comp.grantShares: expected a number');
    out.grantShares = raw.grantShares;
  }
  if (raw.grantValue !== undefined) out.grantValue = money('comp.grantValue', raw.grantValue);
  if (typeof raw.grantType === 'string') out.grantType = raw.grantType;
  if (Array.isArray(raw.variableTargets)) out.variableTargets = structuredClone(raw.variableTargets);
  return out;
}

function refsFor(ctx: JobInputContext): ValueRefs {
  const views = ctx.store.views(ctx.orgId, ctx.date);
  return {
    personExists: (id) => ctx.store.person(id)?.orgId === ctx.orgId,
    jobExists: (id) => views.byId.has(id),
    groupExists: (id) => ctx.store.group(id)?.orgId === ctx.orgId,
  };
}

function groupIdList(key: string, raw: unknown, ctx: JobInputContext): string[] {
  if (!Array.isArray(raw)) throw badRequest(`invalid ${key}: expected a list of group ids`);
  return raw.map((item) => {
    const id = idOf(item);
    if (typeof id !== 'string' || ctx.store.group(id)?.orgId !== ctx.orgId)
      throw badRequest(`invalid ${key}: group ${String(id)} not found`);
    return id;
  });
}

function managerJob(raw: unknown, ctx: JobInputContext): string | null {
  if (raw === null) return null;
  const id = idOf(raw);
  const views = ctx.store.views(ctx.orgId, ctx.date);
  if (typeof id === 'string' && views.byId.has(id)) return id;
  const heldJob = typeof id === 'string' ? views.byOccupant.get(id) : undefined;
  if (heldJob) return heldJob.id;
  throw badRequest(`invalid manager: ${String(id)} is neither a job nor a person in a job`);
}

/** Sets a field value after checking it; enforces `isUnique` custom fields. */
function setField(code: string, raw: unknown, ctx: JobInputContext, fields: Record<string, unknown>): void {
  const builtIn = builtInJobField(code);
  if (builtIn) {
    fields[builtIn.code] = checkFieldValue(builtIn.code, builtIn.type, builtIn.values, raw, refsFor(ctx));
    return;
  }
  const lower = code.toLowerCase();
  const def = ctx.customFields.find((f) => f.name.toLowerCase() === lower);
  if (!def) throw badRequest(`unknown field: ${code} (define it first with POST /v1/org/{org}/field)`);
  if (def.entityType === 'PERSON') throw badRequest(`field ${def.name} applies to persons, not jobs`);
  const value = checkFieldValue(def.name, def.type, def.values, raw, refsFor(ctx));
  if (def.isUnique && value !== null) {
    const clash = ctx.store.views(ctx.orgId, ctx.date).list.find((v) => v.id !== ctx.jobId && v.data.fields[def.name] === value);
    if (clash) throw conflict(`field ${def.name} must be unique: job ${clash.id} already has ${JSON.stringify(value)}`);
  }
  fields[def.name] = value;
}

/**
 * Parses a job write body against `current` (the job's data on the write
 * date, undefined on create). Throws 400/409 ChartHopErrors.
 */
export function parseJobWrite(body: unknown, ctx: JobInputContext, current?: ChartHopJobData): ChartHopJobPatch {
  if (!isObject(body)) throw badRequest('expected a JSON object body');
  const patch: ChartHopJobPatch = {};
  const fields: Record<string, unknown> = {};
  let groupIds: string[] | undefined;
  const typedGroups: [ChartHopGroupType, string | null][] = [];
  let comp: ChartHopJobComp | null | undefined;
  let base: number | undefined;
  let currency: string | undefined;
  for (const [key, raw] of Object.entries(body)) {
    const lower = key.toLowerCase();
    if (IGNORED.has(lower) || lower === 'orderedfields') continue;
    if (READ_ONLY.has(lower)) {
      throw badRequest(
        lower.startsWith('person')
          ? `${key} is read-only: place a person with a HIRE change (POST /v1/org/{org}/change/hire)`
          : `${key} is read-only`,
      );
    }
    switch (lower) {
      case 'title':
        if (typeof raw !== 'string' || raw.trim() === '') throw badRequest('invalid title: expected a non-empty string');
        patch.title = raw;
        break;
      case 'employment': {
        const value = raw === null ? null : typeof raw === 'string' ? EMPLOYMENT_VALUES[raw.toLowerCase()] : undefined;
        if (value === undefined) throw badRequest('invalid employment: expected FULL, PART, TEMP, CONTRACT, INTERN or EXPAT');
        patch.employment = value;
        break;
      }
      case 'sensitive': {
        const value = raw === null ? null : SENSITIVITY_VALUES.find((v) => typeof raw === 'string' && v === raw.toUpperCase());
        if (value === undefined) throw badRequest(`invalid sensitive: expected one of ${SENSITIVITY_VALUES.join(', ')}`);
        patch.sensitive = value;
        break;
      }
      case 'placement':
        if (raw !== null && raw !== 'NORMAL' && raw !== 'ASSISTANT') throw badRequest('invalid placement: expected NORMAL or ASSISTANT');
        patch.placement = raw;
        break;
      case 'startdate':
      case 'startdateplanned': {
        if (raw !== null && !isDateString(raw)) throw badRequest(`invalid ${key}: expected a YYYY-MM-DD date`);
        if (lower === 'startdate') patch.startDate = raw;
        else patch.startDatePlanned = raw;
        break;
      }
      case 'startdateplannedremove':
        if (raw === true) patch.startDatePlanned = null;
        break;
      case 'groupids':
      case 'setgroupids':
        groupIds = groupIdList(key, raw, ctx);
        break;
      case 'addgroupids':
        patch.addGroupIds = groupIdList(key, raw, ctx);
        break;
      case 'removegroupids':
        patch.removeGroupIds = groupIdList(key, raw, ctx);
        break;
      case 'department':
      case 'team':
      case 'location': {
        const id = raw === null ? null : idOf(raw);
        const group = typeof id === 'string' ? ctx.store.group(id) : undefined;
        if (id !== null && (group?.orgId !== ctx.orgId || group.type !== lower.toUpperCase())) {
          throw badRequest(`invalid ${key}: ${String(id)} is not a ${lower} group id of this org`);
        }
        typedGroups.push([lower.toUpperCase() as ChartHopGroupType, id as string | null]);
        break;
      }
      case 'manager':
      case 'managerjobid':
        patch.managerJobId = managerJob(raw, ctx);
        break;
      case 'relationships':
      case 'addrelationships': {
        const list = Array.isArray(raw) ? raw : [];
        const mgr = list.find((r) => isObject(r) && r.type === 'MANAGER') as Record<string, unknown> | undefined;
        if (mgr) patch.managerJobId = managerJob(mgr.jobId, ctx);
        else if (lower === 'relationships') patch.managerJobId = null;
        break;
      }
      case 'removerelationships':
        if (Array.isArray(raw) && raw.some((r) => isObject(r) && r.type === 'MANAGER')) patch.managerJobId = null;
        break;
      case 'comp':
        comp = raw === null ? null : compOf(raw);
        break;
      case 'basecomp':
        comp = { ...(comp ?? current?.comp ?? {}), baseComp: payInterval(raw) };
        break;
      case 'base':
        if (typeof raw !== 'number' || raw < 0) throw badRequest('invalid base: expected a number >= 0');
        base = raw;
        break;
      case 'currency':
        if (typeof raw !== 'string' || !/^[A-Z]{3}$/.test(raw)) throw badRequest('invalid currency: expected a 3-letter code');
        currency = raw;
        break;
      case 'grantshares':
        if (typeof raw !== 'number') throw badRequest('invalid grantShares: expected a number');
        comp = { ...(comp ?? current?.comp ?? {}), grantShares: raw };
        break;
      case 'fields':
        if (!isObject(raw)) throw badRequest('invalid fields: expected an object of field code → value');
        for (const [code, value] of Object.entries(raw)) setField(code, value, ctx, fields);
        break;
      default:
        setField(key, raw, ctx, fields);
    }
  }
  if (base !== undefined || currency !== undefined) {
    const prior = (comp === undefined ? current?.comp : (comp ?? undefined))?.baseComp;
    const amount = base ?? prior?.pay.amount;
    if (amount === undefined) throw badRequest('currency needs a base amount: send base (or baseComp) too');
    const baseComp: ChartHopPayInterval = {
      ...(prior ?? { interval: 'YEARLY' }),
      pay: { amount, currency: currency ?? prior?.pay.currency ?? 'USD' },
    };
    comp = { ...(comp ?? current?.comp ?? {}), baseComp };
  }
  if (comp !== undefined) patch.comp = comp;
  if (groupIds !== undefined || typedGroups.length > 0) {
    let next = groupIds ?? [...(current?.groupIds ?? [])];
    if (patch.removeGroupIds) next = next.filter((id) => !patch.removeGroupIds?.includes(id));
    for (const id of patch.addGroupIds ?? []) if (!next.includes(id)) next.push(id);
    for (const [type, id] of typedGroups) {
      next = next.filter((g) => ctx.store.group(g)?.type !== type);
      if (id) next.push(id);
    }
    patch.setGroupIds = next;
    delete patch.addGroupIds;
    delete patch.removeGroupIds;
  }
  if (Object.keys(fields).length > 0) patch.fields = fields;
  return patch;
}

/** Builds the data of a new job from a create body; `title` is required. */
export function parseJobCreate(body: unknown, ctx: JobInputContext): ChartHopJobData {
  const patch = parseJobWrite(body, ctx);
  if (patch.title === undefined) throw badRequest('title is required to create a job');
  for (const def of ctx.customFields) {
    if (def.isRequired && def.entityType !== 'PERSON' && (patch.fields?.[def.name] ?? null) === null) {
      throw badRequest(`field ${def.name} is required`);
    }
  }
  return applyJobPatch({ title: patch.title, groupIds: [], fields: {} }, patch);
}
