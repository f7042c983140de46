// A small, hand-written ChartHop seed shared by the fake ChartHop's tests.
// "Today" is 2025-06-01 (FIXTURE_NOW).
import { ChartHopError } from '../../../src/main/sandbox/charthop/errors.ts';
import type { ChartHopChange, ChartHopJobData, ChartHopSeed } from '../../../src/main/sandbox/charthop/state.ts';
import type { Actor } from '../../../src/main/sandbox/charthop/timeline-write.ts';

export const FIXTURE_NOW = Date.parse('2025-06-01T12:00:00Z');
export const ORG = '5a0000000000000000000001';
export const OTHER_ORG = '5a0000000000000000000002';
export const TOKENS = { owner: 'tok-owner', read: 'tok-read', recruit: 'tok-recruit', other: 'tok-other-org' } as const;
export const G = {
  eng: '5a0000000000000000000101',
  sales: '5a0000000000000000000102',
  platform: '5a0000000000000000000103',
  nyc: '5a0000000000000000000104',
  remote: '5a0000000000000000000105',
} as const;
export const P = {
  mia: '5a0000000000000000000201',
  rex: '5a0000000000000000000202',
  sam: '5a0000000000000000000203',
  old: '5a0000000000000000000204',
} as const;
export const J = {
  manager: '5a0000000000000000000301',
  openA: '5a0000000000000000000302',
  openB: '5a0000000000000000000303',
  filledC: '5a0000000000000000000304',
  future: '5a0000000000000000000305',
} as const;

const AT = '2024-01-01T00:00:00Z';
let changeSeq = 0;

function change(type: ChartHopChange['type'], jobId: string, date: string, extra: Partial<ChartHopChange> = {}): ChartHopChange {
  changeSeq += 1;
  return {
    id: `5a00000000000000000004${changeSeq.toString(16).padStart(2, '0')}`,
    orgId: ORG,
    jobId,
    type,
    date,
    status: 'ACTIVE',
    createId: 'u-owner',
    createAt: AT,
    updateAt: AT,
    ...extra,
  };
}

function job(
  title: string,
  groupIds: string[],
  fields: Record<string, unknown> = {},
  extra: Partial<ChartHopJobData> = {},
): ChartHopJobData {
  return { title, groupIds, fields, employment: 'FULL', ...extra };
}

