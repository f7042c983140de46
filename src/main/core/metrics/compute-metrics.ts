/**
 * Candidate metrics per linked requisition, from the opportunities on its
 * postings (lever-api.md §11). Pure: inputs are what the reader fetched.
 *
 * Definitions (ours, the references leave them open — each number's
 * explanation says how it was computed):
 * - active candidates: opportunities on the postings that are not archived;
 * - active in interview stages: of those, the ones whose current stage is an
 *   interview stage (stage name mentions interview, screen, onsite, panel or
 *   assessment);
 * - active offers: active opportunities whose newest offer is out
 *   (approved, sent, sent-manually, opened or signed);
 * - total offers: opportunities (active or archived) with at least one offer
 *   that was extended (sent, sent-manually, opened, signed or denied).
 * An opportunity on a posting shared by several requisitions is counted once:
 * for the requisition it was hired against when it was, otherwise for the
 * first (by code) of the posting's requisitions.
 */
import { plural } from '../../../shared/text/wording.ts';

/** An opportunity as the metrics need it. */
export interface MetricOpportunity {
  id: string;
  postingId: string;
  archived: boolean;
  stageId: string | null;
  /** The requisition id it was hired against, if any. */
  hiredForRequisitionId: string | null;
  /** Offer statuses, newest last. */
  offerStatuses: string[];
}

/** A linked requisition and its postings. */
export interface MetricRequisition {
  id: string;
  code: string;
  jobId: string;
  postingIds: string[];
}

/** The four numbers ChartHop stores on a job. */
export interface CandidateMetrics {
  active: number;
  interview: number;
  activeOffers: number;
  totalOffers: number;
}

/** Metrics of one requisition with the sentence that says how they were computed. */
export interface RequisitionMetrics {
  requisitionId: string;
  code: string;
  jobId: string;
  metrics: CandidateMetrics;
  explanation: string;
}

const INTERVIEW = /interview|screen|onsite|on-site|panel|assessment/i;

/** True when a stage name counts as an interview stage. */
export function isInterviewStage(name: string): boolean {
  return INTERVIEW.test(name);
}

/** Compute every linked requisition's metrics without double counting shared postings. */
export function computeMetrics(
  requisitions: readonly MetricRequisition[],
  opportunities: readonly MetricOpportunity[],
  stageNames: ReadonlyMap<string, string>,
): RequisitionMetrics[] {
  // Offer statuses (lowercase) that count as out and as extended; built per call so mutation runs can reach them.
  const offerOut = new Set(['approved', 'sent', 'sent-manually', 'opened', 'signed']);
  const offerExtended = new Set(['sent', 'sent-manually', 'opened', 'signed', 'denied']);
  const byPosting = new Map<string, MetricRequisition[]>();
  for (const requisition of [...requisitions].sort((a, b) => a.code.localeCompare(b.code))) {
    for (const posting of requisition.postingIds) byPosting.set(posting, [...(byPosting.get(posting) ?? []), requisition]);
  }
  const counts = new Map<string, CandidateMetrics>(
    requisitions.map((r) => [r.id, { active: 0, interview: 0, activeOffers: 0, totalOffers: 0 }]),
  );
  // Requisitions that share a posting with another: their explanation says each candidate is counted once.
  const shared = new Set<string>();
  const seen = new Set<string>();
  for (const opportunity of opportunities) {
    if (seen.has(opportunity.id)) continue;
    const owners = byPosting.get(opportunity.postingId);
    if (!owners?.length) continue;
    seen.add(opportunity.id);
    const owner = owners.find((r) => r.id === opportunity.hiredForRequisitionId) ?? owners[0]!;
    if (owners.length > 1) for (const r of owners) shared.add(r.id);
    const c = counts.get(owner.id)!;
    const newest = opportunity.offerStatuses.at(-1)?.toLowerCase() ?? null;
    if (!opportunity.archived) {
      c.active += 1;
      // Stryker disable next-line StringLiteral: the fallback for a stage without a name must name no interview stage, and no replacement text does
      if (opportunity.stageId && isInterviewStage(stageNames.get(opportunity.stageId) ?? '')) c.interview += 1;
      if (newest && offerOut.has(newest)) c.activeOffers += 1;
    }
    if (opportunity.offerStatuses.some((s) => offerExtended.has(s.toLowerCase()))) c.totalOffers += 1;
  }
  return requisitions.map((r) => {
    const m = counts.get(r.id)!;
    const postings = r.postingIds.length;
    const sharedNote = shared.has(r.id)
      ? ` Posting(s) shared with other requisitions: each candidate counted once (for the requisition hired against, else the first by code).`
      : '';
    return {
      requisitionId: r.id,
      code: r.code,
      jobId: r.jobId,
      metrics: m,
      explanation:
        postings === 0
          ? 'No postings are linked to this requisition, so every count is 0.'
          : `From ${plural(postings, 'posting')}: ${plural(m.active, 'active candidate')} (not archived), ${m.interview} of them in interview stages, ${m.activeOffers} with an offer out; ${plural(m.totalOffers, 'candidate')} ever extended an offer.${sharedNote}`,
    };
  });
}
