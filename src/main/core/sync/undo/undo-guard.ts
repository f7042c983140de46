/**
 * The undo's last check before it writes: the requisition or job must still
 * hold what the run wrote. The plan checked it when it was computed; this checks
 * it again on the record as read just before the write, so an edit made while
 * the undo sheet was open is never overwritten.
 */
import type { ChartHopClient } from '../../charthop/client.ts';
import { AppError } from '../../errors.ts';
import type { LeverRequisition } from '../../lever/schemas.ts';
import type { LeverChanges } from '../outbound-map.ts';
import type { JobRecord } from '../model.ts';
import { JOB_FIELDS, jobFromRow, requisitionFromLever } from '../readers.ts';

/** A value as the check compares it: trimmed, lower case, and empty for null or missing (every compared value is text). */
const text = (v: string | null | undefined): string => (v ?? '').trim().toLowerCase();

/** The write keys of `expected` whose value the requisition no longer holds. */
export function changedKeys(current: LeverRequisition, expected: LeverChanges): string[] {
  const r = requisitionFromLever(current);
  const now: Record<string, string | null> = {
    requisitionCode: r.code,
    name: r.name,
    status: r.status,
    employmentStatus: r.employmentStatus,
    department: r.department,
    team: r.team,
    location: r.location,
    hiringManager: r.hiringManagerId,
    owner: r.ownerId,
    confidentiality: r.confidential ? 'confidential' : 'non-confidential',
  };
  const out: string[] = [];
  for (const [key, value] of Object.entries(expected)) {
    if (key === 'compensation') {
      const comp = value as LeverChanges['compensation'];
      const band = r.compensationBand;
      const same =
        comp === null || comp === undefined
          ? band === null || band.max === null
          : band !== null && band.max === comp.max && text(band.currency) === text(comp.currency);
      if (!same) out.push(key);
    } else if (text(now[key]) !== text(value as string | null | undefined)) {
      out.push(key);
    }
  }
  return out;
}

/** Throws, failing the row with a sentence, when the requisition changed since the undo was planned. */
export function assertUnchanged(current: LeverRequisition, expected: LeverChanges): void {
  const changed = changedKeys(current, expected);
  if (changed.length > 0) {
    throw new AppError(
      'undo.changed_since',
      `The requisition ${current.requisitionCode} changed since the undo was planned (${changed.join(', ')}), so nothing was written to it. Plan the undo again to see the values now.`,
    );
  }
}

/** What an inbound run wrote on a ChartHop job, as the undo checks it again: its code, title, recruiting status and Lever Req ID. */
export interface JobExpectation {
  req?: string | null;
  title?: string | null;
  recruit?: string | null;
  leverReqId?: string | null;
}

/**
 * Throws, failing the row with a sentence, when the ChartHop job no longer holds what the run wrote;
 * resolves false when the job is gone (nothing to take back), true when it is unchanged.
 */
export async function jobUnchanged(charthop: ChartHopClient, jobId: string, expected: JobExpectation): Promise<boolean> {
  let job: JobRecord | null = null;
  for await (const row of charthop.jobs.rows({ fields: JOB_FIELDS, ids: [jobId] })) if (row.id === jobId) job = jobFromRow(row);
  if (!job) return false;
  if (job.identityUnreadable !== undefined) {
    throw new AppError(
      'undo.unreadable',
      `ChartHop's answer does not show the job "${job.title}"'s requisition code and Lever Req ID in a shape ReqBridge can read, so nothing was written to it. Run Check connection.`,
    );
  }
  const now: Record<keyof JobExpectation, string | null> = {
    req: job.req,
    title: job.title,
    recruit: job.recruit,
    leverReqId: job.leverReqId,
  };
  const changed = (Object.keys(expected) as (keyof JobExpectation)[]).filter((k) => text(now[k]) !== text(expected[k]));
  if (changed.length > 0) {
    throw new AppError(
      'undo.changed_since',
      `The ChartHop job "${job.title}" changed since the undo was planned (${changed.join(', ')}), so nothing was written to it. Plan the undo again to see the values now.`,
    );
  }
  return true;
}
