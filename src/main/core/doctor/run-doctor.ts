/**
 * `runDoctor`: every pre-flight check for a profile, in a fixed order, each
 * one isolated (a check that throws becomes `unverified` with the reason, the
 * others still run). Read-only: no probe changes data in either system, so a
 * cancel leaves nothing half-written: the checks not finished by then are
 * reported "Not checked — cancelled". Progress is reported as each check
 * finishes ("check K of N: title"; the Lever and ChartHop checks run side by side).
 */
import type { ChartHopClient } from '../charthop/client.ts';
import type { LeverClient } from '../lever/client.ts';
import { METRIC_FIELDS_TITLE, charthopChecks, metricFieldsCheck } from './charthop-checks.ts';
import { crosswalkCheck, duplicateTeamsCheck, usersCheck } from './data-checks.ts';
import { IDENTITY_CHECK_TITLE, identityCheck } from './identity-check.ts';
import { SHAPES_CHECK_TITLE, shapesCheck } from './shapes-check.ts';
import { charthopGroups, leverUses, openJobStaff } from './data-sources.ts';
import type { LeverUse } from './data-sources.ts';
import { leverChecks } from './lever-checks.ts';
import { settingsChecks, webhookCheck } from './settings-checks.ts';
import { CANCELLED_CHECK_DETAIL } from '../../../shared/api/doctor-views.ts';
import { createPhaseReporter } from '../sync/progress.ts';
import { DOCTOR_CHECK_IDS } from './types.ts';
import type { DoctorCheck, DoctorDeps, DoctorReport, DoctorStatus } from './types.ts';

/** Checks finished before the progress gives an ETA. */
const ETA_AFTER_CHECKS = 3;

const DATA_TITLES: Record<string, string> = {
  'users.match': 'Hiring managers and recruiters exist in Lever',
  'lever.duplicate-teams': 'No Lever team name under two departments',
  'crosswalk.departments': 'Departments match between ChartHop and Lever',
  'crosswalk.locations': 'Locations match between ChartHop and Lever',
  'charthop.metric-fields': METRIC_FIELDS_TITLE,
  'identity.lookups': IDENTITY_CHECK_TITLE,
};

function unverified(id: string, detail: string): DoctorCheck {
  return { id, title: DATA_TITLES[id] ?? id, status: 'unverified', detail, fix: null };
}

/** Runs `make`, turning a thrown error into an `unverified` row. */
async function isolated(id: string, make: () => Promise<DoctorCheck> | DoctorCheck): Promise<DoctorCheck> {
  try {
    return await make();
  } catch (error) {
    return {
      ...unverified(id, `Could not check: ${error instanceof Error ? error.message : String(error)}`),
      fix: 'Fix the problems above, then check again.',
    };
  }
}

/** A check a cancel stopped (or never let start). */
function cancelledCheck(check: Pick<DoctorCheck, 'id' | 'title'>): DoctorCheck {
  return { id: check.id, title: check.title, status: 'unverified', detail: CANCELLED_CHECK_DETAIL, fix: 'Press Check again to run it.' };
}

async function dataChecks(
  deps: DoctorDeps,
  lever: LeverClient | null,
  charthop: ChartHopClient | null,
  confidential: boolean,
  onCheck: (check: DoctorCheck) => void,
): Promise<DoctorCheck[]> {
  const { mappings } = deps.profile;
  const needs = (what: string): string => `Not checked: ${what}.`;
  const stopped = (): boolean => deps.signal?.aborted === true;
  let uses: Promise<LeverUse[]> | undefined;
  const leverData = (): Promise<LeverUse[]> => (uses ??= leverUses(lever as LeverClient, confidential));
  const groups = charthop ? charthopGroups(charthop) : undefined;
  groups?.catch(() => undefined);
  const out: DoctorCheck[] = [];
  const add = (check: DoctorCheck): void => {
    out.push(check);
    onCheck(check);
  };
  /** Runs one data check unless the doctor was cancelled first. */
  const check = (id: string, make: () => Promise<DoctorCheck> | DoctorCheck): Promise<DoctorCheck> =>
    stopped() ? Promise.resolve(cancelledCheck({ id, title: DATA_TITLES[id] ?? id })) : isolated(id, make);
  add(
    charthop
      ? await check('identity.lookups', () => identityCheck(charthop, lever))
      : unverified('identity.lookups', needs('it needs a working ChartHop connection')),
  );
  add(
    lever && charthop
      ? await check('users.match', async () => {
          const { openJobs, staff } = await openJobStaff(charthop);
          return usersCheck(staff, openJobs, lever, mappings.users);
        })
      : unverified('users.match', needs('it needs both a working Lever key and a working ChartHop connection')),
  );
  add(
    lever
      ? await check('lever.duplicate-teams', async () => duplicateTeamsCheck(await leverData()))
      : unverified('lever.duplicate-teams', needs('it needs a working Lever key')),
  );
  for (const kind of ['departments', 'locations'] as const) {
    const id = `crosswalk.${kind}`;
    if (!lever || !groups) {
      add(unverified(id, needs('it needs both a working Lever key and a working ChartHop connection')));
      continue;
    }
    add(
      await check(id, async () => {
        const all = await leverData();
        const values = new Set(all.flatMap((u) => (kind === 'departments' ? (u.department ? [u.department] : []) : u.locations)));
        const g = await groups;
        return crosswalkCheck(
          kind,
          kind === 'departments' ? g.departments : g.locations,
          values,
          kind === 'departments' ? mappings.departments : mappings.locations,
        );
      }),
    );
  }
  return out;
}

