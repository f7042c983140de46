/**
 * Data checks from ChartHop's Lever troubleshooting guide: hiring managers and
 * recruiters must exist in Lever with the same email; a Lever team name must
 * not be used under two departments; departments and locations need a
 * counterpart on the other side (the crosswalk's "unmapped values"). These
 * warn rather than fail: the integration runs, but the affected jobs will not.
 */
import type { MappableValue } from '../../../shared/api/mapping-views.ts';
import type { ChartHopGroup } from '../charthop/schemas.ts';
import type { LeverClient } from '../lever/client.ts';
import { canonicalEmail } from '../lever/account.ts';
import type { LeverUse, StaffMember } from './data-sources.ts';
import type { DoctorCheck } from './types.ts';
import { listAnd, plural } from '../../../shared/text/wording.ts';

const norm = (value: string): string => value.trim().toLowerCase();

/** Looks a crosswalk up case-insensitively (keys are ChartHop values). */
function mapped(mapping: Readonly<Record<string, string>>, value: string): string | undefined {
  const key = Object.keys(mapping).find((k) => norm(k) === norm(value));
  return key === undefined ? undefined : mapping[key];
}

/** Every hiring manager and recruiter of open ChartHop jobs has an active Lever user with the same email. */
export async function usersCheck(
  staff: ReadonlyMap<string, StaffMember>,
  openJobs: number,
  lever: LeverClient,
  userMap: Readonly<Record<string, string>>,
): Promise<DoctorCheck> {
  const base = { id: 'users.match', title: 'Hiring managers and recruiters exist in Lever' };
  const people = [...staff.values()];
  if (people.length === 0)
    return { ...base, status: 'pass', detail: `No hiring manager or recruiter is set on the ${plural(openJobs, 'open job')}.`, fix: null };
  const wanted = new Map<StaffMember, string>();
  for (const p of people) if (p.workEmail) wanted.set(p, mapped(userMap, p.workEmail) ?? p.workEmail);
  const active = await lever.account.usersByEmail([...wanted.values()]);
  const missing = [...wanted.values()].filter((e) => !active.has(canonicalEmail(e)));
  const deactivated = missing.length > 0 ? await lever.account.usersByEmail(missing, { includeDeactivated: true }) : new Map();
  const byName = new Map<string, string[]>();
  if (missing.length > deactivated.size) {
    // A Lever user with the same name but another email is the likely counterpart: say so.
    for await (const u of lever.account.users()) byName.set(norm(u.name), [...(byName.get(norm(u.name)) ?? []), u.email]);
  }
  const hint = (p: StaffMember): string => {
    const same = p.name ? byName.get(norm(p.name)) : undefined;
    return same && same.length > 0 ? ` (Lever has a user with this name: ${same.join(', ')})` : '';
  };
  const items: string[] = [];
  const mappable: Array<MappableValue | null> = [];
  for (const p of people.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''))) {
    const who = `${p.name ?? p.personId} (${listAnd([...p.roles])} of ${plural(p.jobs.length, 'open job')})`;
    const email = wanted.get(p);
    if (!email) items.push(`${who}: no work email in ChartHop`);
    else if (deactivated.has(canonicalEmail(email))) items.push(`${who}: the Lever user ${email} is deactivated`);
    else if (!active.has(canonicalEmail(email))) items.push(`${who}: no Lever user with the email ${email}${hint(p)}`);
    else continue;
    // Their ChartHop email is what a user mapping maps (whatever it maps to now).
    const fixable = email !== undefined && p.workEmail !== null && !deactivated.has(canonicalEmail(email));
    mappable.push(fixable && p.workEmail ? { kind: 'user', value: canonicalEmail(p.workEmail), from: 'charthop' } : null);
  }
  if (items.length === 0) {
    return {
      ...base,
      status: 'pass',
      detail: `All ${plural(people.length, 'hiring manager and recruiter', 'hiring managers and recruiters')} of the ${plural(openJobs, 'open job')} have a Lever user with the same email.`,
      fix: null,
    };
  }
  return {
    ...base,
    status: 'warn',
    items,
    mappable,
    detail: `${plural(items.length, 'person', 'people')} on open ChartHop jobs cannot be matched to a Lever user by email; their jobs will not sync.`,
    fix: 'Add them as Lever users with the same email, correct the email in one system, or map the emails under Mappings → Users.',
  };
}

