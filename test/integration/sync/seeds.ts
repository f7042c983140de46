// Seeds for the sync tests: a small ChartHop org (two departments, teams, an office and a Remote
// location, three staff people in filled jobs) plus whatever open jobs a test asks for, and a Lever
// account with a full key and users whose emails match the ChartHop staff.
import { MINIMAL_ORG_ID, MINIMAL_OWNER_TOKEN, minimalChartHopSeed } from '../../../src/main/sandbox/charthop/index.ts';
import type {
  ChartHopChange,
  ChartHopGroup,
  ChartHopJobData,
  ChartHopPerson,
  ChartHopSeed,
} from '../../../src/main/sandbox/charthop/index.ts';
import { LEVER_ALL_READ, LEVER_INTEGRATION_WRITES } from '../../../src/main/sandbox/lever/index.ts';
import type { LeverPermission, LeverPosting, LeverRequisition, LeverSeed, SeedOf } from '../../../src/main/sandbox/lever/index.ts';

export const ORG = 'acme';
export const CHARTHOP_TOKEN = MINIMAL_OWNER_TOKEN;
export const LEVER_KEY = 'lever-sync-key-0001';
const AT = '2025-01-01T00:00:00Z';

/** Group ids. */
export const G = {
  eng: '6b0000000000000000000d01',
  sales: '6b0000000000000000000d02',
  platform: '6b0000000000000000000e01',
  enterprise: '6b0000000000000000000e02',
  ny: '6b0000000000000000000f01',
  remote: '6b0000000000000000000f02',
} as const;

/** Staff people (ChartHop person id, email, Lever user id). */
export const STAFF = {
  grace: { personId: '6b00000000000000000a0001', email: 'grace@acme.example', leverId: 'u-grace', name: 'Grace Hopper' },
  rick: { personId: '6b00000000000000000a0002', email: 'rick@acme.example', leverId: 'u-rick', name: 'Rick Recruiter' },
  hedy: { personId: '6b00000000000000000a0003', email: 'hedy@acme.example', leverId: 'u-hedy', name: 'Hedy Lamarr' },
} as const;

const group = (id: string, type: ChartHopGroup['type'], name: string, extra: Partial<ChartHopGroup> = {}): ChartHopGroup => ({
  id,
  orgId: MINIMAL_ORG_ID,
  type,
  name,
  slug: name.toLowerCase().replace(/\W+/g, '-'),
  aliases: [],
  createAt: AT,
  updateAt: AT,
  ...extra,
});

/** An open job of a test. */
export interface JobSpec {
  id: string;
  title: string;
  recruit?: string;
  req?: string;
  employment?: ChartHopJobData['employment'];
  department?: 'eng' | 'sales';
  team?: 'platform' | 'enterprise';
  location?: 'ny' | 'remote' | null;
  hireMgr?: keyof typeof STAFF | null;
  recruiter?: keyof typeof STAFF | null;
  base?: number;
  currency?: string;
  sensitive?: string;
  leverReqId?: string;
}

/** A ChartHop job id for index `i` (24 hex digits). */
export function jobId(i: number): string {
  return `6b0000000000${i.toString(16).padStart(12, '0')}`;
}

let changeSeq = 0;
function change(type: ChartHopChange['type'], job: string, extra: Partial<ChartHopChange>): ChartHopChange {
  changeSeq += 1;
  return {
    id: `6c${changeSeq.toString(16).padStart(22, '0')}`,
    orgId: MINIMAL_ORG_ID,
    jobId: job,
    type,
    date: '2025-06-01',
    status: 'ACTIVE',
    createId: '5f00000000000000000000a1',
    createAt: AT,
    updateAt: AT,
    ...extra,
  };
}

/** The job data of a spec (defaults: Engineering/Platform in New York, Grace hiring, Rick recruiting, 150000 USD). */
export function jobData(spec: JobSpec): ChartHopJobData {
  const groupIds: string[] = [G[spec.department ?? 'eng'], spec.team === undefined ? G.platform : G[spec.team]];
  if (spec.location !== null) groupIds.push(G[spec.location ?? 'ny']);
  const fields: Record<string, unknown> = {};
  if (spec.recruit !== undefined) fields['recruit'] = spec.recruit;
  if (spec.req) fields['req'] = spec.req;
  if (spec.leverReqId) fields['leverReqId'] = spec.leverReqId;
  if (spec.hireMgr !== null) fields['hireMgr'] = STAFF[spec.hireMgr ?? 'grace'].personId;
  if (spec.recruiter !== null) fields['recruiter'] = STAFF[spec.recruiter ?? 'rick'].personId;
  const data: ChartHopJobData = {
    title: spec.title,
    employment: spec.employment ?? 'FULL',
    groupIds,
    fields,
    comp: { baseComp: { interval: 'YEARLY', pay: { amount: spec.base ?? 150_000, currency: spec.currency ?? 'USD' } } },
  };
  if (spec.sensitive) data.sensitive = spec.sensitive;
  return data;
}