/** Runs every check for the profile and returns the report (never throws for a failed check). */
export async function runDoctor(deps: DoctorDeps): Promise<DoctorReport> {
  const now = deps.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const cancelled = (): boolean => deps.signal?.aborted === true;
  deps.logger?.info(`Doctor: checking profile ${deps.profile.id}`);

  // Progress: each check counts once, when it is decided; one decided after a cancel was cut short
  // (its probe aborted, or never started) and does not count: the progress stops where the cancel found it.
  const total = DOCTOR_CHECK_IDS.length;
  const seen = new Set<string>();
  const finished = new Set<string>();
  const cut = new Set<string>();
  const progress = createPhaseReporter<'checking'>(
    'checking',
    (counts, current) => deps.onProgress?.({ profileId: deps.profile.id, ...counts, current }),
    () => now().getTime(),
    { etaPhases: ['checking'], etaAfter: ETA_AFTER_CHECKS, minIntervalMs: 0 },
  );
  const onCheck = (check: DoctorCheck): void => {
    if (seen.has(check.id)) return;
    seen.add(check.id);
    if (cancelled()) {
      cut.add(check.id);
      return;
    }
    finished.add(check.id);
    progress.done(finished.size, Math.max(total, finished.size), check.title);
  };
  progress.phase('checking', total);

  // The ChartHop side (then its metric fields) runs beside the Lever probes.
  const charthopSide = charthopChecks(deps.charthop, onCheck).then(async (outcome) => {
    outcome.checks.forEach(onCheck);
    const usable = outcome.usable ? deps.charthop : null;
    const metricFields = cancelled()
      ? cancelledCheck({ id: 'charthop.metric-fields', title: METRIC_FIELDS_TITLE })
      : usable
        ? await isolated('charthop.metric-fields', () => metricFieldsCheck(usable, deps.profile.metricFields))
        : unverified('charthop.metric-fields', 'Not checked: it needs a working ChartHop connection.');
    onCheck(metricFields);
    return { outcome, metricFields };
  });
  const [leverOutcome, { outcome: charthopOutcome, metricFields }] = await Promise.all([leverChecks(deps.lever, onCheck), charthopSide]);
  leverOutcome.checks.forEach(onCheck);
  const data = await dataChecks(
    deps,
    leverOutcome.keyAccepted ? deps.lever : null,
    charthopOutcome.usable ? deps.charthop : null,
    leverOutcome.confidential,
    onCheck,
  );
  const shapes = cancelled() ? cancelledCheck({ id: 'api.shapes', title: SHAPES_CHECK_TITLE }) : shapesCheck(deps.shapes?.() ?? null);
  const all = [
    ...leverOutcome.checks,
    ...charthopOutcome.checks,
    metricFields,
    ...data,
    shapes,
    ...settingsChecks(deps.profile),
    webhookCheck(deps.webhook, deps.profile.kind === 'sandbox'),
  ];
  all.forEach(onCheck);
  const order = new Map<string, number>(DOCTOR_CHECK_IDS.map((id, i) => [id, i]));
  const checks = all.map((c) => (cut.has(c.id) ? cancelledCheck(c) : c)).sort((a, b) => (order.get(a.id) ?? 99) - (order.get(b.id) ?? 99));
  const counts: Record<DoctorStatus, number> = { pass: 0, warn: 0, fail: 0, unverified: 0 };
  for (const c of checks) counts[c.status] += 1;
  const stopped = cut.size > 0;
  deps.logger?.info(
    `Doctor: ${counts.pass} passed, ${counts.warn} warnings, ${counts.fail} failed, ${counts.unverified} unverified${stopped ? ` (cancelled: ${cut.size} not checked)` : ''}`,
  );
  const report = {
    profileId: deps.profile.id,
    startedAt,
    finishedAt: now().toISOString(),
    ok: counts.fail === 0,
    counts,
    checks,
    cancelled: stopped,
  };
  // A check's detail can quote a vendor's or the keychain's text: it passes through the redactor.
  return deps.redact ? deps.redact(report) : report;
}
