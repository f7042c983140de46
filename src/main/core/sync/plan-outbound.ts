/**
 * The outbound planner (ChartHop is the source of truth), also used for
 * Reconcile. Pure: takes what the readers saw plus the links, returns rows.
 *
 * - Sync: Active/Offer open jobs without a requisition → create; fields
 *   changed in ChartHop since the last sync → update (only those fields);
 *   Passive/Inactive → onHold; filled or Closed → closed; a linked job
 *   deleted in ChartHop → delete (created by ReqBridge, no postings) or close.
 * - A linked requisition's postings follow its department, team and location
 *   (posting-follow.ts) on the same row, applied after the requisition.
 * - Reconcile: the same, plus every drifted field repaired (Lever-side edits
 *   flagged in the reason) and linked requisitions missing from Lever created.
 */
import type { FieldDiff } from '../../../shared/api/sync-views.ts';
import type { Miss } from './crosswalk.ts';
import { describeMisses, mappableMisses, tallyUnmapped } from './crosswalk.ts';
import type { FieldKey, FieldValues } from './fields.ts';
import { FIELD_LABELS, creationDiff, diffKeys, diffValues } from './fields.ts';
import { createInput, pickChanges } from './lever-writes.ts';
import type { JobRecord, LeverSnapshot, LinkRecord, RequisitionRecord } from './model.ts';
import type { OutboundMapContext } from './outbound-map.ts';
import { LEVER_WRITE_KEYS, currentRequisition, desiredRequisition, isConfidentialJob } from './outbound-map.ts';
import type { JobPairing } from './outbound-pairing.ts';
import { pairJobs } from './outbound-pairing.ts';
import { indexBy } from './group-index.ts';
import type { PlannedRowInit } from './outbound-deleted-rows.ts';
import { deletedJobRows, row, statusDiff } from './outbound-deleted-rows.ts';
import type { PlannedRow } from './plan-types.ts';
import { danglingRepairs } from './dangling-users.ts';
import type { PostingFollow } from './posting-follow.ts';
import { followLabels, pendingFollowKeys, postingFollowFor } from './posting-follow.ts';
import { withWarnings } from './plan-types.ts';
import type { PlanSteps, SliceOptions } from './plan-slices.ts';
import { PLAN_SLICE, runInSlices, runToEnd } from './plan-slices.ts';
import { leverStatusFor, wantsRequisition } from './status-map.ts';
import { fieldHistory, outboundUpdateReason } from './update-reasons.ts';

/** What the outbound planner reads. */
export interface OutboundPlanInput {
  mode: 'sync' | 'reconcile';
  jobs: readonly JobRecord[];
  /** Set when only these jobs are in scope (Sync On Change). */
  jobIds: readonly string[] | null;
  lever: LeverSnapshot;
  links: readonly LinkRecord[];
  map: OutboundMapContext;
}

/** Rows, unmapped values and the number of linked pairs seen. */
export interface PlannerOutput {
  rows: PlannedRow[];
  unmapped: ReturnType<typeof tallyUnmapped>;
  linked: number;
}

/** The row's `unmapped` field: the values a mapping can fix, when there are any. */
export function unmappedOf(misses: readonly Miss[], from: 'charthop' | 'lever'): { unmapped?: ReturnType<typeof mappableMisses> } {
  const values = mappableMisses(misses, from);
  return values.length > 0 ? { unmapped: values } : {};
}

const labels = (keys: readonly FieldKey[]): string => keys.map((k) => FIELD_LABELS[k]).join(', ');

/** Plans outbound (or reconcile) rows, all at once. */
export function planOutbound(input: OutboundPlanInput): PlannerOutput {
  return runToEnd(planOutboundSteps(input));
}

/** Plans outbound (or reconcile) rows in slices, letting the event loop run between them (plan-slices.ts). */
export function planOutboundInSlices(input: OutboundPlanInput, slices: SliceOptions = {}): Promise<PlannerOutput> {
  return runInSlices(planOutboundSteps(input), slices);
}

