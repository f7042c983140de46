/**
 * The undo plan of a run: one row per record the run applied, reversing it
 * (undo-rows.ts), plus one row per person the run's time created through the
 * new-hire flow, which is never undone automatically. Refused, with a
 * sentence, for an undo run, a run already undone, a run still going, and
 * runs that wrote no requisitions (candidate metrics, the hires catch-up).
 */
import type { RunSummary } from '../../../../shared/api/sync-views.ts';
import type { ProfileSettings } from '../../../../shared/settings/schema.ts';
import { CHARTHOP_DEFAULT_BASE_URL } from '../../../../shared/settings/schema.ts';
import { AppError } from '../../errors.ts';
import type { StateDb } from '../../state/state-db.ts';
import type { RunClients } from '../engine-plan.ts';
import type { LinkRecord } from '../model.ts';
import type { EnginePlan, PlannedRow } from '../plan-types.ts';
import { rowView } from '../plan-types.ts';
import { readChartHop, readLever } from '../readers.ts';
import type { RunLog } from '../run-log.ts';
import { undoRow } from './undo-rows.ts';
import type { CreatedPerson } from './undo-source.ts';
import { appliedRecords, jobsWithHires, peopleCreatedDuring } from './undo-source.ts';

/** Why a run cannot be undone, as a sentence, or null when it can. */
export function undoRefusal(run: RunSummary): string | null {
  if (run.kind === 'undo')
    return `Run #${run.id} is itself an undo, and an undo cannot be undone. Run Sync now or Reconcile to bring the records back in line.`;
  if (run.undoneBy)
    return `Run #${run.id} was already undone by run #${run.undoneBy}; a run can be undone once. Open run #${run.undoneBy} to see what it took back.`;
  if (run.status === 'running') return `Run #${run.id} is still running. Undo it when it has finished.`;
  if (run.direction === 'metrics' || run.direction === 'hires') {
    return `Run #${run.id} ${run.direction === 'metrics' ? 'pulled candidate metrics' : 'caught up new hires'} and wrote no requisitions, so there is nothing to undo. Only requisition syncs can be undone.`;
  }
  return null;
}

/** The address of a person in ChartHop (the app for the real service, the API record elsewhere). */
export function personUrl(profile: ProfileSettings, personId: string): string {
  const { baseUrl, org } = profile.charthop;
  const slug = encodeURIComponent(org || 'org');
  if (baseUrl.replace(/\/+$/, '') === CHARTHOP_DEFAULT_BASE_URL)
    return `https://app.charthop.com/${slug}/person/${encodeURIComponent(personId)}`;
  return `${baseUrl.replace(/\/+$/, '')}/v2/org/${slug}/person/${encodeURIComponent(personId)}`;
}

function hireRow(profile: ProfileSettings, runId: number, person: CreatedPerson): PlannedRow {
  return {
    view: rowView({
      id: `undo:hire:${person.opportunityId}`,
      title: `New hire (Lever opportunity ${person.opportunityId})`,
      jobId: person.jobId,
      requisitionId: null,
      requisitionCode: null,
      action: 'skip',
      reason: 'hire_not_undone',
      reasonText: `Not undone: hires are never taken back automatically, because a person record holds what HR added since (start date, contact details, documents). While run #${runId} went, ReqBridge created this person in ChartHop; remove them there by hand if the hire was wrong.`,
      link: { label: 'Open the person in ChartHop', url: personUrl(profile, person.personId) },
    }),
    op: null,
  };
}

/**
 * What the consultant must know before applying: an undo puts records back as they were, and the
 * profile's schedules would plan them again — Sync On Change within a minute, since the undo's own
 * writes change ChartHop jobs.
 */
export function undoNotice(profile: ProfileSettings, run: RunSummary): string | undefined {
  const parts: string[] = [];
  if (run.direction !== 'inbound' && profile.options.syncOnChange) {
    parts.push(
      'Sync On Change is on for this profile: it sees the undo’s own changes to ChartHop jobs and would plan these records again within a minute. Pause schedules (tray → Pause schedules) or turn Sync On Change off under Options before applying.',
    );
  }
  if (profile.options.runDaily)
    parts.push(
      'The next daily run plans these records again unless you fix what made this run wrong (the profile, its direction or its mappings) first.',
    );
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** What planning an undo needs. */
export interface UndoPlanInput {
  profile: ProfileSettings;
  runId: number;
  state: StateDb;
  runLog: RunLog;
  clients: RunClients;
  links: readonly LinkRecord[];
  planId: string;
  now: Date;
}

/** The run to undo, or an AppError saying why it cannot be. */
export function undoableRun(runLog: RunLog, runId: number): RunSummary {
  const run = runLog.get(runId);
  if (!run) throw new AppError('runs.not_found', `There is no run #${runId} for this profile. Pick one from the Runs list.`);
  const refusal = undoRefusal(run);
  if (refusal) throw new AppError('undo.refused', refusal);
  return run;
}

/** Reads both systems as they are now and plans the reversal of the run. */
export async function computeUndoPlan(input: UndoPlanInput): Promise<EnginePlan> {
  const run = undoableRun(input.runLog, input.runId);
  const records = appliedRecords(input.state, run.id, input.runLog.items(run.id));
  const [lever, charthop] = await Promise.all([readLever(input.clients.lever), readChartHop(input.clients.charthop, { full: false })]);
  const world = {
    runId: run.id,
    lever,
    jobs: new Map(charthop.jobs.map((j) => [j.id, j])),
    links: input.links,
    jobsWithHires: jobsWithHires(input.state),
  };
  const rows = [
    ...records.map((r) => undoRow(r, world)),
    ...peopleCreatedDuring(input.state, run).map((p) => hireRow(input.profile, run.id, p)),
  ];
  const notice = undoNotice(input.profile, run);
  return {
    id: input.planId,
    profileId: input.profile.id,
    direction: run.direction,
    createdAt: input.now.toISOString(),
    rows,
    unmapped: [],
    // The consultant reviews every row of an undo and picks what to apply: the share rule does not stop it a second time.
    linked: rows.length,
    limit: 1,
    undoes: run.id,
    ...(notice ? { notice } : {}),
  };
}
