// Record builders for the pure sync tests: a job, a requisition, users, groups and map contexts.
import { generatedRequisitionCode } from '../../../src/main/core/sync/codes.ts';
import { createCrosswalk } from '../../../src/main/core/sync/crosswalk.ts';
import type { InboundMapContext } from '../../../src/main/core/sync/inbound-map.ts';
import { indexGroups } from '../../../src/main/core/sync/inbound-map.ts';
import type {
  GroupRecord,
  JobRecord,
  LeverSnapshot,
  LeverUserRecord,
  LinkRecord,
  RequisitionRecord,
} from '../../../src/main/core/sync/model.ts';
import type { OutboundMapContext } from '../../../src/main/core/sync/outbound-map.ts';
import type { ProfileSettings } from '../../../src/shared/settings/schema.ts';

export const USERS: LeverUserRecord[] = [
  { id: 'u-grace', email: 'grace@acme.example', name: 'Grace' },
  { id: 'u-rick', email: 'rick@acme.example', name: 'Rick' },
  { id: 'u-nora', email: 'nedwards@acme.example', name: 'Nora' },
];

export const GROUPS: GroupRecord[] = [
  { id: 'd-eng', name: 'Engineering', kind: 'department', aliases: ['R&D', 'ENG'], parentId: null, remote: false },
  { id: 'd-sales', name: 'Sales', kind: 'department', aliases: [], parentId: null, remote: false },
  { id: 'd-fin', name: 'Finance', kind: 'department', aliases: [], parentId: null, remote: false },
  { id: 't-platform', name: 'Platform', kind: 'team', aliases: [], parentId: 'd-eng', remote: false },
  { id: 't-ops-sales', name: 'Operations', kind: 'team', aliases: [], parentId: 'd-sales', remote: false },
  { id: 't-ops-fin', name: 'Operations', kind: 'team', aliases: [], parentId: 'd-fin', remote: false },
  { id: 'l-ny', name: 'New York', kind: 'location', aliases: ['NYC'], parentId: null, remote: false },
  { id: 'l-remote', name: 'Remote', kind: 'location', aliases: [], parentId: null, remote: true },
];

/** An Active open job in Engineering/Platform, New York, Grace hiring, Rick recruiting, 150000 USD. */
export function job(id: string, extra: Partial<JobRecord> = {}): JobRecord {
  return {
    id,
    title: `Engineer ${id}`,
    open: true,
    recruit: 'Active',
    req: `ENG-${id}`,
    leverReqId: null,
    sensitive: null,
    employment: 'FULL',
    department: 'Engineering',
    team: 'Platform',
    location: 'New York',
    hiringManager: { id: 'p-grace', email: 'grace@acme.example' },
    recruiter: { id: 'p-rick', email: 'rick@acme.example' },
    baseComp: { amount: 150_000, currency: 'USD', interval: 'YEARLY' },
    ...extra,
  };
}

/** `job(id)` already linked: it carries the Lever id `r-<id>`. */
export function linked(id: string, extra: Partial<JobRecord> = {}): JobRecord {
  return job(id, { leverReqId: `r-${id}`, ...extra });
}

/** The requisition the outbound map produces for `job(id)`, as Lever would hold it. */
export function requisition(id: string, extra: Partial<RequisitionRecord> = {}): RequisitionRecord {
  return {
    id: `r-${id}`,
    code: `ENG-${id}`,
    name: `Engineer ${id}`,
    status: 'open',
    confidential: false,
    employmentStatus: 'full-time',
    department: 'Engineering',
    team: 'Platform',
    location: 'New York',
    hiringManagerId: 'u-grace',
    ownerId: 'u-rick',
    compensationBand: { currency: 'USD', interval: 'per-year-salary', min: 150_000, max: 150_000 },
    headcountTotal: 1,
    postings: [],
    ...extra,
  };
}

/** A link of job `id` to requisition `r-<id>`, synced at the values of `job(id)`. */
export function link(id: string, extra: Partial<LinkRecord> = {}): LinkRecord {
  return {
    jobId: id,
    requisitionId: `r-${id}`,
    requisitionCode: `ENG-${id}`,
    createdByReqBridge: true,
    syncedDirection: 'outbound',
    synced: {
      code: `ENG-${id}`,
      title: `Engineer ${id}`,
      status: 'open',
      employment: 'full-time',
      department: 'Engineering',
      team: 'Platform',
      location: 'New York',
      hiringManager: 'grace@acme.example',
      recruiter: 'rick@acme.example',
      compensation: '150000 USD per year',
    },
    ...extra,
  };
}

const NO_MAPPINGS: ProfileSettings['mappings'] = { departments: {}, teams: {}, locations: {}, employmentTypes: {}, users: {} };

/** The outbound map context over USERS. */
export function outboundCtx(
  options: { mappings?: Partial<ProfileSettings['mappings']>; remoteDefault?: boolean } = {},
): OutboundMapContext {
  return {
    crosswalk: createCrosswalk({ ...NO_MAPPINGS, ...options.mappings }),
    usersByEmail: new Map(USERS.map((u) => [u.email, u])),
    remoteDefault: options.remoteDefault ?? false,
    generatedCode: generatedRequisitionCode,
  };
}

/** The inbound map context over USERS, GROUPS and two ChartHop people. */
export function inboundCtx(options: { mappings?: Partial<ProfileSettings['mappings']>; remoteDefault?: boolean } = {}): InboundMapContext {
  return {
    crosswalk: createCrosswalk({ ...NO_MAPPINGS, ...options.mappings }),
    usersById: new Map(USERS.map((u) => [u.id, u])),
    peopleByEmail: new Map([
      ['grace@acme.example', 'p-grace'],
      ['rick@acme.example', 'p-rick'],
      ['nora.edwards@acme.example', 'p-nora'],
    ]),
    groups: indexGroups(GROUPS),
    remoteDefault: options.remoteDefault ?? false,
  };
}

/** A Lever snapshot. */
export function leverSnapshot(requisitions: RequisitionRecord[], confidentialVisible = true): LeverSnapshot {
  return { requisitions, users: USERS, confidentialVisible };
}