/** The fixture seed (a fresh copy on each call). */
export function fixtureSeed(): ChartHopSeed {
  changeSeq = 0;
  const person = (id: string, first: string, last: string, email: string, type = 'WORK_EMAIL') => ({
    id,
    orgId: ORG,
    name: { first, last },
    contacts: [{ type, format: 'EMAIL' as const, value: email }],
    fields: {},
    createAt: AT,
    updateAt: AT,
  });
  return {
    orgs: [
      {
        id: ORG,
        name: 'Acme',
        slug: 'acme',
        status: 'ACTIVE',
        timezone: 'UTC',
        currencies: ['USD'],
        domains: [],
        createAt: AT,
        updateAt: AT,
      },
      {
        id: OTHER_ORG,
        name: 'Globex',
        slug: 'globex',
        status: 'ACTIVE',
        timezone: 'UTC',
        currencies: ['USD'],
        domains: [],
        createAt: AT,
        updateAt: AT,
      },
    ],
    tokens: [
      { token: TOKENS.owner, userId: 'u-owner', name: 'Owner app', access: 'OWNER', orgIds: [ORG] },
      { token: TOKENS.read, userId: 'u-read', name: 'Read app', access: 'READ', orgIds: [ORG] },
      { token: TOKENS.recruit, userId: 'u-recruit', name: 'Recruiting app', access: 'RECRUIT_EDITOR', orgIds: [ORG] },
      { token: TOKENS.other, userId: 'u-other', name: 'Globex app', access: 'OWNER', orgIds: [OTHER_ORG] },
    ],
    groups: [
      {
        id: G.eng,
        orgId: ORG,
        type: 'DEPARTMENT',
        name: 'Engineering',
        slug: 'engineering',
        code: 'ENG',
        aliases: ['R&D'],
        createAt: AT,
        updateAt: AT,
      },
      { id: G.sales, orgId: ORG, type: 'DEPARTMENT', name: 'Sales', slug: 'sales', aliases: [], createAt: AT, updateAt: AT },
      {
        id: G.platform,
        orgId: ORG,
        type: 'TEAM',
        name: 'Platform',
        slug: 'platform',
        aliases: [],
        parentGroupId: G.eng,
        createAt: AT,
        updateAt: AT,
      },
      {
        id: G.nyc,
        orgId: ORG,
        type: 'LOCATION',
        name: 'New York',
        slug: 'new-york',
        code: 'NYC',
        aliases: ['NYC'],
        locationType: 'OFFICE',
        address: { country: 'US', city: 'New York' },
        createAt: AT,
        updateAt: AT,
      },
      {
        id: G.remote,
        orgId: ORG,
        type: 'LOCATION',
        name: 'Remote',
        slug: 'remote',
        code: 'REM',
        aliases: ['Anywhere'],
        locationType: 'REMOTE',
        address: { country: 'US' },
        createAt: AT,
        updateAt: AT,
      },
    ],
    persons: [
      person(P.mia, 'Mia', 'Manager', 'mia@acme.example'),
      person(P.rex, 'Rex', 'Recruiter', 'rex@acme.example'),
      person(P.sam, 'Sam', 'Seller', 'sam@acme.example'),
      person(P.old, 'Olga', 'Former', 'olga@home.example', 'HOME_EMAIL'),
    ],
    fields: [
      {
        id: '5a0000000000000000000501',
        orgId: ORG,
        name: 'leverRequisitionId',
        label: 'Lever Requisition ID',
        type: 'STRING',
        plural: 'SINGLE',
        isUnique: true,
        isRequired: false,
        sensitive: 'ORG',
        entityType: 'JOB',
        builtIn: false,
        status: 'ACTIVE',
        createAt: AT,
        updateAt: AT,
      },
    ],
    changes: [
      change('CREATE', J.manager, '2024-01-01', { job: job('Engineering Manager', [G.eng, G.nyc]) }),
      change('HIRE', J.manager, '2024-01-10', { personId: P.mia }),
      change('CREATE', J.openA, '2025-03-01', {
        job: job(
          'Backend Engineer',
          [G.eng, G.platform, G.remote],
          {
            recruit: 'Active',
            req: 'ENG-1',
            hireMgr: P.mia,
            recruiter: P.rex,
            recruitActiveDate: '2025-03-05',
            leverRequisitionId: 'lv-1',
          },
          { managerJobId: J.manager, comp: { baseComp: { interval: 'YEARLY', pay: { amount: 150000, currency: 'USD' } } } },
        ),
      }),
      change('CREATE', J.openB, '2025-04-15', { job: job('Account Executive', [G.sales, G.nyc], { recruit: 'Passive', req: 'SAL-7' }) }),
      change('CREATE', J.filledC, '2024-02-01', { job: job('Sales Lead', [G.sales, G.nyc], { recruit: 'Closed' }) }),
      change('HIRE', J.filledC, '2024-02-15', { personId: P.old }),
      change('DEPART', J.filledC, '2024-12-31', { personId: P.old }),
      change('HIRE', J.filledC, '2025-01-15', { personId: P.sam }),
      change('UPDATE', J.openB, '2025-05-01', { update: { title: 'Senior Account Executive' } }),
      change('CREATE', J.future, '2025-09-01', { job: job('Future Analyst', [G.sales]) }),
    ],
  };
}

/** An org owner writing through the domain functions. */
export const OWNER_ACTOR: Actor = { userId: 'u-owner', access: 'OWNER' };

/** The HTTP status a domain call fails with (a ChartHopError), or undefined when it succeeds. */
export function statusOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof ChartHopError) return e.status;
    throw e;
  }
  return undefined;
}
