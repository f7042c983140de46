/**
 * Inbound pairing: which ChartHop job belongs to each Lever requisition. In
 * order: the link in the state DB, a job carrying the requisition's id
 * (`leverReqId`), a job carrying its code (`req`), and — for an open
 * requisition still unpaired — an open unlinked job with the same title and
 * hiring manager (ChartHop's own reconciliation rule). Exactly one candidate
 * links; several are reported as ambiguous, never guessed.
 */
import type { Crosswalk } from './crosswalk.ts';
import { canonical } from './fields.ts';
import { createGroupIndex, indexBy } from './group-index.ts';
import type { JobRecord, LeverUserRecord, LinkRecord, RequisitionRecord } from './model.ts';
import { codeKey } from './outbound-pairing.ts';

/** How a requisition relates to ChartHop. */
export type ReqPairing =
  | { kind: 'pair'; job: JobRecord; via: 'link' | 'id' | 'code' | 'match' }
  | { kind: 'none'; missingLink: LinkRecord | null }
  | { kind: 'attention'; reason: 'duplicate_code' | 'ambiguous_match' | 'job_linked_elsewhere'; text: string; job: JobRecord | null };

/** What inbound pairing reads. */
export interface InboundPairingInput {
  requisitions: readonly RequisitionRecord[];
  jobs: readonly JobRecord[];
  links: readonly LinkRecord[];
  usersById: ReadonlyMap<string, LeverUserRecord>;
  crosswalk: Crosswalk;
}

/** Title + hiring manager, the match key for unlinked requisitions (manager as a Lever-side email). */
function matchKey(title: string, email: string | null): string {
  const trimmed = title.trim();
  // Stryker disable next-line StringLiteral: equivalent; jobs and requisitions without a manager both get the same stand-in.
  const manager = email ? canonical(email) : '';
  // Stryker disable next-line MethodExpression: equivalent; jobs and requisitions get their keys from this one function, in either case.
  return `${trimmed.toLowerCase()}\n${manager}`;
}