/** The ChartHop seed: org, groups, staff in filled jobs, and `jobs`. */
export function charthopSeed(jobs: readonly JobSpec[]): ChartHopSeed {
  const base = minimalChartHopSeed();
  const persons: ChartHopPerson[] = Object.values(STAFF).map((s) => {
    const [first, last] = s.name.split(' ');
    return {
      id: s.personId,
      orgId: MINIMAL_ORG_ID,
      name: { first: first ?? '', last: last ?? '' },
      contacts: [{ type: 'WORK_EMAIL', format: 'EMAIL', value: s.email }],
      fields: {},
      createAt: AT,
      updateAt: AT,
    };
  });
  const changes: ChartHopChange[] = [];
  Object.values(STAFF).forEach((s, i) => {
    const id = `6b00000000000000000b000${i + 1}`;
    changes.push(
      change('CREATE', id, { date: '2024-01-01', job: { title: `${s.name.split(' ')[0] ?? ''} (staff)`, groupIds: [G.eng], fields: {} } }),
    );
    changes.push(change('HIRE', id, { date: '2024-01-02', personId: s.personId }));
  });
  for (const spec of jobs) changes.push(change('CREATE', spec.id, { job: jobData(spec) }));
  return {
    ...base,
    groups: [
      group(G.eng, 'DEPARTMENT', 'Engineering', { aliases: ['R&D'] }),
      group(G.sales, 'DEPARTMENT', 'Sales'),
      group(G.platform, 'TEAM', 'Platform', { parentGroupId: G.eng }),
      group(G.enterprise, 'TEAM', 'Enterprise', { parentGroupId: G.sales }),
      group(G.ny, 'LOCATION', 'New York', { locationType: 'OFFICE', address: { country: 'US' } }),
      group(G.remote, 'LOCATION', 'Remote', { locationType: 'REMOTE', address: { country: 'US' } }),
    ],
    persons,
    changes,
  };
}

/** `n` Active open jobs with codes ENG-0001…; `extra` changes individual specs. */
export function activeJobs(n: number, extra: (i: number) => Partial<JobSpec> = () => ({})): JobSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    id: jobId(i + 1),
    title: `Engineer ${i + 1}`,
    recruit: 'Active',
    req: `ENG-${String(i + 1).padStart(4, '0')}`,
    ...extra(i),
  }));
}

/**
 * A profile with Lever as the source of truth and Reverse Sync on (ChartHop jobs made from Lever
 * requisitions); no schedule, no Sync On Change, no reconciliation.
 */
export function inboundProfile(remoteLocationAsDefault = false) {
  return {
    sourceOfTruth: 'lever' as const,
    options: { reverseSync: true, remoteLocationAsDefault, runDaily: false, syncOnChange: false, reconciliation: false },
  };
}

/** The Lever seed: a full key with confidential access, the staff as users, and `requisitions`. */
export function leverSeed(
  requisitions: SeedOf<LeverRequisition, 'requisitionCode' | 'name' | 'headcountTotal'>[] = [],
  options: { confidentialAccess?: boolean } = {},
): LeverSeed {
  return {
    keys: [
      {
        id: 'key-sync',
        secret: LEVER_KEY,
        name: 'ReqBridge',
        permissions: [...LEVER_ALL_READ, ...LEVER_INTEGRATION_WRITES] as LeverPermission[],
        confidentialAccess: options.confidentialAccess ?? true,
      },
    ],
    users: Object.values(STAFF).map((s) => ({ id: s.leverId, name: s.name, email: s.email })),
    requisitions,
  };
}

/** Requisition `code` named `name` as seeded in Lever: open, in Engineering/Platform in New York, full-time, Grace hiring and Rick owning. */
export function openRequisition(
  code: string,
  name: string,
  extra: Partial<LeverRequisition> = {},
): SeedOf<LeverRequisition, 'requisitionCode' | 'name' | 'headcountTotal'> {
  return {
    requisitionCode: code,
    name,
    headcountTotal: 1,
    status: 'open',
    employmentStatus: 'full-time',
    department: 'Engineering',
    team: 'Platform',
    location: 'New York',
    hiringManager: STAFF.grace.leverId,
    owner: STAFF.rick.leverId,
    ...extra,
  };
}

/** `openRequisition(code, "Role <code>")` with its Lever id. */
export function seededRequisition(
  id: string,
  code: string,
  extra: Partial<LeverRequisition> = {},
): SeedOf<LeverRequisition, 'requisitionCode' | 'name' | 'headcountTotal'> {
  return openRequisition(code, `Role ${code}`, { id, ...extra });
}

/** A public posting `id` titled `text` on the requisitions `codes`, full-time in Engineering/Platform, New York, published at `at`. */
export function publishedPosting(id: string, text: string, codes: string[], at: number): LeverPosting {
  return {
    id,
    text,
    state: 'published',
    distributionChannels: ['public'],
    confidentiality: 'non-confidential',
    user: null,
    owner: null,
    hiringManager: null,
    followers: [],
    categories: {
      team: 'Platform',
      department: 'Engineering',
      location: 'New York',
      commitment: 'Full-time',
      level: null,
      allLocations: ['New York'],
    },
    tags: [],
    content: { description: '', descriptionHtml: '', lists: [], closing: '', closingHtml: '' },
    country: 'US',
    reqCode: null,
    requisitionCodes: codes,
    salaryRange: null,
    workplaceType: 'unspecified',
    createdAt: at,
    updatedAt: at,
  };
}
