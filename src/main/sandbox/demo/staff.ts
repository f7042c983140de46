// Managers and recruiters: ChartHop people in filled jobs AND Lever users,
// matched by email — except a few deliberate mismatches (another local part,
// another domain, or no Lever user at all) and case-only variants, all
// recorded in `facts` so tests can assert on them.
import type { DepartmentSpec } from './catalog.ts';
import { COMPANY_DOMAIN, DEPARTMENTS, LOCATIONS } from './catalog.ts';
import { addHire, addJob, addPerson } from './charthop-writes.ts';
import { shiftDate } from './dates.ts';
import type { DemoName } from './names.ts';
import type { OrgGroups } from './org.ts';
import type { DemoEmailMismatch } from './types.ts';
import type { World } from './world.ts';

/** A manager or recruiter known to both systems (or meant to be). */
export interface Staff {
  role: 'manager' | 'recruiter';
  name: DemoName;
  personId: string;
  jobId: string;
  dept: DepartmentSpec;
  charthopEmail: string;
  leverUserId?: string;
  leverEmail?: string;
}

/** The people structure the jobs hang off. */
export interface StaffPlan {
  ceoJobId?: string;
  managers: Staff[];
  recruiters: Staff[];
  /** Departments that have a manager (jobs are only placed there). */
  managedDepartments: DepartmentSpec[];
  jobCount: number;
}

const MISMATCH_KINDS: DemoEmailMismatch['kind'][] = ['different-local-part', 'missing-in-lever', 'different-domain'];

/** Sizes of the staff for a number of jobs. */
export function staffSizes(jobs: number): { ceo: boolean; managers: number; recruiters: number } {
  return { ceo: jobs >= 10, managers: Math.max(2, Math.round(jobs / 8)), recruiters: Math.max(1, Math.round(jobs / 25)) };
}

function staffJob(
  world: World,
  groups: OrgGroups,
  title: string,
  dept: DepartmentSpec,
  team: string | undefined,
  managerJobId: string | undefined,
): { jobId: string; date: string } {
  const date = shiftDate(world.today, -world.r.int(400, 1400));
  const loc = world.r.weighted(LOCATIONS, (l) => l.weight);
  const groupIds = [
    groups.departments.get(dept.name)?.id,
    team ? groups.teams.get(team)?.id : undefined,
    groups.locations.get(loc.name)?.id,
  ].filter((id): id is string => id !== undefined);
  const base = Math.round((150_000 + world.r.next() * 60_000) / 1000) * 1000;
  const jobId = addJob(
    world,
    {
      title,
      employment: 'FULL',
      groupIds,
      ...(managerJobId ? { managerJobId } : {}),
      comp: { baseComp: { interval: 'YEARLY', pay: { amount: base, currency: loc.currency } } },
      fields: { costCenter: `CC-${dept.code}` },
    },
    date,
  );
  return { jobId, date };
}

function place(
  world: World,
  groups: OrgGroups,
  role: Staff['role'],
  title: string,
  dept: DepartmentSpec,
  team: string | undefined,
  managerJobId?: string,
): Staff {
  const { jobId, date } = staffJob(world, groups, title, dept, team, managerJobId);
  const name = world.names.name();
  const email = world.names.workEmail(name);
  const hireDate = shiftDate(date, world.r.int(10, 60));
  const person = addPerson(world, name, { workEmail: email }, hireDate);
  addHire(world, jobId, person.id, hireDate);
  return { role, name, personId: person.id, jobId, dept, charthopEmail: email };
}

/** Creates the CEO (from 10 jobs on), managers, recruiters and their Lever users. */
export function buildStaff(world: World, groups: OrgGroups, jobs: number): StaffPlan {
  const sizes = staffSizes(jobs);
  let ceoJobId: string | undefined;
  if (sizes.ceo) {
    const ceo = place(world, groups, 'manager', 'Chief Executive Officer', DEPARTMENTS[0] as DepartmentSpec, undefined);
    ceoJobId = ceo.jobId;
  }
  const byWeight = [...DEPARTMENTS].sort((a, b) => b.weight - a.weight);
  const managers: Staff[] = [];
  for (let i = 0; i < sizes.managers; i += 1) {
    const dept = byWeight[i % byWeight.length] as DepartmentSpec;
    managers.push(place(world, groups, 'manager', `${dept.name} Manager`, dept, dept.teams[i % dept.teams.length], ceoJobId));
  }
  const people = DEPARTMENTS.find((d) => d.name === 'People') as DepartmentSpec;
  const recruiters: Staff[] = [];
  for (let i = 0; i < sizes.recruiters; i += 1) {
    recruiters.push(
      place(world, groups, 'recruiter', i % 3 === 0 ? 'Senior Recruiter' : 'Recruiter', people, 'Talent Acquisition', managers[0]?.jobId),
    );
  }
  addLeverUsers(world, managers, recruiters);
  const managed = byWeight.slice(0, Math.min(byWeight.length, managers.length));
  return {
    ...(ceoJobId ? { ceoJobId } : {}),
    managers,
    recruiters,
    managedDepartments: managed,
    jobCount: (ceoJobId ? 1 : 0) + managers.length + recruiters.length,
  };
}

