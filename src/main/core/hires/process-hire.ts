/**
 * One hire through the guide's rules (seed guide "new hire data"; architecture
 * §3 "New hires"): re-fetch from Lever and confirm it is hired; find the linked
 * ChartHop job; then `job_missing`, `no_email`, `person_exists` (any email,
 * people not in a role included), `not_first_hire` (the job already got a hire
 * from ReqBridge, until that hire is removed in ChartHop). Otherwise create the
 * person and a pending hire on the offer's start date and set the job Pending.
 * Exactly once: the ledger and the LEVER mark on the person make every step
 * resumable, and a finished hire is never written again.
 */
import type { HireDecision } from '../../../shared/api/hires-views.ts';
import type { ChartHopClient } from '../charthop/client.ts';
import { isIdentityUnreadable } from '../charthop/identity.ts';
import { isHttpFailure } from '../http/errors.ts';
import type { LeverClient } from '../lever/client.ts';
import type { Logger } from '../logging/logger.ts';
import type { StateDb } from '../state/state-db.ts';
import { createPerson, hireStillActive, isPersonOf, markJobPending, personName } from './create-hire.ts';
import type { InboxDetail, InboxRow } from './inbox.ts';
import { findLinkedJob, jobTitle } from './job-link.ts';
import type { Ledger, LedgerEntry } from './ledger.ts';
import type { HireFacts, HiredReasons } from './lever-facts.ts';
import { readHire } from './lever-facts.ts';

/** What processing decided. */
export interface HireOutcome {
  decision: HireDecision;
  reason: string;
  jobId: string | null;
  personId: string | null;
  detail: InboxDetail;
}

/** What processing works with. */
export interface ProcessContext {
  state: StateDb;
  ledger: Ledger;
  lever: LeverClient;
  charthop: ChartHopClient;
  reasons: HiredReasons;
  now: () => Date;
  logger: Logger;
  /** The profile's requisition flow: what a "Job missing" reason advises depends on it. */
  direction: 'outbound' | 'inbound';
  /** The display facts recorded on an earlier inbox row. */
  priorDetail: (inboxId: number | null) => InboxDetail;
}

function outcome(
  decision: HireDecision,
  reason: string,
  detail: InboxDetail,
  jobId: string | null = null,
  personId: string | null = null,
): HireOutcome {
  return { decision, reason, jobId, personId, detail };
}

/** What to do when a lookup could not be read, after the sentence of what could not be verified. */
const UNREADABLE_ADVICE =
  "Check by hand in ChartHop (search People for the candidate's emails, former employees included, and the job for the requisition): if the person already exists, move or re-hire them there by hand; otherwise press Replay once ChartHop answers in a shape ReqBridge can read (Check connection shows whether it does).";

/**
 * Applies the rules to one inbox row's opportunity and writes what they allow. A lookup whose
 * answer cannot be read decides `needs_attention`: nothing is created on a guess.
 */
export async function processHire(ctx: ProcessContext, row: InboxRow): Promise<HireOutcome> {
  const detail: InboxDetail = {};
  try {
    return await decideAndWrite(ctx, row, detail);
  } catch (error) {
    if (!isIdentityUnreadable(error)) throw error;
    // Stryker disable next-line StringLiteral: only hire rows are processed and they always name an opportunity (a delivery without one is a ping)
    const opportunity = row.opportunityId ?? '?';
    ctx.logger.warn(`Hire of opportunity ${opportunity}: ${error.message}`);
    return outcome('needs_attention', `${error.message} ${UNREADABLE_ADVICE}`, detail);
  }
}

