// Inputs for the pure tests of the ChartHop undo rows: a run's applied record, the world it is undone against.
import type { FieldDiff, PlanAction } from '../../../../src/shared/api/sync-views.ts';
import type { FieldKey, FieldValues } from '../../../../src/main/core/sync/fields.ts';
import { FIELD_LABELS } from '../../../../src/main/core/sync/fields.ts';
import type { JobRecord, LinkRecord } from '../../../../src/main/core/sync/model.ts';
import type { RowOp } from '../../../../src/main/core/sync/plan-types.ts';
import type { UndoWorld } from '../../../../src/main/core/sync/undo/undo-row-parts.ts';
import type { AppliedRecord } from '../../../../src/main/core/sync/undo/undo-source.ts';
import { leverSnapshot } from '../builders.ts';

/** The run being undone in these tests. */
export const RUN_ID = 7;

/** One field of a run item's diff, labelled as the run recorded it. */
export function change(field: FieldKey, before: string | null, after: string | null): FieldDiff {
  return { field, label: FIELD_LABELS[field], before, after };
}

/** The world as it is now: the ChartHop jobs, the links, the jobs holding a hire. */
export function undoWorld(jobs: JobRecord[], extra: Partial<Omit<UndoWorld, 'jobs'>> = {}): UndoWorld {
  return {
    runId: RUN_ID,
    lever: leverSnapshot([]),
    jobs: new Map(jobs.map((j) => [j.id, j])),
    links: [],
    jobsWithHires: new Set(),
    ...extra,
  };
}

/** A record the run applied (item 11, action `action`) with the operation that wrote it. */
export function applied(
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

/** A link of requisition `requisitionId` as the state holds it now. */
export function inboundLink(jobId: string, requisitionId: string, synced: FieldValues): LinkRecord {
  return { jobId, requisitionId, requisitionCode: 'LVR-1', createdByReqBridge: false, syncedDirection: 'inbound', synced };
}
