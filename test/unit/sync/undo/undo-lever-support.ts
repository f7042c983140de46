// Inputs for the undo rows of what a run wrote to Lever: a record the run applied with the journal's
// operation that wrote it, and both systems as they are when the undo is planned.
import type { FieldDiff, PlanAction } from '../../../../src/shared/api/sync-views.ts';
import type { FieldKey } from '../../../../src/main/core/sync/fields.ts';
import { FIELD_LABELS } from '../../../../src/main/core/sync/fields.ts';
import type { JobRecord, LinkRecord, RequisitionRecord } from '../../../../src/main/core/sync/model.ts';
import type { RowOp } from '../../../../src/main/core/sync/plan-types.ts';
import type { UndoWorld } from '../../../../src/main/core/sync/undo/undo-rows.ts';
import type { AppliedRecord } from '../../../../src/main/core/sync/undo/undo-source.ts';
import { leverSnapshot } from '../builders.ts';

/** The run being undone. */
export const RUN_ID = 7;

/** One field of a run item's diff, labelled as the plan labels it. */
export const change = (field: FieldKey, before: string | null, after: string | null): FieldDiff => ({
  field,
  label: FIELD_LABELS[field],
  before,
  after,
});

/** What the run item recorded besides its operation. */
export interface AppliedInit {
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

/** A record the run applied (run item 41) with the operation that wrote it. */
export function applied(op: RowOp, init: AppliedInit): AppliedRecord {
  const { result = {}, ...item } = init;
  return {
    item: { id: 41, recordKey: `job:${init.jobId ?? '-'}`, outcome: 'applied', reasonText: 'What the run said.', error: null, ...item },
    op,
    result,
  };
}

/** Both systems and the links as the undo reads them. */
export function undoWorld(
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
