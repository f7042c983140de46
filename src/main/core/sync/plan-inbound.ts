/**
 * The inbound planner (Reverse Sync: Lever is the source of truth). Pure.
 *
 * New open requisitions become open Active jobs; linked requisitions update
 * their open jobs (status map open → Active, everything else → Inactive; a
 * job with an announced hire keeps its status; a filled job is left to its
 * person); unlinked open requisitions link to the one open job with the
 * same title and hiring manager; a linked requisition deleted in Lever sets
 * its job Inactive.
 */
import type { Miss } from './crosswalk.ts';
import { describeMisses, tallyUnmapped } from './crosswalk.ts';
import { FIELD_KEYS, FIELD_LABELS, creationDiff, diffKeys, diffValues } from './fields.ts';
import type { InboundMapContext } from './inbound-map.ts';
import { chartHopBody, currentJob, desiredJob } from './inbound-map.ts';
import type { ReqPairing } from './inbound-pairing.ts';
import { pairRequisitions } from './inbound-pairing.ts';
import { indexBy } from './group-index.ts';
import type { JobRecord, LeverSnapshot, LinkRecord } from './model.ts';
import type { PlannerOutput } from './plan-outbound.ts';
import { unmappedOf } from './plan-outbound.ts';
import type { PlannedRow } from './plan-types.ts';
import { rowView, withWarnings } from './plan-types.ts';
import type { PlanSteps, SliceOptions } from './plan-slices.ts';
import { PLAN_SLICE, runInSlices, runToEnd } from './plan-slices.ts';

/** What the inbound planner reads. */
export interface InboundPlanInput {
  jobs: readonly JobRecord[];
  lever: LeverSnapshot;
  links: readonly LinkRecord[];
  map: InboundMapContext;
}

type RowInit = Parameters<typeof rowView>[0];
const row = (init: RowInit, op: PlannedRow['op']): PlannedRow => ({ view: rowView(init), op });

/** Plans inbound rows, all at once. */
export function planInbound(input: InboundPlanInput): PlannerOutput {
  return runToEnd(planInboundSteps(input));
}

/** Plans inbound rows in slices, letting the event loop run between them (plan-slices.ts). */
export function planInboundInSlices(input: InboundPlanInput, slices: SliceOptions = {}): Promise<PlannerOutput> {
  return runInSlices(planInboundSteps(input), slices);
}

