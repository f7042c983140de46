// ChartHop jobs beyond the staff: open jobs in every recruiting status and
// filled jobs (some with a departed predecessor), plus the hires that tie
// them to Lever: a Pending job carries a future-dated HIRE (announced person)
// matching a hired Lever candidate; some Offer jobs were hired in Lever only.
import type { ChartHopEmployment, ChartHopJobData } from '../charthop/state.ts';
import type { LeverRequisitionStatus } from '../lever/index.ts';
import type { DepartmentSpec, LocationSpec } from './catalog.ts';
import { baseSalaryFor, LOCATIONS } from './catalog.ts';
import { addDepart, addHire, addJob, addPerson } from './charthop-writes.ts';
import { shiftDate } from './dates.ts';
import type { DemoName } from './names.ts';
import type { OrgGroups } from './org.ts';
import type { Staff, StaffPlan } from './staff.ts';
import { recordFirstSync, shapeFirstSync } from './first-sync.ts';
import type { World } from './world.ts';

/** Recruiting statuses (ChartHop `recruit`). */
export const RECRUIT = ['Active', 'Passive', 'Inactive', 'Offer', 'Pending', 'Closed'] as const;
type Recruit = (typeof RECRUIT)[number];

/** A hire that links a Lever candidate to a ChartHop job. */
export interface PlannedHire {
  kind: 'alreadyInCharthop' | 'toProcess' | 'withoutEmail' | 'existingPerson' | 'historical';
  name: DemoName;
  email?: string;
  phone: string;
  startDate: string;
}

/** A generated job and what the Lever side should hold for it. */
export interface PlannedJob {
  id: string;
  title: string;
  dept: DepartmentSpec;
  team?: string;
  location: LocationSpec;
  employment: ChartHopEmployment;
  confidential: boolean;
  base: number;
  createDate: string;
  open: boolean;
  recruit?: Recruit;
  req?: string;
  manager: Staff;
  recruiter?: Staff;
  /** Lever requisition to create for this job (absent: none in Lever). */
  leverStatus?: LeverRequisitionStatus;
  hire?: PlannedHire;
  /** An offer is out (not yet hired). */
  offerOut: boolean;
  /** A previous occupant held the job and left. */
  departedBefore?: boolean;
  /** The Lever copy's title was renamed there (first-sync.ts). */
  leverTitleDrift?: boolean;
  /**
   * The job's part in the first-sync story (first-sync.ts): `codeless` has no requisition code in
   * ChartHop, and neither has a requisition in Lever yet.
   */
  firstSync?: 'codeless' | 'awaitingMapping';
}

const FIRST_OPEN: Recruit[] = ['Active', 'Offer', 'Pending', 'Passive', 'Inactive', 'Closed', 'Offer', 'Offer', 'Active', 'Offer'];
const FIRST_FILLED: Recruit[] = ['Closed', 'Pending', 'Active', 'Offer', 'Passive', 'Inactive'];
const OPEN_WEIGHTS: Record<Recruit | 'none', number> = {
  Active: 40,
  Passive: 8,
  Inactive: 12,
  Offer: 15,
  Pending: 10,
  Closed: 5,
  none: 10,
};
const FILLED_WEIGHTS: Record<Recruit | 'none', number> = {
  Closed: 55,
  Pending: 10,
  Active: 8,
  Offer: 7,
  Passive: 4,
  Inactive: 6,
  none: 10,
};
const EMPLOYMENTS: { value: ChartHopEmployment; weight: number }[] = [
  { value: 'FULL', weight: 85 },
  { value: 'PART', weight: 5 },
  { value: 'CONTRACT', weight: 5 },
  { value: 'INTERN', weight: 4 },
  { value: 'TEMP', weight: 1 },
];

function weightedStatus(world: World, weights: Record<Recruit | 'none', number>): Recruit | undefined {
  const key = world.r.weighted(Object.keys(weights) as (Recruit | 'none')[], (k) => weights[k]);
  return key === 'none' ? undefined : key;
}

