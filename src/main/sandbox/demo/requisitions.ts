// Lever requisitions and postings. Linked requisitions mirror ChartHop jobs
// by requisition code (with some drift: a renamed title, an owner missing
// from Lever); Lever-only requisitions cover the statuses ChartHop never
// produces (draft, pending, rejected), the duplicated team under two
// departments, an "unlimited" evergreen req and reqs without a location.
import type { LeverPosting, LeverRequisition, LeverRequisitionStatus, SeedOf } from '../lever/index.ts';
import type { DepartmentSpec, LocationSpec } from './catalog.ts';
import { DEPARTMENTS, DUPLICATED_TEAM, EMPLOYMENT_MAP, LOCATIONS } from './catalog.ts';
import { DAY, msOfDate } from './dates.ts';
import type { PlannedJob } from './jobs.ts';
import type { Staff, StaffPlan } from './staff.ts';
import type { World } from './world.ts';

/** A requisition with the postings generated for it. */
export interface PlannedRequisition {
  /** Absent for a posting without requisition (the "General Application"). */
  req?: RequisitionSeed;
  postings: SeedOf<LeverPosting, 'id' | 'text'>[];
  job?: PlannedJob;
  /** Where the evergreen hire without a ChartHop job goes. */
  evergreen?: boolean;
}

type RequisitionSeed = SeedOf<LeverRequisition, 'requisitionCode' | 'name' | 'headcountTotal'> & { id: string };

const LEVER_ONLY_STATUSES: LeverRequisitionStatus[] = ['draft', 'pending', 'rejected', 'open', 'onHold', 'closed', 'open', 'draft'];

function userOf(staff: Staff | undefined): string | null {
  return staff?.leverUserId ?? null;
}

interface ReqInput {
  code: string;
  name: string;
  status: LeverRequisitionStatus;
  dept: DepartmentSpec;
  team: string | null;
  location: LocationSpec | null;
  employment: string;
  confidential: boolean;
  base: number;
  manager: Staff | undefined;
  recruiter: Staff | undefined;
  createdAt: number;
  headcountTotal?: number | 'unlimited';
  hired?: number;
}

function requisition(world: World, input: ReqInput): RequisitionSeed {
  const band = {
    currency: input.location?.currency ?? 'USD',
    interval: 'per-year-salary',
    min: Math.round(input.base * 0.9),
    max: input.base,
  };
  const updatedAt = Math.min(world.now - DAY, input.createdAt + world.r.int(1, 30) * DAY);
  const closed = input.status === 'closed';
  return {
    id: world.r.uuid(),
    requisitionCode: input.code,
    name: input.name,
    headcountTotal: input.headcountTotal ?? 1,
    headcountHired: input.hired ?? 0,
    backfill: world.r.chance(0.15),
    confidentiality: input.confidential ? 'confidential' : 'non-confidential',
    status: input.status,
    creator: null,
    owner: userOf(input.recruiter),
    hiringManager: userOf(input.manager),
    employmentStatus: EMPLOYMENT_MAP[input.employment]?.lever ?? 'full-time',
    location: input.location?.name ?? null,
    department: input.dept.name,
    team: input.team,
    internalNotes: world.r.chance(0.2) ? 'Budget approved in Q3 plan.' : '',
    compensationBand: band,
    customFields: world.r.chance(0.6) ? { cost_center: `CC-${input.dept.code}` } : {},
    createdAt: input.createdAt,
    updatedAt,
    closedAt: closed ? updatedAt : null,
    timeToFillStartAt: input.status === 'open' || closed ? input.createdAt : null,
    timeToFillEndAt: closed && (input.hired ?? 0) > 0 ? updatedAt : null,
  };
}

function postingState(world: World, status: LeverRequisitionStatus): LeverPosting['state'] | undefined {
  switch (status) {
    case 'open':
      return world.r.chance(0.85) ? 'published' : 'internal';
    case 'onHold':
      return world.r.chance(0.5) ? 'internal' : 'closed';
    case 'closed':
      return 'closed';
    case 'draft':
      return world.r.chance(0.3) ? 'draft' : undefined;
    default:
      return undefined;
  }
}

function posting(world: World, req: RequisitionSeed, input: ReqInput, state: LeverPosting['state']): SeedOf<LeverPosting, 'id' | 'text'> {
  const commitment = EMPLOYMENT_MAP[input.employment]?.commitment ?? 'Full-time';
  const location = input.location?.name ?? null;
  const workplaceType = input.location?.remote ? 'remote' : location ? (world.r.chance(0.4) ? 'hybrid' : 'on-site') : 'unspecified';
  return {
    id: world.r.uuid(),
    text: req.name.trim(),
    state,
    confidentiality: req.confidentiality ?? 'non-confidential',
    user: userOf(input.recruiter),
    owner: userOf(input.recruiter),
    hiringManager: userOf(input.manager),
    followers: [userOf(input.recruiter), userOf(input.manager)].filter((u): u is string => u !== null),
    categories: {
      team: input.team,
      department: input.dept.name,
      location,
      commitment,
      level: null,
      allLocations: location ? [location] : [],
    },
    tags: [input.dept.name, commitment],
    country: input.location?.country ?? null,
    requisitionCodes: [req.requisitionCode],
    salaryRange: {
      min: req.compensationBand?.min ?? input.base,
      max: req.compensationBand?.max ?? input.base,
      currency: req.compensationBand?.currency ?? 'USD',
      interval: 'per-year-salary',
    },
    workplaceType,
    createdAt: (req.createdAt ?? world.now) + DAY,
    updatedAt: req.updatedAt ?? world.now,
    content: {
      description: `Join Northwind Labs as a ${req.name.trim()}.`,
      descriptionHtml: `<p>Join Northwind Labs as a ${req.name.trim()}.</p>`,
      lists: [],
      closing: '',
      closingHtml: '',
    },
  };
}

