/**
 * Outbound rows for links whose ChartHop job is gone, and the small row builders the outbound planner
 * shares with them. A requisition ReqBridge created that has no postings is deleted in Lever; any other is
 * closed, with the reason on the row.
 */
import type { FieldDiff } from '../../../shared/api/sync-views.ts';
import { FIELD_LABELS } from './fields.ts';
import { indexBy } from './group-index.ts';
import type { RequisitionRecord } from './model.ts';
import type { JobPairing } from './outbound-pairing.ts';
import type { OutboundPlanInput } from './plan-outbound.ts';
import type { PlannedRow } from './plan-types.ts';
import { rowView } from './plan-types.ts';

/** What a planned row is built from. */
export type PlannedRowInit = Parameters<typeof rowView>[0];

/** A planned row: its view and the operation it applies (null when it writes nothing). */
export function row(init: PlannedRowInit, op: PlannedRow['op']): PlannedRow {
  return { view: rowView(init), op };
}

/** The diff of a status change. */
export function statusDiff(before: string, after: string): FieldDiff {
  return { field: 'status', label: FIELD_LABELS.status, before, after };
}

/**
 * Links whose ChartHop job is gone: delete a requisition ReqBridge created that has no postings, else close it.
 * `pairings` has an entry for every job read, so it tells which jobs are present; the requisitions are indexed
 * only when some link's job is gone.
 */
export function deletedJobRows(
  input: OutboundPlanInput,
  pairings: ReadonlyMap<string, JobPairing>,
  requisitions: readonly RequisitionRecord[],
): PlannedRow[] {
  const scope = input.jobIds ? new Set(input.jobIds) : null;
  const gone = input.links.filter((link) => !pairings.has(link.jobId) && (!scope || scope.has(link.jobId)));
  // Stryker disable next-line ConditionalExpression: equivalent; the early return only skips building the index.
  if (gone.length === 0) return [];
  const reqById = indexBy(requisitions, (r) => r.id);
  const rows: PlannedRow[] = [];
  for (const link of gone) {
    const req = reqById.get(link.requisitionId);
    if (!req || req.status === 'closed') continue;
    const head = { id: `job:${link.jobId}`, title: req.name.trim(), jobId: link.jobId, requisitionId: req.id, requisitionCode: req.code };
    if (link.createdByReqBridge && req.postings.length === 0) {
      rows.push(
        row(
          {
            ...head,
            action: 'delete',
            reason: 'job_deleted',
            diff: [statusDiff(req.status, 'deleted')],
            reasonText:
              'The job was deleted in ChartHop, and ReqBridge created this requisition, which has no postings: it will be deleted in Lever.',
          },
          { kind: 'lever.delete', jobId: link.jobId, requisitionId: req.id, code: req.code },
        ),
      );
    } else {
      const why = link.createdByReqBridge
        ? `it has ${req.postings.length} posting${req.postings.length === 1 ? '' : 's'}`
        : 'it was not created by ReqBridge';
      rows.push(
        row(
          {
            ...head,
            action: 'close',
            reason: 'job_deleted_close',
            diff: [statusDiff(req.status, 'closed')],
            reasonText: `The job was deleted in ChartHop; the requisition will be closed rather than deleted because ${why}.`,
          },
          { kind: 'lever.close', jobId: link.jobId, jobExists: false, requisitionId: req.id, code: req.code, synced: {} },
        ),
      );
    }
  }
  return rows;
}
