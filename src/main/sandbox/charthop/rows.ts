// Field-code resolution for job and person rows: what `fields=` projects and
// what `q=` compares. Codes are case-insensitive; dotted paths walk into
// groups (`department.name`), people (`hireMgr.contact.workEmail`) and plain
// objects (`location.address.city`). A reference (group, person) requested
// without a sub-path renders as its id, like `"manager": "<id>"` in the
// reference's example row.
import { daysBetween } from './dates.ts';
import { builtInJobField } from './field-catalog.ts';
import { isQueryRef } from './query.ts';
import type { QueryRef } from './query.ts';
import type { ChartHopField, ChartHopGroup, ChartHopGroupType, ChartHopPayInterval, ChartHopPerson } from './state.ts';
import type { ChartHopStore, JobViewSet } from './store.ts';
import type { ChartHopJobView } from './timeline.ts';

/** What resolving a field needs besides the row. */
export interface RowContext {
  store: ChartHopStore;
  orgId: string;
  asOf: string;
  views: JobViewSet;
  customFields: ChartHopField[];
}

interface EntityRef extends QueryRef {
  readonly entity: 'group' | 'person';
  readonly target: ChartHopGroup | ChartHopPerson;
}

const JOB_CODES = new Set([
  'id',
  'jobid',
  'orgid',
  'title',
  'open',
  'state',
  'employment',
  'sensitive',
  'placement',
  'startdate',
  'startdateplanned',
  'createdate',
  'department',
  'team',
  'location',
  'groupids',
  'groups',
  'manager',
  'managerids',
  'personid',
  'person',
  'upcoming',
  'personstartdate',
  'comp',
  'basecomp',
  'base',
  'currency',
  'variable',
  'grantshares',
  'daysopen',
  'daysactive',
  'filldays',
  'createat',
  'updateat',
  'fields',
]);
const PERSON_CODES = new Set([
  'id',
  'personid',
  'orgid',
  'name',
  'contact',
  'contacts',
  'workemail',
  'homeemail',
  'personalemail',
  'mobilephone',
  'workphone',
  'homephone',
  'address',
  'birthdate',
  'gender',
  'createat',
  'updateat',
  'state',
  'jobid',
  'title',
  'department',
  'team',
  'location',
  'manager',
  'startdate',
  'fields',
]);
const CONTACT_TYPES: Record<string, string> = {
  workemail: 'WORK_EMAIL',
  homeemail: 'HOME_EMAIL',
  personalemail: 'HOME_EMAIL',
  mobilephone: 'MOBILE_PHONE',
  workphone: 'WORK_PHONE',
  homephone: 'HOME_PHONE',
  linkedin: 'LINKEDIN',
  employee: 'EMPLOYEE',
  lever: 'LEVER',
};

