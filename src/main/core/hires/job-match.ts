/**
 * A "Job missing" hire on an outbound profile: the Lever requisition it was
 * hired against has no linked ChartHop job, and with ChartHop as the source
 * of truth a sync never creates one. The job often exists, unlinked: this
 * finds the open ChartHop jobs that could be it (same title and hiring
 * manager, no requisition code, no Lever Req ID, no link — ChartHop's own
 * matching rule), and links exactly one. Several candidates are reported,
 * never guessed; the link is re-checked just before it is written.
 */
import type { JobMatchView } from '../../../shared/api/hires-views.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import type { ChartHopClient } from '../charthop/client.ts';
import { AppError } from '../errors.ts';
import { isHttpFailure } from '../http/errors.ts';
import type { LeverClient } from '../lever/client.ts';
import type { StateDb } from '../state/state-db.ts';
import { createCrosswalk } from '../sync/crosswalk.ts';
import { canonical } from '../sync/fields.ts';
import type { JobRecord } from '../sync/model.ts';
import { readChartHop } from '../sync/readers.ts';
import { findLinkedJob, jobTitle } from './job-link.ts';
import type { InboxRow } from './inbox.ts';
import { hiredReasons, readHire } from './lever-facts.ts';

/** What matching works with. */
export interface JobMatchContext {
  state: StateDb;
  lever: LeverClient;
  charthop: ChartHopClient;
  settings: ProfileSettings;
}

/** The requisition of a hire and the jobs that could be its ChartHop job. */
export interface JobMatch {
  view: JobMatchView;
  /** The requisition as Lever has it (null when the hire names none). */
  requisition: { id: string; code: string; name: string } | null;
  candidates: JobRecord[];
}

const titleKey = (title: string): string => title.trim().toLowerCase();

/** The requisition the hire was made against, as Lever has it now, with its hiring manager's user id. */
async function requisitionOf(
  ctx: JobMatchContext,
  row: InboxRow,
): Promise<(NonNullable<JobMatch['requisition']> & { managerId: string | null }) | null> {
  // Stryker disable next-line StringLiteral: a hire waiting for its job always carries an opportunity id, so the fallback is never used
  const lookup = await readHire(ctx.lever, hiredReasons(ctx.lever), row.opportunityId ?? '');
  const ref = lookup.found ? lookup.facts.requisition : null;
  if (!ref) return null;
  const req = await ctx.lever.requisitions.get(ref.id);
  return { id: req.id, code: req.requisitionCode, name: req.name.trim(), managerId: req.hiringManager ?? null };
}

async function managerEmail(lever: LeverClient, userId: string | null | undefined): Promise<string | null> {
  if (!userId) return null;
  try {
    return canonical((await lever.account.user(userId)).email);
  } catch (error) {
    if (isHttpFailure(error, 'not_found')) return null;
    throw error;
  }
}

/** The open, unclaimed ChartHop jobs with the requisition's title and hiring manager. */
async function candidatesFor(ctx: JobMatchContext, name: string, managerId: string | null): Promise<JobRecord[]> {
  const manager = await managerEmail(ctx.lever, managerId);
  const crosswalk = createCrosswalk(ctx.settings.mappings);
  const rows = ctx.state.db.prepare('SELECT charthop_job_id FROM links').all() as { charthop_job_id: string }[];
  const linked = new Set(rows.map((r) => r.charthop_job_id));
  const { jobs } = await readChartHop(ctx.charthop, { full: false });
  if (jobs.some((job) => job.identityUnreadable !== undefined)) {
    throw new AppError(
      'hires.match_unreadable',
      "ChartHop's answer does not show every job's requisition code and Lever Req ID, so ReqBridge " +
        'cannot tell which jobs are unlinked and links none. Run Check connection: its identity check shows what ChartHop answers.',
    );
  }
  return jobs.filter((job) => {
    if (!job.open || job.req || job.leverReqId || linked.has(job.id) || titleKey(job.title) !== titleKey(name)) return false;
    const email = job.hiringManager?.email ?? null;
    const asLever = email ? canonical(crosswalk.toLever('user', email) ?? email) : null;
    return asLever === manager;
  });
}

type Advice = { verdict: JobMatchView['verdict']; advice: string };

function advice(m: Omit<JobMatch, 'view'>, linkedTitle: string | null): Advice {
  const req = m.requisition;
  if (!req) {
    return {
      verdict: 'none',
      advice:
        'Lever hired the candidate without a requisition (the posting has none), so there is no ChartHop job to link. ' +
        'Nothing can be written for this hire.',
    };
  }
  const named = `Lever requisition ${req.code} “${req.name}”`;
  if (linkedTitle !== null) {
    return { verdict: 'linked', advice: `${named} is now linked to the ChartHop job “${linkedTitle}”. Press Replay to process the hire.` };
  }
  const [only] = m.candidates;
  if (m.candidates.length === 1 && only) {
    return {
      verdict: 'one',
      advice:
        `The open ChartHop job “${only.title}” has the title and hiring manager of ${named} and is not linked to any ` +
        'requisition. Link now writes the requisition on the job (its Lever Req ID and requisition code) and processes the hire again.',
    };
  }
  if (m.candidates.length === 0) {
    return {
      verdict: 'none',
      advice:
        `No open, unlinked ChartHop job has the title and hiring manager of ${named}. With ChartHop as the source of truth ` +
        `a sync never creates ChartHop jobs from Lever: put ${req.code} in the job’s Requisition ID field in ChartHop (add the job first if it is not ` +
        'there), then press Replay.',
    };
  }
  return {
    verdict: 'several',
    advice:
      `${m.candidates.length} open, unlinked ChartHop jobs have the title and hiring manager of ${named}, so ` +
      `ReqBridge will not guess which one it is. Put ${req.code} in the right job’s Requisition ID field in ChartHop, then press Replay.`,
  };
}

/** Finds the jobs that could be the hire's ChartHop job (read-only). */
export async function matchJob(ctx: JobMatchContext, row: InboxRow): Promise<JobMatch> {
  const found = await requisitionOf(ctx, row);
  const requisition = found ? { id: found.id, code: found.code, name: found.name } : null;
  if (!found || !requisition) {
    return {
      requisition,
      candidates: [],
      view: { hireId: String(row.id), requisition, candidates: [], ...advice({ requisition, candidates: [] }, null) },
    };
  }
  const linked = await findLinkedJob(ctx.state, ctx.charthop, requisition);
  const candidates = linked.found ? [] : await candidatesFor(ctx, requisition.name, found.managerId);
  const view: JobMatchView = {
    hireId: String(row.id),
    requisition,
    candidates: candidates.map((job) => ({ id: job.id, title: job.title })),
    ...advice({ requisition, candidates }, linked.found ? (jobTitle(linked.job) ?? linked.job.id) : null),
  };
  return { requisition, candidates, view };
}

/**
 * Links the hire's requisition to `jobId` when, read again now, it is the one candidate: the job gets the
 * requisition's Lever Req ID (and its code when it has none), as the sync's own link writes them.
 */
export async function linkJob(ctx: JobMatchContext, row: InboxRow, jobId: string): Promise<void> {
  const match = await matchJob(ctx, row);
  const req = match.requisition;
  const [only] = match.candidates;
  if (!req || match.view.verdict !== 'one' || !only || only.id !== jobId) {
    throw new AppError('hires.link_ambiguous', `Nothing was linked: ${match.view.advice}`);
  }
  await ctx.charthop.jobs.update(only.id, { leverReqId: req.id, req: req.code });
}