function leverStatusFor(world: World, recruit: Recruit | undefined): LeverRequisitionStatus | undefined {
  switch (recruit) {
    case 'Active':
      return world.r.chance(0.1) ? undefined : world.r.chance(0.08) ? 'pending' : 'open';
    case 'Offer':
      return 'open';
    case 'Pending':
      return 'closed';
    case 'Passive':
      return 'onHold';
    case 'Inactive':
      return world.r.chance(0.25) ? 'draft' : 'onHold';
    case 'Closed':
      return 'closed';
    default:
      return undefined;
  }
}

/** Builds every non-staff job; returns them with their Lever plans. */
export function buildJobs(world: World, groups: OrgGroups, staff: StaffPlan, total: number): PlannedJob[] {
  const remaining = Math.max(0, total - staff.jobCount);
  const openCount = remaining - Math.floor(remaining * 0.4);
  const reqCounters = new Map<string, number>();
  const nextReq = (dept: DepartmentSpec): string => {
    const n = (reqCounters.get(dept.code) ?? 100) + 1;
    reqCounters.set(dept.code, n);
    return `${dept.code}-${String(n).padStart(4, '0')}`;
  };
  const planned: PlannedJob[] = [];
  const managersByDept = new Map<DepartmentSpec, Staff[]>();
  for (const m of staff.managers) managersByDept.set(m.dept, [...(managersByDept.get(m.dept) ?? []), m]);
  let offers = 0;
  for (let i = 0; i < remaining; i += 1) {
    const open = i < openCount;
    const dept = world.r.weighted(staff.managedDepartments, (d) => d.weight);
    const manager = world.r.pick(managersByDept.get(dept) ?? staff.managers);
    const title = world.r.pick(dept.titles);
    const recruit = open
      ? (FIRST_OPEN[i] ?? weightedStatus(world, OPEN_WEIGHTS))
      : (FIRST_FILLED[i - openCount] ?? weightedStatus(world, FILLED_WEIGHTS));
    const job: PlannedJob = {
      id: '',
      title,
      dept,
      location: world.r.weighted(LOCATIONS, (l) => l.weight),
      manager,
      open,
      offerOut: false,
      employment: world.r.weighted(EMPLOYMENTS, (e) => e.weight).value,
      confidential: world.r.chance(0.05),
      base: baseSalaryFor(title, world.r.next()),
      createDate: shiftDate(world.today, -world.r.int(open ? 5 : 200, open ? 240 : 1200)),
      ...(world.r.chance(0.85) ? { team: world.r.pick(dept.teams) } : {}),
      ...(recruit ? { recruit } : {}),
    };
    // A seat whose first occupant left: old enough for the departure to lie in the past.
    if (recruit !== 'Pending' && world.r.chance(open ? 0.02 : 0.03)) {
      job.departedBefore = true;
      job.createDate = shiftDate(world.today, -world.r.int(open ? 300 : 600, open ? 500 : 1200));
    }
    if (open || world.r.chance(0.9)) {
      const recruiter = world.r.chance(0.92) ? world.r.pick(staff.recruiters) : undefined;
      if (recruiter) job.recruiter = recruiter;
    }
    if (open && recruit) {
      job.req = nextReq(dept);
      const status = leverStatusFor(world, recruit);
      if (status) job.leverStatus = status;
      if (recruit === 'Pending') job.hire = candidateHire(world, 'alreadyInCharthop', job, shiftDate(world.today, world.r.int(5, 40)));
      if (recruit === 'Offer') {
        const kind = (['toProcess', 'withoutEmail', 'existingPerson'] as const)[offers] ?? (world.r.chance(0.35) ? 'toProcess' : undefined);
        offers += 1;
        if (kind) job.hire = candidateHire(world, kind, job, shiftDate(world.today, world.r.int(10, 50)));
        else job.offerOut = true;
      }
    } else if (!open && world.r.chance(0.3)) {
      job.req = nextReq(dept);
      job.leverStatus = 'closed';
    }
    planned.push(job);
  }
  const story = shapeFirstSync(planned);
  for (const job of planned) writeJob(world, groups, job);
  recordFirstSync(world, story);
  return planned;
}