function withPostings(world: World, req: RequisitionSeed, input: ReqInput, extra: Partial<PlannedRequisition> = {}): PlannedRequisition {
  const state = postingState(world, input.status);
  const postings = state ? [posting(world, req, input, state)] : [];
  return { req, postings, ...extra };
}

/** Builds requisitions/postings for the planned jobs plus Lever-only ones. */
export function buildRequisitions(world: World, jobs: PlannedJob[], staff: StaffPlan): PlannedRequisition[] {
  const planned: PlannedRequisition[] = [];
  for (const job of jobs) {
    if (!job.req || !job.leverStatus) continue;
    // Drift a linked requisition now and then: the title edited in Lever, or a trailing space as entered.
    const drift = world.r.next();
    const renamed = job.leverTitleDrift ? `${job.title} (${job.location.name})` : job.title;
    const name = drift < 0.06 ? renamed.replace('Senior', 'Sr.').replace('Engineer', 'Eng.') : drift < 0.1 ? `${renamed} ` : renamed;
    const hired = job.hire && (job.recruit === 'Pending' || job.hire.kind === 'historical') ? 1 : 0;
    const input: ReqInput = {
      code: job.req,
      name,
      status: job.leverStatus,
      dept: job.dept,
      team: job.team ?? null,
      location: job.location,
      employment: job.employment,
      confidential: job.confidential,
      base: job.base,
      manager: job.manager,
      recruiter: job.recruiter,
      createdAt: msOfDate(job.createDate) + world.r.int(1, 5) * DAY,
      hired,
    };
    const plan = withPostings(world, requisition(world, input), input, { job });
    // The first-sync story's jobs have no requisition in Lever yet; it is drawn all the same, so every other record stays as it was.
    if (!job.firstSync) planned.push(plan);
  }
  // Three special reqs (the duplicated team twice, the evergreen one), then every status in turn.
  const count = 3 + Math.max(LEVER_ONLY_STATUSES.length, Math.round(jobs.filter((j) => j.open).length * 0.15));
  const sales = DEPARTMENTS.find((d) => d.name === 'Sales') as DepartmentSpec;
  const finance = DEPARTMENTS.find((d) => d.name === 'Finance') as DepartmentSpec;
  const codes: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const special = i === 0 ? sales : i === 1 ? finance : undefined;
    const dept = special ?? world.r.weighted(DEPARTMENTS, (d) => d.weight);
    const manager = staff.managers.find((m) => m.dept === dept) ?? world.r.pick(staff.managers);
    const evergreen = i === 2;
    const status = special || evergreen ? 'open' : (LEVER_ONLY_STATUSES[(i - 3) % LEVER_ONLY_STATUSES.length] as LeverRequisitionStatus);
    const title = evergreen
      ? 'Sales Development Representative'
      : special
        ? `${dept.name} Operations Specialist`
        : world.r.pick(dept.titles);
    const input: ReqInput = {
      code: `LVR-${String(i + 1).padStart(4, '0')}`,
      name: title,
      status,
      dept: evergreen ? sales : dept,
      team: special ? DUPLICATED_TEAM : world.r.chance(0.7) ? world.r.pick(dept.teams) : null,
      location: i % 7 === 3 ? null : world.r.weighted(LOCATIONS, (l) => l.weight),
      employment: 'FULL',
      confidential: false,
      base: 90_000 + world.r.int(0, 60) * 1000,
      manager,
      recruiter: world.r.pick(staff.recruiters),
      createdAt: world.now - world.r.int(2, 120) * DAY,
      ...(evergreen ? { headcountTotal: 'unlimited' as const } : {}),
    };
    const req = requisition(world, input);
    if (special) codes.push(req.requisitionCode);
    planned.push(withPostings(world, req, input, evergreen ? { evergreen: true } : {}));
  }
  world.facts.duplicatedTeam = { name: DUPLICATED_TEAM, departments: [sales.name, finance.name], requisitionCodes: codes };
  // A posting linked to no requisition: noise the integration must ignore.
  const general = posting(
    world,
    {
      id: '',
      requisitionCode: '',
      name: 'General Application',
      headcountTotal: 1,
      createdAt: world.now - 400 * DAY,
      updatedAt: world.now - 30 * DAY,
    },
    {
      code: '',
      name: 'General Application',
      status: 'open',
      dept: sales,
      team: null,
      location: null,
      employment: 'FULL',
      confidential: false,
      base: 0,
      manager: undefined,
      recruiter: staff.recruiters[0],
      createdAt: world.now - 400 * DAY,
    },
    'published',
  );
  general.requisitionCodes = [];
  general.salaryRange = null;
  planned.push({ postings: [general] });
  for (const p of planned) {
    if (p.req) world.lever.requisitions.push(p.req);
    world.lever.postings.push(...p.postings);
  }
  return planned;
}
