/**
 * Outbound pairing: which Lever requisition belongs to each ChartHop job.
 * In order: the link in the state DB, the Lever id kept on the job
 * (`leverReqId`), then the requisition code (the job's `req`, or the code
 * ReqBridge generates for it — so a create whose outcome was lost is found
 * again). Two jobs claiming one requisition, or a code used twice in Lever,
 * is reported for a person to resolve, never guessed.
 */
import { createGroupIndex, indexBy } from './group-index.ts';
import type { JobRecord, LinkRecord, RequisitionRecord } from './model.ts';

/** How a job relates to Lever. */
export type JobPairing =
  | { kind: 'pair'; req: RequisitionRecord; via: 'link' | 'id' | 'code' }
  | { kind: 'none'; missingLink: LinkRecord | null }
  | { kind: 'attention'; reason: 'duplicate_code' | 'requisition_linked_elsewhere'; text: string; req: RequisitionRecord | null };

/** Requisition codes compare trimmed and case-insensitively. */
export function codeKey(code: string): string {
  const trimmed = code.trim();
  // Stryker disable next-line MethodExpression: equivalent; every code is compared through this function, in either case.
  return trimmed.toLowerCase();
}

/** Pairs every job with its requisition. */
export function pairJobs(
  jobs: readonly JobRecord[],
  requisitions: readonly RequisitionRecord[],
  links: readonly LinkRecord[],
  generatedCode: (jobId: string) => string,
): Map<string, JobPairing> {
  const reqById = indexBy(requisitions, (r) => r.id);
  const reqsByCode = createGroupIndex<string, RequisitionRecord>();
  for (const r of requisitions) reqsByCode.add(codeKey(r.code), r);
  const linkByJob = indexBy(links, (l) => l.jobId);
  const linkByReq = indexBy(links, (l) => l.requisitionId);

  const pairings = new Map<string, JobPairing>();
  for (const job of jobs) {
    const link = linkByJob.get(job.id) ?? null;
    const linked = link ? reqById.get(link.requisitionId) : undefined;
    if (linked) {
      pairings.set(job.id, { kind: 'pair', req: linked, via: 'link' });
      continue;
    }
    const elsewhere = (req: RequisitionRecord): JobPairing | null => {
      const other = linkByReq.get(req.id);
      // Stryker disable next-line ConditionalExpression: equivalent; one link per job (links store), so a requisition linked to this job pairs through the link above.
      if (!other || other.jobId === job.id) return null;
      return {
        kind: 'attention',
        reason: 'requisition_linked_elsewhere',
        req,
        text: `The Lever requisition ${req.code} this job points to is already linked to another ChartHop job (${other.jobId}). Fix the job's requisition code or Lever Req ID in ChartHop.`,
      };
    };
    const byId = job.leverReqId ? reqById.get(job.leverReqId) : undefined;
    if (byId) {
      pairings.set(job.id, elsewhere(byId) ?? { kind: 'pair', req: byId, via: 'id' });
      continue;
    }
    const code = job.req?.trim() || generatedCode(job.id);
    const hits = reqsByCode.get(codeKey(code));
    const [only] = hits;
    if (hits.length > 1) {
      pairings.set(job.id, {
        kind: 'attention',
        reason: 'duplicate_code',
        req: null,
        text: `Lever has ${hits.length} requisitions with the code ${code}, so ReqBridge cannot tell which one belongs to this job. Give each requisition its own code in Lever.`,
      });
    } else if (only) {
      pairings.set(job.id, elsewhere(only) ?? { kind: 'pair', req: only, via: 'code' });
    } else {
      pairings.set(job.id, { kind: 'none', missingLink: link });
    }
  }
  return resolveSharedClaims(jobs, pairings);
}

/** A requisition claimed by several jobs stays with the linked one; the others are reported. */
function resolveSharedClaims(jobs: readonly JobRecord[], pairings: Map<string, JobPairing>): Map<string, JobPairing> {
  const claims = createGroupIndex<string, string>();
  for (const [jobId, p] of pairings) if (p.kind === 'pair') claims.add(p.req.id, jobId);
  // Titles only name the other claimants, which is rare: the map is built on the first shared claim.
  let titles: Map<string, string> | null = null;
  for (const [, jobIds] of claims.shared()) {
    titles ??= new Map(jobs.map((j) => [j.id, j.title]));
    const keeper = jobIds.find((id) => (pairings.get(id) as { via?: string }).via === 'link');
    for (const id of jobIds) {
      if (id === keeper) continue;
      const p = pairings.get(id) as Extract<JobPairing, { kind: 'pair' }>;
      const others = jobIds
        .filter((o) => o !== id)
        .map((o) => `"${titles?.get(o) ?? o}"`)
        .join(', ');
      pairings.set(id, {
        kind: 'attention',
        reason: 'duplicate_code',
        req: p.req,
        text: `The requisition code ${p.req.code} is also used by ${others} in ChartHop; one requisition cannot belong to two jobs. Give each job its own requisition code.`,
      });
    }
  }
  return pairings;
}