/** The contact type (WORK_EMAIL, …) for a contact code such as `workEmail`. */
export function contactType(code: string): string {
  return CONTACT_TYPES[code.toLowerCase()] ?? code.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

/** A person's display name ("pref or first" + "last"). */
export function fullName(person: ChartHopPerson): string {
  return [person.name.pref ?? person.name.first, person.name.prefLast ?? person.name.last].filter(Boolean).join(' ');
}

function groupRef(group: ChartHopGroup): EntityRef {
  return { entity: 'group', target: group, refId: group.id, matchKeys: [group.name, group.slug, group.code ?? '', ...group.aliases] };
}

function personRef(person: ChartHopPerson): EntityRef {
  return { entity: 'person', target: person, refId: person.id, matchKeys: [fullName(person), ...person.contacts.map((c) => c.value)] };
}

function customField(ctx: RowContext, code: string, entity: 'JOB' | 'PERSON'): ChartHopField | undefined {
  const lower = code.toLowerCase();
  return ctx.customFields.find(
    (f) => f.name.toLowerCase() === lower && (entity === 'PERSON' ? f.entityType === 'PERSON' : f.entityType !== 'PERSON'),
  );
}

function refFor(ctx: RowContext, type: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (type === 'PERSON') {
    const person = ctx.store.person(value);
    return person ? personRef(person) : value;
  }
  if (type === 'GROUP') {
    const group = ctx.store.group(value);
    return group ? groupRef(group) : value;
  }
  return value;
}

function walk(value: unknown, path: string[], ctx: RowContext): unknown {
  if (path.length === 0 || value === undefined || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => walk(item, path, ctx));
  if (isQueryRef(value)) {
    const ref = value as EntityRef;
    return ref.entity === 'group'
      ? resolveGroup(ref.target as ChartHopGroup, path, ctx)
      : resolvePerson(ref.target as ChartHopPerson, path, ctx);
  }
  if (typeof value !== 'object') return undefined;
  const head = (path[0] as string).toLowerCase();
  const key = Object.keys(value).find((k) => k.toLowerCase() === head);
  return key === undefined ? undefined : walk((value as Record<string, unknown>)[key], path.slice(1), ctx);
}

function resolveGroup(group: ChartHopGroup, path: string[], ctx: RowContext): unknown {
  if ((path[0] as string).toLowerCase() === 'parent') {
    const parent = group.parentGroupId ? ctx.store.group(group.parentGroupId) : undefined;
    return parent ? walk(groupRef(parent), path.slice(1), ctx) : undefined;
  }
  return walk(group, path, ctx);
}

function annualized(base: ChartHopPayInterval | undefined): number | undefined {
  if (!base) return undefined;
  const perYear = {
    YEARLY: 1,
    MONTHLY: 12,
    WEEKLY: base.weeksPerYear ?? 52,
    DAILY: 260,
    HOURLY: (base.hoursPerWeek ?? 40) * (base.weeksPerYear ?? 52),
  };
  return base.pay.amount * perYear[base.interval];
}

function groupOfType(view: ChartHopJobView, type: ChartHopGroupType, ctx: RowContext): EntityRef | undefined {
  for (const id of view.data.groupIds) {
    const group = ctx.store.group(id);
    if (group?.type === type) return groupRef(group);
  }
  return undefined;
}

function managerPerson(view: ChartHopJobView, ctx: RowContext): EntityRef | undefined {
  const managerJob = view.data.managerJobId ? ctx.views.byId.get(view.data.managerJobId) : undefined;
  const person = managerJob?.occupantId ? ctx.store.person(managerJob.occupantId) : undefined;
  return person ? personRef(person) : undefined;
}

/** The value of a field path on a job row (undefined when empty). */
export function resolveJob(view: ChartHopJobView, path: string[], ctx: RowContext): unknown {
  const head = (path[0] ?? '').toLowerCase();
  const rest = path.slice(1);
  const data = view.data;
  const comp = data.comp;
  const simple: Record<string, unknown> = {
    id: view.id,
    jobid: view.id,
    orgid: view.orgId,
    title: data.title,
    open: view.open,
    state: view.open === 'filled' ? 'FILLED' : 'OPEN',
    employment: data.employment,
    sensitive: data.sensitive,
    placement: data.placement,
    startdate: data.startDate,
    startdateplanned: data.startDatePlanned,
    createdate: view.createDate,
    groupids: data.groupIds,
    managerids: data.managerJobId ? [data.managerJobId] : [],
    personid: view.personId,
    upcoming: view.upcoming,
    personstartdate: view.personStartDate,
    comp,
    base: comp?.baseComp?.pay.amount,
    currency: comp?.baseComp?.pay.currency,
    variable: comp?.variableTargets,
    grantshares: comp?.grantShares,
    createat: view.createAt,
    updateat: view.updateAt,
  };
  if (head in simple) return walk(simple[head], rest, ctx);
  switch (head) {
    case 'department':
    case 'team':
    case 'location':
      return walk(groupOfType(view, head.toUpperCase() as ChartHopGroupType, ctx), rest, ctx);
    case 'groups':
      return walk(
        data.groupIds
          .map((id) => ctx.store.group(id))
          .filter((g) => g !== undefined)
          .map(groupRef),
        rest,
        ctx,
      );
    case 'manager':
      return walk(managerPerson(view, ctx), rest, ctx);
    case 'person': {
      const person = view.personId ? ctx.store.person(view.personId) : undefined;
      return walk(person ? personRef(person) : undefined, rest, ctx);
    }
    case 'basecomp':
      // FX is not modelled: `asOrgCurrency` is the annualized amount as is.
      if (rest[0]?.toLowerCase() === 'annualized') return annualized(comp?.baseComp);
      return walk(comp?.baseComp, rest, ctx);
    case 'daysopen':
      return view.open === 'open' ? daysBetween(view.openSince, ctx.asOf) : undefined;
    case 'daysactive': {
      const since = data.fields.recruitActiveDate;
      return view.open === 'open' && typeof since === 'string' && since <= ctx.asOf ? daysBetween(since, ctx.asOf) : undefined;
    }
    case 'filldays': {
      const { recruitActiveDate: from, offerAcceptDate: to } = data.fields;
      return typeof from === 'string' && typeof to === 'string' ? daysBetween(from, to) : undefined;
    }
    case 'fields':
      return rest.length === 0 ? customFieldValues(data.fields, ctx, 'JOB') : resolveJob(view, rest, ctx);
  }
  const builtIn = builtInJobField(head);
  if (builtIn) return walk(refFor(ctx, builtIn.type, data.fields[builtIn.code]), rest, ctx);
  const custom = customField(ctx, head, 'JOB');
  if (custom) return walk(refFor(ctx, custom.type, data.fields[custom.name]), rest, ctx);
  const person = view.personId ? ctx.store.person(view.personId) : undefined;
  return person ? resolvePerson(person, path, ctx) : undefined;
}

function customFieldValues(values: Record<string, unknown>, ctx: RowContext, entity: 'JOB' | 'PERSON'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [code, value] of Object.entries(values)) if (customField(ctx, code, entity)) out[code] = value;
  return out;
}

