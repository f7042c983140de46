/**
 * The ChartHop job a hire goes into: the job linked to the requisition the
 * opportunity was hired against. The sync engine's `links` table is asked
 * first, then the ChartHop job fields that carry the link (`leverReqId`, the
 * Lever requisition id; `req`, the requisition code).
 */
import type { ChartHopClient } from '../charthop/client.ts';
import type { ChartHopJob } from '../charthop/schemas.ts';
import { isHttpFailure } from '../http/errors.ts';
import type { StateDb } from '../state/state-db.ts';

/** How a job was found. */
export type LinkSource = 'links' | 'leverReqId' | 'req';

/** The job, or why there is none. */
export type JobLookup = { found: true; job: ChartHopJob; via: LinkSource } | { found: false; reason: string };

/** The job's title as ChartHop shows it. */
export function jobTitle(job: ChartHopJob): string | null {
  return typeof job.title === 'string' && job.title.trim() ? job.title.trim() : null;
}

/**
 * True when ChartHop refused a query because the org has no such field: a 400 whose message names
 * the field (e.g. an org without the native Lever app has no `leverReqId`). Any other refusal means
 * the lookup could not be made, which is not the same as "no job".
 */
export function isNoSuchField(error: unknown, field: string): boolean {
  return (
    isHttpFailure(error, 'bad_request') && error.status === 400 && (error.serverMessage ?? '').toLowerCase().includes(field.toLowerCase())
  );
}

async function byField(charthop: ChartHopClient, field: 'leverReqId' | 'req', value: string): Promise<ChartHopJob | null> {
  try {
    return await charthop.jobs.findByKey({ field, value });
  } catch (error) {
    if (isNoSuchField(error, field)) return null;
    throw error;
  }
}

/**
 * What to do about a requisition without a job: inbound, a sync creates or links the job; outbound, a sync
 * never creates ChartHop jobs from Lever, so the job has to be linked (the hire's details find it).
 */
function unlinkedAdvice(direction: 'outbound' | 'inbound'): string {
  return direction === 'inbound'
    ? 'Sync the requisitions (Sync now or Reconcile…) so the job exists and is linked, then Replay.'
    : "With ChartHop as the source of truth a sync never creates ChartHop jobs from Lever: open the hire's Details to link the job it belongs to " +
        "(Link now), or put the requisition code in the job's Requisition ID field in ChartHop; then Replay.";
}

/** Finds the ChartHop job linked to `requisition`; the reason for none gives the advice of the profile's `direction`. */
export async function findLinkedJob(
  state: StateDb,
  charthop: ChartHopClient,
  requisition: { id: string; code: string | null } | null,
  direction: 'outbound' | 'inbound' = 'inbound',
): Promise<JobLookup> {
  if (!requisition) {
    return {
      found: false,
      reason: 'Lever hired the candidate without a requisition (the posting has none), so no ChartHop job is linked to this hire.',
    };
  }
  const label = requisition.code ? `${requisition.code} (${requisition.id})` : requisition.id;
  const link = state.db.prepare('SELECT charthop_job_id FROM links WHERE lever_requisition_id = ?').get(requisition.id) as
    { charthop_job_id: string } | undefined;
  if (link) {
    try {
      return { found: true, job: await charthop.jobs.get(link.charthop_job_id), via: 'links' };
    } catch (error) {
      if (!isHttpFailure(error, 'not_found')) throw error;
      return {
        found: false,
        reason: `Lever requisition ${label} is linked to ChartHop job ${link.charthop_job_id}, which no longer exists in ChartHop. Sync the requisitions again (Sync now or Reconcile), then Replay.`,
      };
    }
  }
  const byId = await byField(charthop, 'leverReqId', requisition.id);
  if (byId) return { found: true, job: byId, via: 'leverReqId' };
  const byCode = requisition.code ? await byField(charthop, 'req', requisition.code) : null;
  if (byCode) return { found: true, job: byCode, via: 'req' };
  return { found: false, reason: `No ChartHop job is linked to Lever requisition ${label}. ${unlinkedAdvice(direction)}` };
}
