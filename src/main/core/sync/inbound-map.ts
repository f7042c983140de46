/**
 * The inbound field map (Lever is the source of truth, Reverse Sync): what a
 * requisition's ChartHop job should hold, as display values and as PATCH
 * fragments (field codes; groups and people by id); and what a job holds now.
 * Lever's free-text department, team and location must resolve to exactly one
 * ChartHop group, and users to exactly one ChartHop person: anything else is
 * unmapped and the record is skipped. Pure: no I/O.
 */
import type { Crosswalk, CrosswalkKind, Miss } from './crosswalk.ts';
import type { FieldKey, FieldValues } from './fields.ts';
import { CONFIDENTIAL_SENSITIVITY, EMPLOYMENT_TO_LEVER, canonical, compDisplay, intervalFromLever, nameKey, yesNo } from './fields.ts';
import type { GroupRecord, JobRecord, LeverUserRecord, RequisitionRecord } from './model.ts';
import type { MappedRecord } from './outbound-map.ts';
import { isConfidentialJob } from './outbound-map.ts';
import { leverStatusFor, recruitStatusFor } from './status-map.ts';

/** ChartHop groups indexed for resolving Lever's free-text values. */
export interface GroupIndex {
  byKind: Record<GroupRecord['kind'], GroupRecord[]>;
  /** The org's REMOTE location group, if it has one. */
  remote: GroupRecord | null;
}

/** Index groups by kind and find the REMOTE location. */
export function indexGroups(groups: readonly GroupRecord[]): GroupIndex {
  const byKind: GroupIndex['byKind'] = { department: [], team: [], location: [] };
  for (const g of groups) byKind[g.kind].push(g);
  return { byKind, remote: byKind.location.find((g) => g.remote) ?? null };
}

/** What the inbound mapping needs besides the requisition. */
export interface InboundMapContext {
  crosswalk: Crosswalk;
  usersById: ReadonlyMap<string, LeverUserRecord>;
  /** ChartHop person id by canonical work email; null when two people share the address. */
  peopleByEmail: ReadonlyMap<string, string | null>;
  groups: GroupIndex;
  remoteDefault: boolean;
}

/** PATCH fragments per mapped field. */
export type ChartHopWrites = Partial<Record<FieldKey, Record<string, unknown>>>;

const LEVER_TO_EMPLOYMENT = new Map(Object.entries(EMPLOYMENT_TO_LEVER).map(([ch, lever]) => [lever, ch]));
const lower = (value: string): string => value.trim().toLowerCase();

function groupFor(
  kind: CrosswalkKind & GroupRecord['kind'],
  value: string,
  ctx: InboundMapContext,
  parentId: string | null,
  misses: Miss[],
  warnings: string[],
): GroupRecord | null {
  const explicit = ctx.crosswalk.toCharthop(kind, value);
  const names = new Set((explicit.length > 0 ? explicit : [value]).map(nameKey));
  let hits = ctx.groups.byKind[kind].filter((g) => names.has(nameKey(g.name)) || g.aliases.some((a) => names.has(nameKey(a))));
  // A team name used under two departments resolves through the department (only a team comes with a parent).
  if (hits.length > 1 && parentId) hits = hits.filter((g) => g.parentId === parentId);
  const [hit] = hits;
  if (hits.length === 1 && hit) {
    // Matched, but not as typed (case aside): say so, so the spelling can be made exact.
    const asTyped = (v: string): string => v.toLowerCase();
    const plain = new Set((explicit.length > 0 ? explicit : [value]).map(asTyped));
    if (!plain.has(asTyped(hit.name)) && !hit.aliases.some((a) => plain.has(asTyped(a)))) {
      warnings.push(
        `Lever's ${kind} "${value}" matched ChartHop's "${hit.name}" only once spaces or Unicode accents were normalised; fix the spelling in one system to make it exact.`,
      );
    }
    return hit;
  }
  misses.push({ kind, value: hits.length === 0 ? value.trim() : `${value.trim()} (matches ${hits.length} ChartHop ${kind}s)` });
  return null;
}

function personFor(
  userId: string,
  role: string,
  ctx: InboundMapContext,
  misses: Miss[],
  warnings: string[],
): { id: string; email: string } | null {
  const user = ctx.usersById.get(userId);
  // A user who left Lever cannot be mapped, but the rest of the record still syncs: the field is left out.
  if (!user) {
    warnings.push(
      `The requisition's ${role} (Lever user ${userId}) is no longer a Lever user, so the job's ${role} was left as it is. Set a current user on the requisition in Lever.`,
    );
    return null;
  }
  if (user.deactivated) {
    warnings.push(
      `The requisition's ${role}, ${user.name} (${canonical(user.email)}), is deactivated in Lever, so the job's ${role} was left as it is. Set a current user on the requisition in Lever.`,
    );
    return null;
  }
  const candidates = [...ctx.crosswalk.toCharthop('user', user.email), user.email].map(canonical);
  for (const email of candidates) {
    const id = ctx.peopleByEmail.get(email);
    if (id) return { id, email };
  }
  misses.push({ kind: 'user', value: canonical(user.email) });
  return null;
}

