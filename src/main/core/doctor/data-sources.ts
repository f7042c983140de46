/**
 * What the doctor's data checks read: Lever's requisitions and postings (the
 * department, team and location values Lever actually uses), ChartHop's
 * departments and locations, and the hiring managers and recruiters of open
 * ChartHop jobs with their work emails.
 */
import type { ChartHopClient } from '../charthop/client.ts';
import type { ChartHopGroup } from '../charthop/schemas.ts';
import type { LeverClient } from '../lever/client.ts';

/** A department/team/location value as Lever uses it, with where it was seen. */
export interface LeverUse {
  department: string | null;
  team: string | null;
  locations: string[];
  /** Requisition code, or `posting "<title>"`. */
  source: string;
}

/** Lever's department, team and location values from requisitions and postings. */
export async function leverUses(client: LeverClient, confidential: boolean): Promise<LeverUse[]> {
  const uses: LeverUse[] = [];
  const conf = confidential ? { confidentiality: 'all' as const } : {};
  for await (const r of client.requisitions.list(conf)) {
    uses.push({
      department: clean(r.department),
      team: clean(r.team),
      locations: r.location ? [r.location.trim()] : [],
      source: r.requisitionCode,
    });
  }
  for await (const p of client.postings.list(conf)) {
    const c = p.categories;
    const locations = [c?.location, ...(c?.allLocations ?? [])].map(clean).filter((l): l is string => l !== null);
    uses.push({
      department: clean(c?.department),
      team: clean(c?.team),
      locations: [...new Set(locations)],
      source: `posting "${p.text.trim()}"`,
    });
  }
  return uses;
}

function clean(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

/** A hiring manager or recruiter of open ChartHop jobs. */
export interface StaffMember {
  personId: string;
  name: string | null;
  workEmail: string | null;
  roles: Set<'hiring manager' | 'recruiter'>;
  /** Titles of the open jobs they are on. */
  jobs: string[];
}

/** Open jobs (`!open:filled`) and their hiring managers and recruiters, by person id. */
export async function openJobStaff(client: ChartHopClient): Promise<{ openJobs: number; staff: Map<string, StaffMember> }> {
  const staff = new Map<string, StaffMember>();
  let openJobs = 0;
  const roles = [
    ['hireMgr', 'hiring manager'],
    ['recruiter', 'recruiter'],
  ] as const;
  const fields = ['title', 'open', ...roles.flatMap(([code]) => [code, `${code}.name`, `${code}.contact.workEmail`])];
  for await (const row of client.jobs.rows({ q: '!open:filled', fields })) {
    if (typeof row['open'] === 'string' && row['open'].toLowerCase() === 'filled') continue;
    openJobs += 1;
    for (const [code, role] of roles) {
      const personId = row[code];
      if (typeof personId !== 'string' || personId === '') continue;
      const member = staff.get(personId) ?? {
        personId,
        name: str(row[`${code}.name`]),
        workEmail: str(row[`${code}.contact.workEmail`]),
        roles: new Set(),
        jobs: [],
      };
      member.roles.add(role);
      member.jobs.push(str(row['title']) ?? row.id);
      staff.set(personId, member);
    }
  }
  return { openJobs, staff };
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** ChartHop departments and locations. */
export async function charthopGroups(client: ChartHopClient): Promise<{ departments: ChartHopGroup[]; locations: ChartHopGroup[] }> {
  const departments: ChartHopGroup[] = [];
  const locations: ChartHopGroup[] = [];
  for await (const g of client.orgs.groups('department')) departments.push(g);
  for await (const g of client.orgs.groups('location')) locations.push(g);
  return { departments, locations };
}