/** Pairs every requisition with its job. */
export function pairRequisitions(input: InboundPairingInput): Map<string, ReqPairing> {
  const jobsById = indexBy(input.jobs, (j) => j.id);
  const linkByReq = indexBy(input.links, (l) => l.requisitionId);
  const linkByJob = indexBy(input.links, (l) => l.jobId);
  const byLeverId = createGroupIndex<string, JobRecord>();
  const byCode = createGroupIndex<string, JobRecord>();
  // Open unlinked jobs may be matched by title and manager, unless a requisition claims them by id or code.
  const candidates = new Set<JobRecord>();
  for (const job of input.jobs) {
    const link = linkByJob.get(job.id);
    // Lever ids are unique: a job linked to the requisition its Lever Req ID names is found through the link,
    // and no other requisition can name it by id, so it needs no entry (most jobs, once linked).
    // Stryker disable next-line ConditionalExpression: equivalent; the skipped entry could only be found by the linked requisition, which pairs through its link.
    if (job.leverReqId && link?.requisitionId !== job.leverReqId) byLeverId.add(job.leverReqId, job);
    // Codes are not unique in Lever: every job stays findable by code, so a second requisition with a linked
    // job's code is reported, never given a new job.
    if (job.req?.trim()) byCode.add(codeKey(job.req), job);
    if (job.open && !link) candidates.add(job);
  }
  // A job is claimed when a listed requisition has its Lever Req ID or its code (an empty code claims the
  // jobs whose code is blank only when some requisition's code is blank too). Asking from the requisitions'
  // side needs no index of requisition ids and codes.
  const unclaim = (job: JobRecord) => void candidates.delete(job);
  let blankCodeListed = false;
  for (const req of input.requisitions) {
    const code = codeKey(req.code);
    byLeverId.forEach(req.id, unclaim);
    byCode.forEach(code, unclaim);
    if (code === '') blankCodeListed = true;
  }
  const byMatch = createGroupIndex<string, JobRecord>();
  for (const job of candidates) {
    if (blankCodeListed && job.req !== null && codeKey(job.req) === '') continue;
    const email = job.hiringManager?.email ? (input.crosswalk.toLever('user', job.hiringManager.email) ?? job.hiringManager.email) : null;
    byMatch.add(matchKey(job.title, email), job);
  }

  const pairings = new Map<string, ReqPairing>();
  for (const req of input.requisitions) {
    const link = linkByReq.get(req.id) ?? null;
    const linked = link ? jobsById.get(link.jobId) : undefined;
    if (linked) {
      pairings.set(req.id, { kind: 'pair', job: linked, via: 'link' });
      continue;
    }
    const elsewhere = (job: JobRecord): ReqPairing | null => {
      const other = linkByJob.get(job.id);
      // Stryker disable next-line ConditionalExpression: equivalent; one link per requisition (links store), so a job linked to this one pairs through the link above.
      if (!other || other.requisitionId === req.id) return null;
      return {
        kind: 'attention',
        reason: 'job_linked_elsewhere',
        job,
        text: `The ChartHop job "${job.title}" that carries this requisition's id or code is already linked to another requisition. Fix the job's requisition code or Lever Req ID in ChartHop.`,
      };
    };
    const pick = (jobs: readonly JobRecord[], via: 'id' | 'code'): ReqPairing | null => {
      if (jobs.length === 0) return null;
      const [only] = jobs;
      if (jobs.length === 1 && only) return elsewhere(only) ?? { kind: 'pair', job: only, via };
      return {
        kind: 'attention',
        reason: 'duplicate_code',
        job: null,
        text: `${jobs.length} ChartHop jobs carry this requisition's ${via === 'id' ? 'Lever Req ID' : `code ${req.code}`}; one requisition cannot belong to two jobs. Fix the jobs in ChartHop.`,
      };
    };
    const found = pick(byLeverId.get(req.id), 'id') ?? pick(byCode.get(codeKey(req.code)), 'code');
    if (found) {
      pairings.set(req.id, found);
      continue;
    }
    if (req.status.toLowerCase() === 'open') {
      const manager = req.hiringManagerId ? (input.usersById.get(req.hiringManagerId)?.email ?? null) : null;
      const candidates = byMatch.get(matchKey(req.name, manager));
      const [only] = candidates;
      if (candidates.length === 1 && only) {
        pairings.set(req.id, { kind: 'pair', job: only, via: 'match' });
        continue;
      }
      // Stryker disable next-line EqualityOperator: equivalent; a single candidate is paired just above.
      if (candidates.length > 1) {
        pairings.set(req.id, {
          kind: 'attention',
          reason: 'ambiguous_match',
          job: null,
          text: `${candidates.length} open ChartHop jobs have the title "${req.name.trim()}" and the same hiring manager; ReqBridge will not guess. Put the requisition code ${req.code} in the right job's Requisition ID field.`,
        });
        continue;
      }
    }
    pairings.set(req.id, { kind: 'none', missingLink: link });
  }
  return resolveSharedJobs(pairings);
}

/** A job claimed by several requisitions stays with the linked one; the other claims are reported. */
function resolveSharedJobs(pairings: Map<string, ReqPairing>): Map<string, ReqPairing> {
  const claims = createGroupIndex<string, string>();
  for (const [reqId, p] of pairings) if (p.kind === 'pair') claims.add(p.job.id, reqId);
  for (const [, reqIds] of claims.shared()) {
    const keeper = reqIds.find((id) => (pairings.get(id) as { via?: string }).via === 'link');
    for (const id of reqIds) {
      if (id === keeper) continue;
      const p = pairings.get(id) as Extract<ReqPairing, { kind: 'pair' }>;
      pairings.set(id, {
        kind: 'attention',
        job: p.job,
        reason: p.via === 'match' ? 'ambiguous_match' : 'duplicate_code',
        text: `Several Lever requisitions match the ChartHop job "${p.job.title}"; ReqBridge will not guess which one it is. Put the right requisition code in the job's Requisition ID field.`,
      });
    }
  }
  return pairings;
}