/** The inbound planner's steps: it pauses after pairing and after each {@link PLAN_SLICE} requisitions. */
function* planInboundSteps(input: InboundPlanInput): PlanSteps<PlannerOutput> {
  const { map, lever } = input;
  const pairings = pairRequisitions({
    requisitions: lever.requisitions,
    jobs: input.jobs,
    links: input.links,
    usersById: map.usersById,
    crosswalk: map.crosswalk,
  });
  yield;
  const misses: Miss[][] = [];
  const rows: PlannedRow[] = [];
  let linked = 0;
  // Jobs whose requisition fields could not be read may belong to any requisition: nothing is created or matched on a guess.
  const unreadable = input.jobs.filter((job) => job.identityUnreadable !== undefined).length;
  const unreadableText = `ChartHop's answer did not show the Requisition ID and Lever Req ID of ${unreadable} ${unreadable === 1 ? 'job' : 'jobs'} in a shape ReqBridge can read, so it cannot tell whether one of them already belongs to this requisition and writes nothing for it. Run Check connection: its identity check shows what ChartHop answers.`;

  let seen = 0;
  for (const req of [...lever.requisitions].sort((a, b) => a.code.localeCompare(b.code))) {
    // Stryker disable next-line UpdateOperator: equivalent; -n % PLAN_SLICE is -0 exactly when n % PLAN_SLICE is 0, so the pauses fall alike.
    if (++seen % PLAN_SLICE === 0) yield;
    const pairing = pairings.get(req.id) as ReqPairing;
    const head = {
      id: `req:${req.id}`,
      title: req.name.trim(),
      jobId: null as string | null,
      requisitionId: req.id,
      requisitionCode: req.code,
    };
    const skipUnmapped = (m: { misses: Miss[]; problems: string[] }, jobId: string | null): PlannedRow => {
      misses.push(m.misses);
      const what = [m.misses.length > 0 ? `no ChartHop counterpart for ${describeMisses(m.misses)}` : '', ...m.problems]
        .filter(Boolean)
        .join('; ');
      const reasonText = `Skipped, so nothing is written wrongly: ${what}. Add the value under Mappings, or fix it in Lever.`;
      return row({ ...head, jobId, action: 'skip', reason: 'unmapped_value', reasonText, ...unmappedOf(m.misses, 'lever') }, null);
    };
    if (pairing.kind === 'attention') {
      rows.push(
        row({ ...head, jobId: pairing.job?.id ?? null, action: 'needs_attention', reason: pairing.reason, reasonText: pairing.text }, null),
      );
      continue;
    }
    if (unreadable > 0 && (pairing.kind === 'none' || pairing.via === 'match')) {
      // Only an open requisition is matched by title (inbound-pairing.ts), so this leaves out new closed ones only.
      if (req.status.toLowerCase() !== 'open') continue;
      rows.push(row({ ...head, action: 'needs_attention', reason: 'identity_unreadable', reasonText: unreadableText }, null));
      continue;
    }
    if (pairing.kind === 'none') {
      if (req.status.toLowerCase() !== 'open') continue;
      const mapped = desiredJob(req, map, 'create');
      if (!mapped.ok) {
        rows.push(skipUnmapped(mapped, null));
        continue;
      }
      const body = { ...chartHopBody(mapped.write, FIELD_KEYS), leverReqId: req.id };
      const missing = pairing.missingLink !== null;
      rows.push(
        withWarnings(
          row(
            {
              ...head,
              action: 'create',
              reason: missing ? 'job_missing' : 'requisition_open_unlinked',
              diff: creationDiff(mapped.values),
              reasonText: missing
                ? 'The linked ChartHop job no longer exists, but the requisition is open in Lever: an open Active job will be created again.'
                : 'Open in Lever with no ChartHop job: an open Active job will be created.',
            },
            { kind: 'charthop.create', requisitionId: req.id, code: req.code, body, synced: mapped.values },
          ),
          mapped.warnings,
        ),
      );
      continue;
    }
    linked += 1;
    const { job, via } = pairing;
    const jobHead = { ...head, jobId: job.id };
    // A filled seat belongs to its person now: Lever's requisition no longer drives it.
    if (!job.open) continue;
    const mapped = desiredJob(req, map, 'update', job);
    if (!mapped.ok) {
      rows.push(skipUnmapped(mapped, job.id));
      continue;
    }
    const diff = diffValues(currentJob(job), mapped.values);
    const keys = diffKeys(diff);
    // Linked, in step and carrying its Lever Req ID: nothing to write (most requisitions of a settled org), so nothing more is built.
    if (via === 'link' && keys.length === 0 && job.leverReqId === req.id) continue;
    const written = (init: RowInit, rowOp: PlannedRow['op']): PlannedRow => withWarnings(row(init, rowOp), mapped.warnings);
    const body: Record<string, unknown> = chartHopBody(mapped.write, keys);
    if (job.leverReqId !== req.id) body['leverReqId'] = req.id;
    const op: PlannedRow['op'] = {
      kind: 'charthop.update',
      jobId: job.id,
      requisitionId: req.id,
      code: req.code,
      body,
      synced: mapped.values,
    };
    const what = keys.map((k) => FIELD_LABELS[k]).join(', ');
    if (via !== 'link') {
      const how =
        via === 'match'
          ? `the open job "${job.title}" with the same title and hiring manager`
          : via === 'id'
            ? 'the job carrying its Lever Req ID'
            : `the job carrying its code ${req.code}`;
      const reason = via === 'match' ? 'title_manager_match' : via === 'id' ? 'id_on_job' : 'code_matched';
      // Writing the requisition code onto the job is part of linking; any other field changed makes the row an update (it also links), as outbound.
      const drifted = keys.some((k) => k !== 'code');
      rows.push(
        written(
          {
            ...jobHead,
            action: drifted ? 'update' : 'link',
            reason: drifted ? `${reason}_drifted` : reason,
            diff,
            reasonText: `Matched to ${how}: it will be linked instead of creating a new job${keys.length > 0 ? `, and ${what} updated from Lever` : ''}.`,
          },
          op,
        ),
      );
      continue;
    }
    // Linked and in step, so the job lacks its Lever Req ID (otherwise it was passed over above).
    if (keys.length === 0) {
      rows.push(
        written(
          {
            ...jobHead,
            action: 'link',
            reason: 'link_write_back',
            reasonText: 'Linked, but the job lacks the Lever Req ID: it will be written back to ChartHop.',
          },
          op,
        ),
      );
      continue;
    }
    const status = diff.find((d) => d.field === 'status');
    // Stryker disable next-line StringLiteral: equivalent; a linked open job is always given a recruit status, so a status change has a value.
    const becomes = status?.after ?? '';
    rows.push(
      written(
        {
          ...jobHead,
          action: 'update',
          reason: status ? 'status_changed' : 'fields_changed',
          diff,
          reasonText: status
            ? `The requisition is ${req.status} in Lever: the job becomes ${becomes}${
                keys.length > 1
                  ? `, and ${keys
                      .filter((k) => k !== 'status')
                      .map((k) => FIELD_LABELS[k])
                      .join(', ')} updated`
                  : ''
              }.`
            : `Changed in Lever: ${what}.`,
        },
        op,
      ),
    );
  }

  for (const planned of deletedRequisitionRows(input, pairings)) {
    linked += 1;
    rows.push(planned);
  }
  return { rows, unmapped: tallyUnmapped(misses, 'lever'), linked: Math.max(linked, input.links.length) };
}