/**
 * What the requisition's job should hold. `create` writes every field it has a value for (and
 * the Remote location for a requisition without one when the option is on); `update` leaves
 * alone an empty hiring manager, owner, compensation or (under the Remote default) location,
 * and the recruiting status of a filled job or one with an announced hire (Pending).
 */
export function desiredJob(
  req: RequisitionRecord,
  ctx: InboundMapContext,
  purpose: 'create' | 'update',
  current?: JobRecord,
): MappedRecord<ChartHopWrites> {
  const values: FieldValues = {};
  const write: ChartHopWrites = {};
  const misses: Miss[] = [];
  const problems: string[] = [];
  const warnings: string[] = [];
  const set = (key: FieldKey, display: string | null, fragment: Record<string, unknown>): void => {
    values[key] = display;
    write[key] = fragment;
  };

  set('code', req.code.trim(), { req: req.code.trim() });
  set('title', req.name.trim(), { title: req.name.trim() });
  if (purpose === 'create') set('status', 'Active', { recruit: 'Active' });
  else if (current && current.open && current.recruit !== 'Pending') {
    // A status that already means the requisition's (Offer for open, Passive for onHold) is kept.
    const same = leverStatusFor(current.recruit, true) === req.status;
    const recruit = same && current.recruit ? current.recruit : recruitStatusFor(req.status);
    set('status', recruit, { recruit });
  }
  if (purpose === 'update' || req.confidential) {
    set('confidential', yesNo(req.confidential), { sensitive: req.confidential ? CONFIDENTIAL_SENSITIVITY : null });
  }

  if (req.employmentStatus) {
    const explicit = ctx.crosswalk.toCharthop('employment', req.employmentStatus);
    const fromTable = LEVER_TO_EMPLOYMENT.get(lower(req.employmentStatus));
    const employment = fromTable && explicit.includes(fromTable) ? fromTable : (explicit[0] ?? fromTable);
    if (employment) set('employment', employment.toUpperCase(), { employment: employment.toUpperCase() });
    else misses.push({ kind: 'employment', value: req.employmentStatus });
  } else if (purpose === 'update') {
    set('employment', null, { employment: null });
  }

  const department = req.department ? groupFor('department', req.department, ctx, null, misses, warnings) : null;
  if (department || purpose === 'update') set('department', department?.name ?? null, { department: department?.id ?? null });
  const team = req.team ? groupFor('team', req.team, ctx, department?.id ?? null, misses, warnings) : null;
  if (team || purpose === 'update') set('team', team?.name ?? null, { team: team?.id ?? null });
  if (team && department && team.parentId && team.parentId !== department.id) {
    const teamDepartment = ctx.groups.byKind.department.find((g) => g.id === team.parentId)?.name;
    warnings.push(
      `Lever's team "${req.team?.trim()}" is ChartHop's team "${team.name}", which belongs to ${teamDepartment ? `"${teamDepartment}"` : 'another department'}, not to "${department.name}": the job gets both as they are. Check the requisition's department and team in Lever.`,
    );
  }
  if (req.location) {
    const location = groupFor('location', req.location, ctx, null, misses, warnings);
    if (location) set('location', location.name, { location: location.id });
  } else if (ctx.remoteDefault) {
    if (purpose === 'create' && ctx.groups.remote) set('location', ctx.groups.remote.name, { location: ctx.groups.remote.id });
  } else if (purpose === 'update') {
    set('location', null, { location: null });
  }

  for (const [key, userId, code, role] of [
    ['hiringManager', req.hiringManagerId, 'hireMgr', 'hiring manager'],
    ['recruiter', req.ownerId, 'recruiter', 'recruiter'],
  ] as const) {
    if (!userId) continue;
    const person = personFor(userId, role, ctx, misses, warnings);
    if (person) set(key, person.email, { [code]: person.id });
  }

  const band = req.compensationBand;
  if (band && band.max !== null) {
    const interval = intervalFromLever(band.interval);
    if (!interval) problems.push(`the compensation interval "${String(band.interval)}" has no ChartHop equivalent`);
    else {
      const currency = band.currency.toUpperCase();
      set('compensation', compDisplay(band.max, currency, interval), { baseComp: { interval, pay: { amount: band.max, currency } } });
    }
  }

  if (misses.length > 0 || problems.length > 0) return { ok: false, misses, problems };
  return { ok: true, values, write, warnings };
}

/** What a ChartHop job holds now, in display values. */
export function currentJob(job: JobRecord): FieldValues {
  const person = (p: JobRecord['hiringManager']): string | null => (p ? (p.email?.toLowerCase() ?? `ChartHop person ${p.id}`) : null);
  return {
    code: job.req,
    title: job.title,
    status: job.recruit,
    confidential: yesNo(isConfidentialJob(job)),
    employment: job.employment,
    department: job.department,
    team: job.team,
    location: job.location,
    hiringManager: person(job.hiringManager),
    recruiter: person(job.recruiter),
    compensation: job.baseComp ? compDisplay(job.baseComp.amount, job.baseComp.currency, job.baseComp.interval) : null,
  };
}

/** Merges the fragments of `keys` into one PATCH body. */
export function chartHopBody(write: ChartHopWrites, keys: Iterable<FieldKey>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of keys) Object.assign(body, write[key] ?? {});
  return body;
}