async function decideAndWrite(ctx: ProcessContext, row: InboxRow, detail: InboxDetail): Promise<HireOutcome> {
  // Stryker disable next-line StringLiteral: only hire rows are processed and they always name an opportunity (a delivery without one is a ping)
  const opportunityId = row.opportunityId ?? '';
  const { charthop, ledger } = ctx;
  // A hire ReqBridge already created is never written again: answered from the ledger and ChartHop alone.
  const prior = ledger.get(opportunityId);
  if (prior?.decision === 'created' && prior.jobId && prior.personId) {
    const known = { ...ctx.priorDetail(prior.inboxId), startDate: prior.startDate };
    if (prior.inboxId === row.id) return outcome('created', prior.reason ?? 'Created in ChartHop.', known, prior.jobId, prior.personId);
    if (await hireStillActive(charthop, prior.jobId, prior.personId)) {
      return outcome(
        'not_first_hire',
        `ReqBridge already brought this hire into ChartHop (person ${prior.personId}, job ${prior.jobId}, ${prior.decidedAt.slice(0, 10)}); only the first hire webhook of a job is processed, so nothing was written. To apply a changed offer, remove that hire in ChartHop, then Replay.`,
        known,
        prior.jobId,
        prior.personId,
      );
    }
  }
  const lookup = await readHire(ctx.lever, ctx.reasons, opportunityId);
  if (!lookup.found) {
    if (row.source === 'webhook')
      ctx.logger.warn(`hint_mismatch: delivery ${row.id} names opportunity ${opportunityId}, which Lever does not have`);
    return outcome(
      'not_hired',
      `Lever has no opportunity ${opportunityId} (it was deleted, or the delivery named the wrong one). Nothing was written.`,
      {},
    );
  }
  const facts = lookup.facts;
  Object.assign(detail, { candidateName: facts.name, jobTitle: null, startDate: facts.offer?.startDate ?? null });
  if (!facts.hired) {
    if (row.source === 'webhook')
      ctx.logger.warn(`hint_mismatch: delivery ${row.id} names opportunity ${opportunityId}, which Lever does not show as hired`);
    return outcome(
      'not_hired',
      'Lever does not show this candidate as hired (not archived with a "hired" reason), so nothing was written.',
      detail,
    );
  }

  const linked = await findLinkedJob(ctx.state, charthop, facts.requisition, ctx.direction);
  if (!linked.found) return outcome('job_missing', linked.reason, detail);
  const job = linked.job;
  detail.jobTitle = jobTitle(job);
  if (facts.emails.length === 0) {
    return outcome(
      'no_email',
      'The candidate has no email address in Lever, and ChartHop identifies people by email. Add an email to the candidate in Lever, then Replay.',
      detail,
      job.id,
    );
  }

  // A person this hire already created (recorded in the ledger) is continued from, never made again.
  let personId = await recordedPerson(charthop, prior?.personId ?? null);
  if (!personId) {
    const existing = await charthop.people.findByEmail(facts.emails);
    if (existing) {
      if (!isPersonOf(existing, opportunityId)) {
        return outcome(
          'person_exists',
          `A person with this candidate's email already exists in ChartHop (${personName(existing)}, ${existing.id}), possibly not in a role. Internal transfers and re-hires are not supported, so nothing was written; move or re-hire the person in ChartHop by hand.`,
          detail,
          job.id,
        );
      }
      personId = existing.id;
    }
  }

  for (const other of ledger.createdForJob(job.id, opportunityId)) {
    if (other.personId && (await hireStillActive(charthop, job.id, other.personId))) {
      return outcome(
        'not_first_hire',
        `The job already received a hire from ReqBridge (person ${other.personId}, opportunity ${other.opportunityId}); only the first hire of a job is processed. Remove that hire in ChartHop, then Replay.`,
        detail,
        job.id,
      );
    }
  }
  if (job.personId && job.personId !== personId) {
    return outcome(
      'not_first_hire',
      `The job already has a person or an announced hire in ChartHop (${job.personId}); only the first hire of a job is processed. Remove that hire in ChartHop, then Replay.`,
      detail,
      job.id,
    );
  }
  const startDate = facts.offer?.startDate ?? null;
  if (!startDate) {
    return outcome(
      'failed',
      facts.offer
        ? 'The Lever offer has no anticipated start date, so the hire cannot be scheduled. Add the start date to the offer in Lever, then Replay.'
        : 'The candidate has no offer in Lever, so there is no start date for the hire. Create the offer (or mark it signed) in Lever, then Replay.',
      detail,
      job.id,
    );
  }
  return writeHire(ctx, row, { jobId: job.id, title: detail.jobTitle, personId, startDate, detail, facts });
}

/** The person the ledger says this hire created, when ChartHop still has them. */
async function recordedPerson(charthop: ChartHopClient, personId: string | null): Promise<string | null> {
  if (!personId) return null;
  try {
    return (await charthop.people.get(personId)).id;
  } catch (error) {
    if (isHttpFailure(error, 'not_found')) return null;
    throw error;
  }
}

async function writeHire(
  ctx: ProcessContext,
  row: InboxRow,
  w: { jobId: string; title: string | null; personId: string | null; startDate: string; detail: InboxDetail; facts: HireFacts },
): Promise<HireOutcome> {
  const { charthop, ledger } = ctx;
  const opportunityId = w.facts.opportunityId;
  const entry = (patch: Partial<LedgerEntry>): LedgerEntry => ({
    opportunityId,
    jobId: w.jobId,
    personId: w.personId,
    decision: 'pending',
    reason: null,
    decidedAt: ctx.now().toISOString(),
    inboxId: row.id,
    step: w.personId ? 'person' : null,
    startDate: w.startDate,
    ...patch,
  });
  ledger.put(entry({}), ctx.now());
  let personId = w.personId;
  if (!personId) {
    const made = await createPerson(charthop, w.facts);
    if ('taken' in made) {
      return outcome(
        'person_exists',
        `A person with this candidate's email was created in ChartHop meanwhile (${personName(made.taken)}, ${made.taken.id}); nothing was written.`,
        w.detail,
        w.jobId,
      );
    }
    personId = made.personId;
    ledger.put(entry({ personId, step: 'person' }), ctx.now());
  }
  await charthop.orgs.hire({
    jobId: w.jobId,
    personId,
    date: w.startDate,
    note: `Hired via Lever (ReqBridge), opportunity ${opportunityId}`,
  });
  ledger.put(entry({ personId, step: 'hire' }), ctx.now());
  const warning = await markJobPending(charthop, w.jobId, w.facts, ctx.logger);
  const title = w.title ? `"${w.title}"` : `job ${w.jobId}`;
  const reason = `Created ${w.facts.name ?? 'the candidate'} in ChartHop (${personId}) with a pending hire into ${title} starting ${w.startDate}; the job's recruiting status is now Pending.${warning ? ` ${warning}` : ''}`;
  ledger.put(entry({ personId, step: 'recruit', decision: 'created', reason }), ctx.now());
  ctx.logger.info(`Hire of opportunity ${opportunityId}: person ${personId} hired into job ${w.jobId} from ${w.startDate}`);
  return outcome('created', reason, w.detail, w.jobId, personId);
}
