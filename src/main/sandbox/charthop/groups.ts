// Groups: departments, teams and locations. Both spec generations are served:
// `/v2/org/{org}/group/{type}` (type in any case, singular or plural) and
// `/v2/org/{org}/group?type=…`. Names are unique per type within an org (our
// choice; ChartHop matches ATS departments/teams/locations by name or alias).
import type { PageFault } from '../http/index.ts';
import { badRequest, conflict, notFound } from './errors.ts';
import { emitEvent } from './events.ts';
import { pageRows } from './pagination.ts';
import type { ChartHopAddress, ChartHopGroup, ChartHopGroupType } from './state.ts';
import type { ChartHopStore } from './store.ts';
import type { Actor } from './timeline-write.ts';

/** The group type for a path segment or `type=` value, or undefined. */
export function parseGroupType(raw: string): ChartHopGroupType | undefined {
  const upper = raw.toUpperCase().replace(/S$/, '');
  return upper === 'DEPARTMENT' || upper === 'TEAM' || upper === 'LOCATION' ? upper : undefined;
}

/** Filters of the group list. */
export interface GroupQuery {
  type?: ChartHopGroupType;
  /** Matches name, code and aliases (contains, case-insensitive). */
  search?: string;
  ids?: string[];
  from?: string;
  limit: number;
  pageFault?: PageFault;
}

/** Lists an org's groups by id. */
export function listGroups(store: ChartHopStore, orgId: string, query: GroupQuery): { data: ChartHopGroup[]; next?: string } {
  const search = query.search?.toLowerCase();
  const wanted = query.ids ? new Set(query.ids) : undefined;
  const rows = store.state.groups
    .filter(
      (g) =>
        g.orgId === orgId &&
        (!query.type || g.type === query.type) &&
        (!wanted || wanted.has(g.id)) &&
        (!search || [g.name, g.code ?? '', ...g.aliases].some((s) => s.toLowerCase().includes(search))),
    )
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const { page, next } = pageRows(rows, (g) => g.id, query.from, query.limit, true, query.pageFault);
  const data = page.map((g) => structuredClone(g));
  return next === undefined ? { data } : { data, next };
}

/** One group by id or slug (optionally of a given type). */
export function getGroup(store: ChartHopStore, orgId: string, ref: string, type?: ChartHopGroupType): ChartHopGroup {
  const group = store.group(ref) ?? store.state.groups.find((g) => g.orgId === orgId && g.slug === ref && (!type || g.type === type));
  if (group?.orgId !== orgId || (type && group.type !== type)) throw notFound(`group ${ref} not found`);
  return group;
}

function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'group'
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function applyGroupWrite(store: ChartHopStore, group: ChartHopGroup, body: Record<string, unknown>): void {
  for (const [key, raw] of Object.entries(body)) {
    switch (key) {
      case 'id':
      case 'orgId':
      case 'type':
      case 'slug':
      case 'createAt':
      case 'updateAt':
        break;
      case 'name':
        if (typeof raw !== 'string' || raw.trim() === '') throw badRequest('invalid name: expected a non-empty string');
        group.name = raw;
        break;
      case 'code':
        if (raw === null) delete group.code;
        else if (typeof raw === 'string') group.code = raw;
        else throw badRequest('invalid code: expected a string');
        break;
      case 'aliases':
        if (!Array.isArray(raw) || raw.some((a) => typeof a !== 'string')) throw badRequest('invalid aliases: expected a list of strings');
        group.aliases = [...raw] as string[];
        break;
      case 'parentGroupId': {
        if (raw === null) delete group.parentGroupId;
        else if (typeof raw === 'string' && store.group(raw)?.orgId === group.orgId) group.parentGroupId = raw;
        else throw badRequest(`invalid parentGroupId: group ${String(raw)} not found`);
        break;
      }
      case 'locationType':
        if (group.type !== 'LOCATION') throw badRequest('locationType applies to locations only');
        if (raw !== 'OFFICE' && raw !== 'REMOTE') throw badRequest('invalid locationType: expected OFFICE or REMOTE');
        group.locationType = raw;
        break;
      case 'address':
        if (raw === null) delete group.address;
        else if (isObject(raw) && typeof raw.country === 'string' && /^[A-Z]{2}$/.test(raw.country))
          group.address = structuredClone(raw) as unknown as ChartHopAddress;
        else throw badRequest('invalid address: country (2-letter ISO code) is required');
        break;
      case 'timezone':
        if (typeof raw !== 'string') throw badRequest('invalid timezone: expected an IANA name');
        group.timezone = raw;
        break;
      default:
        throw badRequest(`unknown group field: ${key}`);
    }
  }
  if (group.type === 'LOCATION' && group.locationType === 'REMOTE' && group.address?.street1) {
    throw badRequest('a REMOTE location has no street address');
  }
  const clash = store.state.groups.find(
    (g) => g.id !== group.id && g.orgId === group.orgId && g.type === group.type && g.name.toLowerCase() === group.name.toLowerCase(),
  );
  if (clash) throw conflict(`a ${group.type.toLowerCase()} named ${group.name} already exists (${clash.id})`);
}

/** `POST /v2/org/{org}/group/{type}` (event `group.create`). */
export function createGroup(store: ChartHopStore, orgId: string, actor: Actor, type: ChartHopGroupType, body: unknown): ChartHopGroup {
  if (!isObject(body)) throw badRequest('expected a JSON object body');
  if (typeof body.name !== 'string') throw badRequest('name is required');
  const now = store.nowIso();
  const group: ChartHopGroup = { id: store.newId(), orgId, type, name: body.name, slug: '', aliases: [], createAt: now, updateAt: now };
  if (type === 'LOCATION') group.locationType = 'OFFICE';
  applyGroupWrite(store, group, body);
  let slug = slugify(group.name);
  for (let n = 2; store.state.groups.some((g) => g.orgId === orgId && g.slug === slug); n += 1) slug = `${slugify(group.name)}-${n}`;
  group.slug = slug;
  store.addGroup(group);
  emitEvent(store, orgId, actor.userId, { entityType: 'GROUP', type: 'create', entityId: group.id, payload: { type } });
  return structuredClone(group);
}

/** `PATCH /v2/org/{org}/group/{type}/{groupId}` (event `group.update`). */
export function updateGroup(
  store: ChartHopStore,
  orgId: string,
  actor: Actor,
  ref: string,
  type: ChartHopGroupType | undefined,
  body: unknown,
): ChartHopGroup {
  if (!isObject(body)) throw badRequest('expected a JSON object body');
  const group = getGroup(store, orgId, ref, type);
  const trial = structuredClone(group);
  applyGroupWrite(store, trial, body);
  Object.assign(group, trial, { updateAt: store.nowIso() });
  emitEvent(store, orgId, actor.userId, { entityType: 'GROUP', type: 'update', entityId: group.id, payload: { type: group.type } });
  return structuredClone(group);
}