function candidateHire(world: World, kind: PlannedHire['kind'], job: PlannedJob, startDate: string): PlannedHire {
  if (kind === 'existingPerson') {
    const employee = world.persons.findLast((p) => p.contacts.some((c) => c.type === 'WORK_EMAIL') && p.name.first);
    const email = employee?.contacts.find((c) => c.type === 'WORK_EMAIL')?.value;
    if (employee && email)
      return {
        kind,
        name: { first: employee.name.first ?? '', last: employee.name.last },
        email,
        phone: world.names.phone(job.location.country),
        startDate,
      };
  }
  const name = world.names.name();
  const hire: PlannedHire = { kind, name, phone: world.names.phone(job.location.country), startDate };
  if (kind !== 'withoutEmail') hire.email = world.names.personalEmail(name);
  return hire;
}

function jobData(world: World, groups: OrgGroups, job: PlannedJob): ChartHopJobData {
  const groupIds = [
    groups.departments.get(job.dept.name)?.id,
    job.team ? groups.teams.get(job.team)?.id : undefined,
    groups.locations.get(job.location.name)?.id,
  ].filter((id): id is string => id !== undefined);
  const fields: Record<string, unknown> = { costCenter: `CC-${job.dept.code}`, hireMgr: job.manager.personId };
  if (job.recruit) fields.recruit = job.recruit;
  if (job.req && job.firstSync !== 'codeless') fields.req = job.req;
  if (job.recruiter) fields.recruiter = job.recruiter.personId;
  if (job.open && (job.recruit === 'Active' || job.recruit === 'Offer' || job.recruit === 'Pending')) {
    fields.recruitActiveDate = shiftDate(job.createDate, world.r.int(1, 4));
    if (world.r.chance(0.5)) {
      // Stale metrics from an earlier sync: something for the metric pull to correct.
      fields.applyActive = world.r.int(0, 30);
      fields.applyInterview = world.r.int(0, 6);
      fields.applyOffer = job.recruit === 'Active' ? 0 : 1;
      fields.applyTotalOffer = job.recruit === 'Active' ? world.r.int(0, 1) : world.r.int(1, 2);
    }
  }
  if (job.recruit === 'Pending' && job.open) fields.offerAcceptDate = shiftDate(world.today, -world.r.int(1, 10));
  const data: ChartHopJobData = {
    title: job.title,
    employment: job.employment,
    groupIds,
    managerJobId: job.manager.jobId,
    comp: { baseComp: { interval: 'YEARLY', pay: { amount: job.base, currency: job.location.currency } } },
    fields,
  };
  if (job.confidential) data.sensitive = 'HIGH';
  if (job.open) data.startDatePlanned = shiftDate(world.today, world.r.int(30, 120));
  return data;
}

function writeJob(world: World, groups: OrgGroups, job: PlannedJob): void {
  job.id = addJob(world, jobData(world, groups, job), job.createDate);
  const country = job.location.country;
  let from = job.createDate;
  if (job.departedBefore) {
    const name = world.names.name();
    const former = addPerson(world, name, { workEmail: world.names.workEmail(name), country }, from);
    const start = shiftDate(from, world.r.int(10, 40));
    const end = shiftDate(start, world.r.int(60, 120));
    addHire(world, job.id, former.id, start);
    addDepart(world, job.id, former.id, end);
    from = end;
  }
  if (job.open && job.hire?.kind === 'alreadyInCharthop') {
    const hire = job.hire;
    const person = addPerson(world, hire.name, { homeEmail: hire.email, mobilePhone: hire.phone, country }, shiftDate(world.today, -2));
    addHire(world, job.id, person.id, hire.startDate, 'Hired via Lever');
  }
  if (!job.open) {
    const start = shiftDate(from, world.r.int(20, 90));
    const hireDate = start < world.today ? start : shiftDate(world.today, -1);
    const name = world.names.name();
    const personal = job.leverStatus === 'closed' ? world.names.personalEmail(name) : undefined;
    const person = addPerson(world, name, { workEmail: world.names.workEmail(name), homeEmail: personal, country }, hireDate);
    addHire(world, job.id, person.id, hireDate);
    if (personal) job.hire = { kind: 'historical', name, email: personal, phone: world.names.phone(country), startDate: hireDate };
  }
}

/** Adds people who never held a job (e.g. imported contractors). */
export function addUnplacedPeople(world: World, count: number): void {
  for (let i = 0; i < count; i += 1) {
    const name = world.names.name();
    addPerson(world, name, { homeEmail: world.names.personalEmail(name) }, shiftDate(world.today, -world.r.int(10, 300)));
  }
}