function mismatchTargets(managers: Staff[], recruiters: Staff[]): Staff[] {
  const total = managers.length + recruiters.length;
  const count = Math.min(Math.max(3, Math.round(total * 0.04)), 25, total - 1);
  const targets: Staff[] = [];
  let m = 0;
  let r = 0;
  for (let i = 0; targets.length < count; i += 1) {
    // Alternate so both roles carry mismatches; keep one clean recruiter.
    const takeRecruiter = i % 3 === 1 && r < recruiters.length - 1;
    const next = takeRecruiter ? recruiters[r++] : (managers[m++] ?? recruiters[r++]);
    if (!next) break;
    targets.push(next);
  }
  return targets;
}

function addLeverUsers(world: World, managers: Staff[], recruiters: Staff[]): void {
  const mismatched = new Map(
    mismatchTargets(managers, recruiters).map((s, i) => [s, MISMATCH_KINDS[i % MISMATCH_KINDS.length] as DemoEmailMismatch['kind']]),
  );
  let caseVariants = 0;
  for (const staff of [...managers, ...recruiters]) {
    const kind = mismatched.get(staff);
    let email = staff.charthopEmail;
    if (kind === 'different-local-part')
      email = `${staff.name.first
        .normalize('NFD')
        .replace(/[^A-Za-z]/g, '')
        .charAt(0)
        .toLowerCase()}${staff.charthopEmail.split('.')[1]?.split('@')[0] ?? 'x'}@${COMPANY_DOMAIN}`;
    if (kind === 'different-domain') email = staff.charthopEmail.replace(`@${COMPANY_DOMAIN}`, '@northwindlabs.example');
    if (!kind && caseVariants < 2 && staff.role === 'manager' && managers.indexOf(staff) % 5 === 4) {
      email = staff.charthopEmail.replace(/^./, (c) => c.toUpperCase()).replace('@northwind', '@Northwind');
      caseVariants += 1;
      world.facts.emailCaseVariants.push({
        name: `${staff.name.first} ${staff.name.last}`,
        charthopEmail: staff.charthopEmail,
        leverEmail: email,
      });
    }
    if (kind === 'missing-in-lever') {
      world.facts.emailMismatches.push({
        name: `${staff.name.first} ${staff.name.last}`,
        role: staff.role,
        charthopPersonId: staff.personId,
        charthopEmail: staff.charthopEmail,
        kind,
      });
      continue;
    }
    const id = world.r.uuid();
    staff.leverUserId = id;
    staff.leverEmail = email;
    world.lever.users.push({
      id,
      name: `${staff.name.first} ${staff.name.last}`,
      email,
      username: email.split('@')[0] ?? email,
      accessRole: staff.role === 'recruiter' ? 'admin' : 'team member',
      createdAt: world.now - world.r.int(200, 900) * 86_400_000,
      jobTitle: staff.role === 'recruiter' ? 'Recruiter' : `${staff.dept.name} Manager`,
    });
    if (kind) {
      world.facts.emailMismatches.push({
        name: `${staff.name.first} ${staff.name.last}`,
        role: staff.role,
        charthopPersonId: staff.personId,
        charthopEmail: staff.charthopEmail,
        leverUserId: id,
        leverEmail: email,
        kind,
      });
    }
  }
  world.lever.users.push({
    id: world.r.uuid(),
    name: 'Sandbox Admin',
    email: `sandbox.admin@${COMPANY_DOMAIN}`,
    accessRole: 'super admin',
    createdAt: world.now - 1000 * 86_400_000,
    jobTitle: null,
  });
  const former = world.names.name();
  world.lever.users.push({
    id: world.r.uuid(),
    name: `${former.first} ${former.last}`,
    email: world.names.workEmail(former),
    accessRole: 'team member',
    createdAt: world.now - 800 * 86_400_000,
    deactivatedAt: world.now - 120 * 86_400_000,
    jobTitle: 'Recruiter',
  });
}
