// generateDemoData: the deterministic demo world for both fakes. Same seed,
// sizes and `now` → the same data, byte for byte (one seeded PRNG stream, no
// Math.random, no Date.now).
import { DEFAULT_ARCHIVE_REASONS, DEFAULT_STAGES } from '../lever/index.ts';
import { buildCredentials } from './credentials.ts';
import { addUnplacedPeople, buildJobs } from './jobs.ts';
import { buildOpportunities } from './opportunities.ts';
import { buildOrg } from './org.ts';
import { buildRequisitions } from './requisitions.ts';
import { buildStaff } from './staff.ts';
import { DEMO_DEFAULT_NOW } from './types.ts';
import type { DemoData, DemoDataOptions } from './types.ts';
import { createWorld } from './world.ts';

/** Smallest supported job count (a CEO-less org: two managers, a recruiter, one more job). */
export const MIN_DEMO_JOBS = 4;

function countBy<T>(items: readonly T[], key: (item: T) => string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/**
 * Generates matching Lever and ChartHop seeds, the credentials to use them
 * and facts about the data (deliberate mismatches, the duplicated team, hires).
 * Throws RangeError for sizes outside 4…100,000 jobs / 0…1,000,000 opportunities.
 */
export function generateDemoData(options: DemoDataOptions): DemoData {
  const { seed, jobs, opportunities } = options;
  if (!Number.isInteger(jobs) || jobs < MIN_DEMO_JOBS || jobs > 100_000)
    throw new RangeError(`jobs must be an integer from ${MIN_DEMO_JOBS} to 100000`);
  if (!Number.isInteger(opportunities) || opportunities < 0 || opportunities > 1_000_000)
    throw new RangeError('opportunities must be an integer from 0 to 1000000');
  const world = createWorld(seed, options.now ?? DEMO_DEFAULT_NOW);
  const groups = buildOrg(world);
  const staff = buildStaff(world, groups, jobs);
  const planned = buildJobs(world, groups, staff, jobs);
  addUnplacedPeople(world, Math.max(1, Math.round(jobs / 100)));
  const plans = buildRequisitions(world, planned, staff);
  world.lever.stages = DEFAULT_STAGES.map((s) => ({ ...s }));
  world.lever.archiveReasons = DEFAULT_ARCHIVE_REASONS.map((r) => ({ ...r }));
  world.lever.requisitionFields = [
    { id: 'cost_center', text: 'Cost center', type: 'text', isRequired: false, createdAt: world.now - 900 * 86_400_000 },
    { id: 'target_start', text: 'Target start date', type: 'date', isRequired: false, createdAt: world.now - 900 * 86_400_000 },
  ];
  buildOpportunities(world, plans, opportunities);
  const credentials = buildCredentials(world, options.webhookUrl);
  const org = world.org;
  if (!org) throw new Error('demo org was not built');
  const open = planned.filter((j) => j.open);
  const staffJobs = staff.jobCount;
  return {
    lever: world.lever,
    charthop: {
      orgs: [org],
      tokens: world.tokens,
      groups: world.groups,
      persons: world.persons,
      fields: world.fields,
      changes: world.changes,
      events: [],
    },
    credentials,
    facts: {
      ...world.facts,
      counts: {
        jobs: staffJobs + planned.length,
        openJobs: open.length,
        filledJobs: staffJobs + planned.length - open.length,
        persons: world.persons.length,
        requisitions: world.lever.requisitions.length,
        postings: world.lever.postings.length,
        opportunities: world.lever.opportunities.length,
        leverUsers: world.lever.users.length,
      },
      recruitStatuses: countBy(open, (j) => j.recruit ?? 'none'),
      requisitionStatuses: countBy(world.lever.requisitions, (r) => r.status),
    },
  };
}