/**
 * Links whose requisition is gone from a complete listing: the open job stops recruiting. `pairings` has an
 * entry for every requisition listed, so it tells which are present; the jobs are indexed only when some
 * link's requisition is gone.
 */
function deletedRequisitionRows(input: InboundPlanInput, pairings: ReadonlyMap<string, ReqPairing>): PlannedRow[] {
  if (!input.lever.confidentialVisible) return [];
  const gone = input.links.filter((link) => !pairings.has(link.requisitionId));
  // Stryker disable next-line ConditionalExpression: equivalent; the early return only skips building the indexes.
  if (gone.length === 0) return [];
  const jobsById = indexBy(input.jobs, (j) => j.id);
  const pairedJobs = new Set<string>();
  for (const pairing of pairings.values()) if (pairing.kind === 'pair') pairedJobs.add(pairing.job.id);
  const rows: PlannedRow[] = [];
  for (const link of gone) {
    const job = jobsById.get(link.jobId);
    if (!job || pairedJobs.has(job.id) || !job.open || job.recruit === 'Inactive' || job.recruit === 'Pending' || job.recruit === 'Closed')
      continue;
    rows.push(
      row(
        {
          id: `req:${link.requisitionId}`,
          title: job.title,
          jobId: job.id,
          requisitionId: link.requisitionId,
          requisitionCode: link.requisitionCode,
          action: 'close',
          reason: 'requisition_deleted',
          diff: [{ field: 'status', label: FIELD_LABELS.status, before: job.recruit, after: 'Inactive' }],
          reasonText: 'The linked requisition was deleted in Lever: the job stops recruiting (Inactive) and is unlinked.',
        },
        { kind: 'charthop.close', jobId: job.id, requisitionId: link.requisitionId },
      ),
    );
  }
  return rows;
}