/** The outbound planner's steps: it pauses after pairing and after each {@link PLAN_SLICE} jobs. */
function* planOutboundSteps(input: OutboundPlanInput): PlanSteps<PlannerOutput> {
  const { map, lever, mode } = input;
  const usersById = new Map(lever.users.map((u) => [u.id, u]));
  const pairings = pairJobs(input.jobs, lever.requisitions, input.links, map.generatedCode);
  yield;
  const linkByJob = indexBy(input.links, (l) => l.jobId);
  const misses: Miss[][] = [];
  const rows: PlannedRow[] = [];
  let linked = 0;

  const base = (job: JobRecord): Omit<PlannedRowInit, 'action' | 'reason' | 'reasonText'> => ({
    id: `job:${job.id}`,
    title: job.title,
    jobId: job.id,
    requisitionId: null,
    requisitionCode: job.req,
  });
  const unmappedRow = (job: JobRecord, req: RequisitionRecord | null, m: { misses: Miss[]; problems: string[] }): PlannedRow => {
    misses.push(m.misses);
    const what = [m.misses.length > 0 ? `no counterpart for ${describeMisses(m.misses)}` : '', ...m.problems].filter(Boolean).join('; ');
    return row(
      {
        ...base(job),
        requisitionId: req?.id ?? null,
        requisitionCode: req?.code ?? job.req,
        action: 'skip',
        reason: 'unmapped_value',
        reasonText: `Skipped, so nothing is written wrongly: ${what}. Add the value under Mappings, or fix it in ChartHop.`,
        ...unmappedOf(m.misses, 'charthop'),
      },
      null,
    );
  };

  let seen = 0;
  for (const job of input.jobs) {
    // Stryker disable next-line UpdateOperator: equivalent; counting down, -n % PLAN_SLICE is -0 (=== 0) at the same jobs, so the pauses fall alike.
    if (++seen % PLAN_SLICE === 0) yield;
    const pairing = pairings.get(job.id) as JobPairing;
    if (job.identityUnreadable !== undefined) {
      rows.push(
        row(
          {
            ...base(job),
            action: 'needs_attention',
            reason: 'identity_unreadable',
            reasonText: `ChartHop's answer did not show this job's Requisition ID and Lever Req ID in a shape ReqBridge can read (${job.identityUnreadable}), so it cannot tell whether the job already has a Lever requisition and writes nothing for it. Run Check connection: its identity check shows what ChartHop answers.`,
          },
          null,
        ),
      );
      continue;
    }
    if (pairing.kind === 'attention') {
      rows.push(
        row(
          {
            ...base(job),
            requisitionId: pairing.req?.id ?? null,
            requisitionCode: pairing.req?.code ?? job.req,
            action: 'needs_attention',
            reason: pairing.reason,
            reasonText: pairing.text,
          },
          null,
        ),
      );
      continue;
    }
    if (pairing.kind === 'none') {
      if (!wantsRequisition(job.recruit, job.open)) continue;
      if (!lever.confidentialVisible && isConfidentialJob(job)) {
        rows.push(
          row(
            {
              ...base(job),
              action: 'skip',
              reason: 'confidential_hidden',
              reasonText:
                'This job is highly sensitive, and the Lever key cannot see confidential requisitions, so ReqBridge cannot tell whether it already has one. Allow confidential access on the key in Lever → Settings → Integrations and API.',
            },
            null,
          ),
        );
        continue;
      }
      if (pairing.missingLink && mode === 'sync') {
        const missingCode = pairing.missingLink.requisitionCode;
        rows.push(
          row(
            {
              ...base(job),
              requisitionId: pairing.missingLink.requisitionId,
              requisitionCode: pairing.missingLink.requisitionCode,
              action: 'needs_attention',
              reason: 'requisition_missing',
              reasonText: `The linked requisition${missingCode ? ` ${missingCode}` : ''} is no longer in Lever (deleted there?). Run Reconcile to create it again.`,
            },
            null,
          ),
        );
        continue;
      }
      const mapped = desiredRequisition(job, map, 'create');
      if (!mapped.ok) {
        rows.push(unmappedRow(job, null, mapped));
        continue;
      }
      // Stryker disable next-line StringLiteral: equivalent; a create always maps a code (the job's or the generated one), so the fallback is never read.
      const code = mapped.values.code ?? '';
      // A code of only spaces is no code: the generated one is used and written back (and the row says so).
      const hasOwnCode = Boolean(job.req?.trim());
      rows.push(
        withWarnings(
          row(
            {
              ...base(job),
              requisitionCode: code,
              action: 'create',
              diff: creationDiff(mapped.values),
              reason: pairing.missingLink ? 'requisition_missing' : 'job_active_unlinked',
              reasonText: pairing.missingLink
                ? `The linked requisition ${code} is no longer in Lever: it will be created again from the ChartHop job.`
                : `Open ${job.recruit} job with no Lever requisition: a requisition ${code} will be created${hasOwnCode ? '' : ' (code generated and written back to the job)'}.`,
            },
            {
              kind: 'lever.create',
              jobId: job.id,
              code,
              input: createInput(mapped.write),
              writeBack: hasOwnCode ? {} : { req: code },
              synced: mapped.values,
            },
          ),
          mapped.warnings,
        ),
      );
      continue;
    }
    linked += 1;
    const planned = pairedRow(job, pairing, linkByJob.get(job.id) ?? null);
    if (planned) rows.push(planned);
  }

  function pairedRow(job: JobRecord, pairing: Extract<JobPairing, { kind: 'pair' }>, linkRecord: LinkRecord | null): PlannedRow | null {
    const { req, via } = pairing;
    const link = linkRecord && linkRecord.requisitionId === req.id ? linkRecord : null;
    const head = { ...base(job), requisitionId: req.id, requisitionCode: req.code };
    const writeBack: Record<string, unknown> = {};
    if (job.leverReqId !== req.id) writeBack['leverReqId'] = req.id;
    if (!job.req?.trim()) writeBack['req'] = req.code;
    const target = leverStatusFor(job.recruit, job.open);
    if (target === 'closed') {
      if (req.status === 'closed') return null;
      const filled = !job.open;
      return row(
        {
          ...head,
          action: 'close',
          reason: filled ? 'job_filled' : 'job_closed',
          diff: [statusDiff(req.status, 'closed')],
          reasonText: filled
            ? 'The job is filled in ChartHop: its requisition will be closed.'
            : 'The job is Closed in ChartHop: its requisition will be closed.',
        },
        {
          kind: 'lever.close',
          jobId: job.id,
          jobExists: true,
          requisitionId: req.id,
          code: req.code,
          synced: { ...(link?.synced ?? {}), status: 'closed' },
        },
      );
    }
    if (target === null) return null;
    const mapped = desiredRequisition(job, map, 'update');
    if (!mapped.ok) return unmappedRow(job, req, mapped);
    const current = currentRequisition(req, usersById);
    const all = diffValues(current, mapped.values);
    // Linked, in step, nothing to write back and no postings to follow: no row (most jobs of a settled org), so nothing more is built.
    if (via === 'link' && all.length === 0 && req.postings.length === 0 && Object.keys(writeBack).length === 0) return null;
    // A user the requisition still names but Lever no longer has would make the whole-record PUT fail:
    // an update writes the job's user in its place, or clears the reference when ChartHop names nobody, and says so.
    const { cleared, repaired } = danglingRepairs(req, usersById, mapped.write);
    const warnings = [
      ...mapped.warnings,
      ...cleared.map(
        (d) =>
          `The requisition's ${d.role} (Lever user ${d.id}) is no longer a Lever user; the reference is cleared so the update can be written. Set a current ${d.role} on the job in ChartHop.`,
      ),
    ];
    const written = (init: PlannedRowInit, rowOp: PlannedRow['op']): PlannedRow =>
      withWarnings(row(init, rowOp), rowOp ? warnings : mapped.warnings);
    const last = link && link.syncedDirection === 'outbound' ? link.synced : null;
    const history = fieldHistory(mapped.values, current, last);
    const synced: FieldValues = { ...(last ?? {}), ...mapped.values };
    // Linked postings follow the category fields this row writes, or that an unconfirmed earlier
    // write already put on the requisition (its postings may not have followed yet).
    const hasPostings = req.postings.length > 0;
    const pending = hasPostings ? pendingFollowKeys(mapped.values, current, last) : [];
    const follow = (diff: FieldDiff[]): PostingFollow | null =>
      hasPostings ? postingFollowFor([...diffKeys(diff), ...pending], mapped.write) : null;
    const op = (diff: FieldDiff[]): PlannedRow['op'] => {
      const postings = follow(diff);
      return {
        kind: 'lever.update',
        jobId: job.id,
        requisitionId: req.id,
        code: req.code,
        changes: {
          ...pickChanges(mapped.write, diffKeys(diff)),
          ...Object.fromEntries(cleared.map((d) => [LEVER_WRITE_KEYS[d.key], null])),
        },
        writeBack: Object.keys(writeBack).length > 0 ? writeBack : null,
        synced,
        ...(postings ? { postings } : {}),
      };
    };
    const postingsNote = (diff: FieldDiff[]): string => {
      const postings = follow(diff);
      const n = req.postings.length;
      return postings ? ` Its ${n} linked posting${n === 1 ? '' : 's'} follow${n === 1 ? 's' : ''} (${followLabels(postings)}).` : '';
    };
    if (via !== 'link') {
      // A requisition found unlinked is linked; when its Lever copy drifted from ChartHop, the row is an update (it also links).
      const how = via === 'id' ? 'by the Lever Req ID on the job' : `by its requisition code ${req.code}`;
      const reason = via === 'id' ? 'id_on_job' : 'code_matched';
      if (all.length > 0) {
        const fields = `${all.length} field${all.length === 1 ? '' : 's'}`;
        return written(
          {
            ...head,
            action: 'update',
            reason: `${reason}_drifted`,
            diff: all,
            reasonText: `Found in Lever ${how}, but its copy drifted from ChartHop: it will be linked to the job and ${fields} brought in line with ChartHop (${labels(diffKeys(all))}).${postingsNote(all)}`,
          },
          op(all),
        );
      }
      return written(
        { ...head, action: 'link', reason, reasonText: `Found in Lever ${how}: it will be linked to the job.${postingsNote(all)}` },
        op(all),
      );
    }
    // Sync writes what changed in ChartHop (or everything, with no record of the last sync);
    // Reconcile repairs every difference.
    const changed =
      mode === 'reconcile' ? all : all.filter((d) => !history.known(d.field as FieldKey) || history.changedInCharthop(d.field as FieldKey));
    // A write carries the job's user (or clears the reference) wherever Lever's is gone, or Lever would refuse the whole record.
    const diff = changed.length > 0 ? all.filter((d) => changed.includes(d) || repaired.has(d.field as FieldKey)) : changed;
    if (diff.length === 0 && follow([])) {
      return written(
        {
          ...head,
          action: 'update',
          reason: 'postings_follow',
          reasonText: `The requisition already matches ChartHop, but the last sync of it was not confirmed.${postingsNote([])} They are checked and written only where they differ.`,
        },
        op([]),
      );
    }
    if (diff.length === 0) {
      if (Object.keys(writeBack).length === 0) return null;
      return written(
        {
          ...head,
          action: 'link',
          reason: 'link_write_back',
          reasonText: 'Linked, but the job lacks the Lever Req ID or requisition code: it will be written back to ChartHop.',
        },
        op([]),
      );
    }
    const { reason, reasonText } = outboundUpdateReason({
      mode,
      keys: diffKeys(changed),
      statusAfter: diff.find((d) => d.field === 'status')?.after ?? null,
      recruit: job.recruit,
      history,
    });
    const repairs = diff.filter((d) => !changed.includes(d)).map((d) => repairWarning(d.label, d.before));
    const updated = written({ ...head, action: 'update', reason, reasonText: `${reasonText}${postingsNote(diff)}`, diff }, op(diff));
    return repairs.length > 0 ? withWarnings(updated, [...(updated.view.warnings ?? []), ...repairs]) : updated;
  }

  for (const planned of deletedJobRows(input, pairings, lever.requisitions)) {
    linked += 1;
    rows.push(planned);
  }
  return { rows, unmapped: tallyUnmapped(misses, 'charthop'), linked: Math.max(linked, input.links.length) };
}

/** Why a Sync update writes a user field ChartHop did not change: Lever's user is gone. */
function repairWarning(label: string, before: string | null): string {
  // Stryker disable next-line StringLiteral: equivalent; a repaired field always names Lever's gone user ("Lever user ID"), so it is never empty.
  const who = before ?? 'nobody';
  return `The requisition's ${label.toLowerCase()} (${who}) is no longer a Lever user, and Lever refuses a requisition that names one; the job's ${label.toLowerCase()} is written with this update.`;
}
