/**
 * The candidate-metric definitions implemented a second time, straight from the fake Lever's raw state and
 * independently of the reader under test: what the metrics tests compare ReqBridge's numbers with.
 */
import type { LeverState } from '../../src/main/sandbox/lever/state.ts';

/** A link between a ChartHop job and a Lever requisition, as a sync records it. */
export interface MetricsLink {
  jobId: string;
  requisitionId: string;
  code: string;
}

/** The four numbers of one job. */
export interface ExpectedCounts {
  active: number;
  interview: number;
  activeOffers: number;
  totalOffers: number;
}

/**
 * Expected counts per job id. With `nonConfidentialOnly`, only what a key without confidential access sees takes
 * part: non-confidential requisitions (links to the others get no numbers) and non-confidential opportunities.
 */
export function expectedCandidateCounts(
  state: LeverState,
  links: readonly MetricsLink[],
  options: { nonConfidentialOnly?: boolean } = {},
): Map<string, ExpectedCounts> {
  const visibleIds = new Set(
    state.requisitions.filter((r) => !options.nonConfidentialOnly || r.confidentiality === 'non-confidential').map((r) => r.id),
  );
  const seen = links.filter((l) => visibleIds.has(l.requisitionId));
  const stageName = new Map(state.stages.map((s) => [s.id, s.text]));
  const interview = /interview|screen|onsite|on-site|panel|assessment/i;
  // A posting shared by several requisitions counts its candidates once: for the one hired against, else the first by code.
  const owners = new Map<string, string[]>();
  for (const link of [...seen].sort((a, b) => a.code.localeCompare(b.code))) {
    for (const posting of state.postings.filter((p) => (p.requisitionCodes ?? []).includes(link.code)))
      owners.set(posting.id, [...(owners.get(posting.id) ?? []), link.requisitionId]);
  }
  const counts = new Map(seen.map((l) => [l.jobId, { active: 0, interview: 0, activeOffers: 0, totalOffers: 0 }]));
  const jobOf = new Map(seen.map((l) => [l.requisitionId, l.jobId]));
  const opportunities = options.nonConfidentialOnly
    ? state.opportunities.filter((o) => o.confidentiality === 'non-confidential')
    : state.opportunities;
  for (const o of opportunities) {
    const posting = o.application?.posting;
    const reqs = posting ? owners.get(posting) : undefined;
    if (!reqs) continue;
    const owner = reqs.find((r) => r === o.application?.requisitionForHire?.id) ?? reqs[0]!;
    const c = counts.get(jobOf.get(owner)!)!;
    const newest = [...o.offers].sort((a, b) => a.createdAt - b.createdAt).at(-1)?.status;
    if (!o.archived) {
      c.active += 1;
      if (interview.test(stageName.get(o.stage) ?? '')) c.interview += 1;
      if (newest && ['approved', 'sent', 'sent-manually', 'opened', 'signed'].includes(newest)) c.activeOffers += 1;
    }
    if (o.offers.some((f) => ['sent', 'sent-manually', 'opened', 'signed', 'denied'].includes(f.status))) c.totalOffers += 1;
  }
  return counts;
}
