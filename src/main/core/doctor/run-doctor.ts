/**
 * `runDoctor`: every pre-flight check for a profile, in a fixed order, each
 * one isolated (a check that throws becomes `unverified` with the reason, the
 * others still run). Read-only: no probe changes data in either system.
 */
import type { ChartHopClient } from '../charthop/client.ts';
import type { LeverClient } from '../lever/client.ts';
import { METRIC_FIELDS_TITLE, charthopChecks, metricFieldsCheck } from './charthop-checks.ts';
import { crosswalkCheck, duplicateTeamsCheck, usersCheck } from './data-checks.ts';
import { charthopGroups, leverUses, openJobStaff } from './data-sources.ts';
import type { LeverUse } from './data-sources.ts';
import { leverChecks } from './lever-checks.ts';
import { settingsChecks, webhookCheck } from './settings-checks.ts';
import { DOCTOR_CHECK_IDS } from './types.ts';
import type { DoctorCheck, DoctorDeps, DoctorReport, DoctorStatus } from './types.ts';

const DATA_TITLES: Record<string, string> = {
  'users.match': 'Hiring managers and recruiters exist in Lever',
  'lever.duplicate-teams': 'No Lever team name under two departments',
  'crosswalk.departments': 'Departments match between ChartHop and Lever',
  'crosswalk.locations': 'Locations match between ChartHop and Lever',
  'charthop.metric-fields': METRIC_FIELDS_TITLE,
};

function unverified(id: string, detail: string): DoctorCheck {
  return { id, title: DATA_TITLES[id] ?? id, status: 'unverified', detail, fix: null };
}

/** Runs `make`, turning a thrown error into an `unverified` row. */
async function isolated(id: string, make: () => Promise<DoctorCheck> | DoctorCheck): Promise<DoctorCheck> {
  try {
    return await make();
  } catch (error) {
    return { ...unverified(id, `Could not check: ${error instanceof Error ? error.message : String(error)}`), fix: 'Fix the problems above, then check again.' };
  }
}

async function dataChecks(deps: DoctorDeps, lever: LeverClient | null, charthop: ChartHopClient | null, confidential: boolean): Promise<DoctorCheck[]> {
  const { mappings } = deps.profile;
  const needs = (what: string): string => `Not checked: ${what}.`;
  let uses: Promise<LeverUse[]> | undefined;
  const leverData = (): Promise<LeverUse[]> => (uses ??= leverUses(lever as LeverClient, confidential));
  const groups = charthop ? charthopGroups(charthop) : undefined;
  groups?.catch(() => undefined);
  const out: DoctorCheck[] = [];
  out.push(lever && charthop
    ? await isolated('users.match', async () => {
      const { openJobs, staff } = await openJobStaff(charthop);
      return usersCheck(staff, openJobs, lever, mappings.users);
    })
    : unverified('users.match', needs('it needs both a working Lever key and a working ChartHop connection')));
  out.push(lever ? await isolated('lever.duplicate-teams', async () => duplicateTeamsCheck(await leverData())) : unverified('lever.duplicate-teams', needs('it needs a working Lever key')));
  for (const kind of ['departments', 'locations'] as const) {
    const id = `crosswalk.${kind}`;
    if (!lever || !groups) {
      out.push(unverified(id, needs('it needs both a working Lever key and a working ChartHop connection')));
      continue;
    }
    out.push(await isolated(id, async () => {
      const all = await leverData();
      const values = new Set(all.flatMap((u) => (kind === 'departments' ? (u.department ? [u.department] : []) : u.locations)));
      const g = await groups;
      return crosswalkCheck(kind, kind === 'departments' ? g.departments : g.locations, values, kind === 'departments' ? mappings.departments : mappings.locations);
    }));
  }
  return out;
}

/** Runs every check for the profile and returns the report (never throws for a failed check). */
export async function runDoctor(deps: DoctorDeps): Promise<DoctorReport> {
  const now = deps.now ?? (() => new Date());
  const startedAt = now().toISOString();
  deps.logger?.info(`Doctor: checking profile ${deps.profile.id}`);
  const [leverOutcome, charthopOutcome] = await Promise.all([leverChecks(deps.lever), charthopChecks(deps.charthop)]);
  const usableCharthop = charthopOutcome.usable ? deps.charthop : null;
  const metricFields = usableCharthop
    ? await isolated('charthop.metric-fields', () => metricFieldsCheck(usableCharthop, deps.profile.metricFields))
    : unverified('charthop.metric-fields', 'Not checked: it needs a working ChartHop connection.');
  const data = await dataChecks(
    deps,
    leverOutcome.keyAccepted ? deps.lever : null,
    charthopOutcome.usable ? deps.charthop : null,
    leverOutcome.confidential,
  );
  const all = [...leverOutcome.checks, ...charthopOutcome.checks, metricFields, ...data, ...settingsChecks(deps.profile), webhookCheck(deps.webhook, deps.profile.kind === 'sandbox')];
  const order = new Map<string, number>(DOCTOR_CHECK_IDS.map((id, i) => [id, i]));
  const checks = all.sort((a, b) => (order.get(a.id) ?? 99) - (order.get(b.id) ?? 99));
  const counts: Record<DoctorStatus, number> = { pass: 0, warn: 0, fail: 0, unverified: 0 };
  for (const c of checks) counts[c.status] += 1;
  deps.logger?.info(`Doctor: ${counts.pass} passed, ${counts.warn} warnings, ${counts.fail} failed, ${counts.unverified} unverified`);
  return { profileId: deps.profile.id, startedAt, finishedAt: now().toISOString(), ok: counts.fail === 0, counts, checks };
}