/** The job a person holds on the context's date, else the job they are announced into. */
export function jobOfPerson(personId: string, ctx: RowContext): ChartHopJobView | undefined {
  return ctx.views.byOccupant.get(personId) ?? ctx.views.byAnnounced.get(personId);
}

/** The value of a field path on a person row (undefined when empty). */
export function resolvePerson(person: ChartHopPerson, path: string[], ctx: RowContext): unknown {
  const head = (path[0] ?? '').toLowerCase();
  const rest = path.slice(1);
  switch (head) {
    case 'id':
    case 'personid':
      return person.id;
    case 'orgid':
      return person.orgId;
    case 'name':
      if (rest.length === 0) return fullName(person);
      if (rest[0]?.toLowerCase() === 'full') return fullName(person);
      return walk(person.name, rest, ctx);
    case 'contact':
      return rest[0] ? person.contacts.find((c) => c.type === contactType(rest[0] as string))?.value : undefined;
    case 'contacts':
      return walk(person.contacts, rest, ctx);
    case 'address':
      return walk(person.address, rest, ctx);
    case 'birthdate':
      return person.birthDate;
    case 'gender':
      return person.gender;
    case 'createat':
      return person.createAt;
    case 'updateat':
      return person.updateAt;
    case 'fields':
      return rest.length === 0 ? customFieldValues(person.fields, ctx, 'PERSON') : resolvePerson(person, rest, ctx);
    case 'state':
      return ctx.views.byOccupant.has(person.id) ? 'PRIMARY' : ctx.views.byAnnounced.has(person.id) ? 'PENDING' : 'INACTIVE';
  }
  if (head in CONTACT_TYPES) return person.contacts.find((c) => c.type === contactType(head))?.value;
  const job = jobOfPerson(person.id, ctx);
  switch (head) {
    case 'jobid':
      return job?.id;
    case 'startdate':
      return job?.personStartDate;
    case 'title':
    case 'department':
    case 'team':
    case 'location':
    case 'manager':
      return job ? resolveJob(job, path, ctx) : undefined;
  }
  const custom = customField(ctx, head, 'PERSON');
  return custom ? walk(refFor(ctx, custom.type, person.fields[custom.name]), rest, ctx) : undefined;
}

/** True when `path`'s first segment names a job field (incl. person codes on the job's person). */
export function isJobFieldPath(path: string, ctx: RowContext): boolean {
  const head = (path.split('.')[0] ?? '').toLowerCase();
  return (
    JOB_CODES.has(head) ||
    builtInJobField(head) !== undefined ||
    customField(ctx, head, 'JOB') !== undefined ||
    isPersonFieldPath(path, ctx)
  );
}

/** True when `path`'s first segment names a person field. */
export function isPersonFieldPath(path: string, ctx: RowContext): boolean {
  const head = (path.split('.')[0] ?? '').toLowerCase();
  return PERSON_CODES.has(head) || head in CONTACT_TYPES || customField(ctx, head, 'PERSON') !== undefined;
}

/** Turns a resolved value into JSON: references become ids, empties become null. */
export function renderValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (isQueryRef(value)) return value.refId;
  if (Array.isArray(value)) return value.map(renderValue);
  return value;
}

/** A flat row with exactly the requested field paths as keys. */
export function projectRow(resolve: (path: string[]) => unknown, fields: readonly string[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const field of fields) row[field] = renderValue(resolve(field.split('.')));
  return row;
}
