// Inputs for the undo's pure tests: a requisition as Lever answers it, a run as the run log lists it, a
// record the run applied with the journal's operation that wrote it, and the world the undo is planned
// against (both systems and the links as they are now).
import type { LeverRequisition } from '../../../../src/main/core/lever/schemas.ts';
import type { FieldKey, FieldValues } from '../../../../src/main/core/sync/fields.ts';
import { FIELD_LABELS } from '../../../../src/main/core/sync/fields.ts';
import type { JobRecord, LinkRecord, RequisitionRecord } from '../../../../src/main/core/sync/model.ts';
import type { RowOp } from '../../../../src/main/core/sync/plan-types.ts';
import { emptyRunCounts } from '../../../../src/main/core/sync/run-log.ts';
import type { UndoWorld } from '../../../../src/main/core/sync/undo/undo-rows.ts';
import type { AppliedRecord } from '../../../../src/main/core/sync/undo/undo-source.ts';
import type { FieldDiff, PlanAction, RunSummary } from '../../../../src/shared/api/sync-views.ts';
import { leverSnapshot } from '../builders.ts';

/** The run being undone. */
export const RUN_ID = 7;

/** One field of a run item's diff, labelled as the plan labels it. */
export function change(field: FieldKey, before: string | null, after: string | null): FieldDiff {
  return { field, label: FIELD_LABELS[field], before, after };
}

/** What ReqBridge writes to create the Lever requisition of `job(id)`: ENG-<id>, open, non-confidential, Engineering/Platform in New York, Grace hiring, Rick owning, 150000 USD a year. */
export function leverRequisitionInput(id: string) {
  return {
    requisitionCode: `ENG-${id}`,
    name: `Engineer ${id}`,
    headcountTotal: 1,
    status: 'open',
    confidentiality: 'non-confidential',
    employmentStatus: 'full-time',
    department: 'Engineering',
    team: 'Platform',
    location: 'New York',
    hiringManager: 'u-grace',
    owner: 'u-rick',
    compensationBand: { currency: 'USD', interval: 'per-year-salary', min: 150_000, max: 150_000 },
  } as const;
}

/** ENG-7 (id r-7) as Lever answers it: `leverRequisitionInput('7')` with no postings, created 2026-01-05. */
export function leverRequisition(extra: Partial<LeverRequisition> = {}): LeverRequisition {
  return {
    id: 'r-7',
    ...leverRequisitionInput('7'),
    postings: [],
    createdAt: Date.UTC(2026, 0, 5),
    ...extra,
  } as LeverRequisition;
}

/** Run #12, a finished outbound sync started by hand. */
export function runSummary(extra: Partial<RunSummary> = {}): RunSummary {
  return {
    id: 12,
    profileId: 'p-1',
    trigger: 'manual',
    direction: 'outbound',
    status: 'succeeded',
    startedAt: '2026-01-05T09:00:00.000Z',
    finishedAt: '2026-01-05T09:01:00.000Z',
    counts: emptyRunCounts(),
    error: null,
    ...extra,
  };
}

/** What a run item that wrote to Lever recorded besides its operation. */
export interface LeverAppliedInit {
  title: string;
  action: PlanAction;
  reason: string;
  diff: FieldDiff[];
  jobId: string | null;
  requisitionId: string | null;
  requisitionCode: string | null;
  /** What the journal confirmed the write returned. */
  result?: Record<string, unknown>;
}

/** A record the run applied to Lever (run item 41) with the operation that wrote it. */
export function appliedLeverWrite(op: RowOp, init: LeverAppliedInit): AppliedRecord {
  const { result = {}, ...item } = init;
  return {
    item: { id: 41, recordKey: `job:${init.jobId ?? '-'}`, outcome: 'applied', reasonText: 'What the run said.', error: null, ...item },
    op,
    result,
  };
}

/** Both systems and the links as the undo of a Lever write reads them. */
export function leverUndoWorld(
  init: {
    requisitions?: RequisitionRecord[];
    confidentialVisible?: boolean;
    jobs?: JobRecord[];
    links?: LinkRecord[];
    hires?: string[];
  } = {},
): UndoWorld {
  return {
    runId: RUN_ID,
    lever: leverSnapshot(init.requisitions ?? [], init.confidentialVisible ?? true),
    jobs: new Map((init.jobs ?? []).map((j) => [j.id, j])),
    links: init.links ?? [],
    jobsWithHires: new Set(init.hires ?? []),
  };
}

/** The world as the undo of a ChartHop write reads it: the ChartHop jobs, no requisitions, no links, no hires unless `extra` says. */
export function chartHopUndoWorld(jobs: JobRecord[], extra: Partial<Omit<UndoWorld, 'jobs'>> = {}): UndoWorld {
  return {
    runId: RUN_ID,
    lever: leverSnapshot([]),
    jobs: new Map(jobs.map((j) => [j.id, j])),
    links: [],
    jobsWithHires: new Set(),
    ...extra,
  };
}

/** A record the run applied to ChartHop (item 11 for requisition lr-1, LVR-1, "Analyst") with the operation that wrote it. */
export function appliedChartHopWrite(
  op: RowOp | null,
  init: { action?: PlanAction; reason?: string; diff?: FieldDiff[]; result?: Record<string, unknown>; jobId?: string | null } = {},
): AppliedRecord {
  return {
    item: {
      id: 11,
      recordKey: 'lr-1',
      title: 'Analyst',
      action: init.action ?? 'update',
      outcome: 'applied',
      reason: init.reason ?? 'drifted',
      reasonText: 'What the run said.',
      diff: init.diff ?? [],
      error: null,
      jobId: init.jobId === undefined ? 'j-1' : init.jobId,
      requisitionId: 'lr-1',
      requisitionCode: 'LVR-1',
    },
    op,
    result: init.result ?? {},
  };
}

/** The charthop.update a run applied to job `jobId` for requisition lr-1 (LVR-1). */
export function jobUpdateOp(
  body: Record<string, unknown>,
  synced: FieldValues = {},
  jobId = 'j-1',
): Extract<RowOp, { kind: 'charthop.update' }> {
  return { kind: 'charthop.update', jobId, requisitionId: 'lr-1', code: 'LVR-1', body, synced };
}

/** The charthop.create a run applied for requisition lr-1 (LVR-1). */
export function jobCreateOp(): Extract<RowOp, { kind: 'charthop.create' }> {
  return {
    kind: 'charthop.create',
    requisitionId: 'lr-1',
    code: 'LVR-1',
    body: { title: 'Analyst', req: 'LVR-1', leverReqId: 'lr-1' },
    synced: { code: 'LVR-1', title: 'Analyst' },
  };
}

/** An inbound link of requisition `requisitionId` (LVR-1) to job `jobId`, synced at `synced`. */
export function inboundLink(jobId: string, requisitionId: string, synced: FieldValues): LinkRecord {
  return { jobId, requisitionId, requisitionCode: 'LVR-1', createdByReqBridge: false, syncedDirection: 'inbound', synced };
}