/** Requisition codes first (sorted), then postings; at most five, with a count of the rest. */
function sourceList(sources: readonly string[]): string {
  const sorted = [...new Set(sources)].sort(
    (a, b) => Number(a.startsWith('posting ')) - Number(b.startsWith('posting ')) || a.localeCompare(b),
  );
  const shown = sorted.slice(0, 5).join(', ');
  return sorted.length > 5 ? `${shown} and ${sorted.length - 5} more` : shown;
}

/** No Lever team name is used under two departments. */
export function duplicateTeamsCheck(uses: readonly LeverUse[]): DoctorCheck {
  const base = { id: 'lever.duplicate-teams', title: 'No Lever team name under two departments' };
  const teams = new Map<string, { name: string; departments: Map<string, { name: string; sources: string[] }> }>();
  for (const use of uses) {
    if (!use.team || !use.department) continue;
    const team = teams.get(norm(use.team)) ?? { name: use.team, departments: new Map() };
    const dept = team.departments.get(norm(use.department)) ?? { name: use.department, sources: [] };
    dept.sources.push(use.source);
    team.departments.set(norm(use.department), dept);
    teams.set(norm(use.team), team);
  }
  const items = [...teams.values()]
    .filter((t) => t.departments.size > 1)
    .map((t) => `"${t.name}" under ${listAnd([...t.departments.values()].map((d) => `${d.name} (${sourceList(d.sources)})`))}`);
  if (items.length === 0)
    return {
      ...base,
      status: 'pass',
      detail: `Each of the ${plural(teams.size, 'team')} used in Lever belongs to one department.`,
      fix: null,
    };
  return {
    ...base,
    status: 'warn',
    items,
    detail: `${plural(items.length, 'team name is', 'team names are')} used under more than one Lever department; ChartHop cannot tell those teams apart.`,
    fix: 'Rename the teams in Lever so that each name belongs to one department.',
  };
}

/** ChartHop groups without a Lever counterpart and Lever values without a ChartHop one, after the crosswalk. */
export function crosswalkCheck(
  kind: 'departments' | 'locations',
  groups: readonly ChartHopGroup[],
  leverValues: ReadonlySet<string>,
  mapping: Readonly<Record<string, string>>,
): DoctorCheck {
  const singular = kind === 'departments' ? 'department' : 'location';
  const base = {
    id: `crosswalk.${kind}`,
    title: `${kind === 'departments' ? 'Departments' : 'Locations'} match between ChartHop and Lever`,
  };
  const lever = new Map([...leverValues].map((v) => [norm(v), v]));
  const claimed = new Set<string>();
  const missingInLever: string[] = [];
  for (const g of groups) {
    const target = mapped(mapping, g.name);
    const candidates = target !== undefined ? [target] : [g.name, ...(g.aliases ?? [])];
    const hit = candidates.find((c) => lever.has(norm(c)));
    if (hit === undefined) missingInLever.push(g.name);
    for (const c of [g.name, ...(g.aliases ?? []), ...(target !== undefined ? [target] : [])]) claimed.add(norm(c));
  }
  for (const value of Object.values(mapping)) claimed.add(norm(value));
  const missingInCharthop = [...lever.entries()]
    .filter(([key]) => !claimed.has(key))
    .map(([, value]) => value)
    .sort();
  const items = [
    ...missingInLever.sort().map((n) => `ChartHop ${singular} without a Lever counterpart: ${n}`),
    ...missingInCharthop.map((n) => `Lever ${singular} without a ChartHop counterpart: ${n}`),
  ];
  const mappable: MappableValue[] = [
    ...missingInLever.map((value): MappableValue => ({ kind: singular, value, from: 'charthop' })),
    ...missingInCharthop.map((value): MappableValue => ({ kind: singular, value, from: 'lever' })),
  ];
  if (items.length === 0) {
    return {
      ...base,
      status: 'pass',
      detail: `All ${plural(groups.length, `ChartHop ${singular}`)} and ${plural(lever.size, `${singular} value`)} used in Lever match.`,
      fix: null,
    };
  }
  return {
    ...base,
    status: 'warn',
    items,
    mappable,
    detail: `${plural(missingInLever.length, `ChartHop ${singular}`)} not used in Lever and ${plural(missingInCharthop.length, `Lever ${singular}`)} unknown to ChartHop (names, aliases and your mappings considered).`,
    fix: `Map the names under Mappings → ${kind === 'departments' ? 'Departments' : 'Locations'}, add them as aliases in ChartHop, or rename them to match.`,
  };
}
