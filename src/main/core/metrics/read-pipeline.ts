/**
 * Reads what the candidate metrics need from Lever, at list cost: the linked
 * requisitions' postings, every opportunity on those postings (active and
 * archived, in batched listings rather than one call per posting), the stage
 * names, and offers only for candidates that reached an offer stage.
 * Confidential records are read too when the key may; otherwise (as the sync
 * reader does) only the non-confidential ones, and the result says so.
 */
import type { LeverClient } from '../lever/client.ts';
import { readWithConfidentialFallback } from '../lever/confidentiality.ts';
import { LEVER_KEY_SETTINGS } from '../lever/messages.ts';
import type { MetricOpportunity, MetricRequisition } from './compute-metrics.ts';

/** Linked requisitions (from the state DB's links). */
export interface MetricLink {
  jobId: string;
  requisitionId: string;
}

const BATCH = 40;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** An opportunity's stage id: Lever answers the stage as its id, or as `{ id, text }` when expanded. */
function stageIdOf(stage: string | { id: string } | null | undefined): string | null {
  return typeof stage === 'string' ? stage : (stage?.id ?? null);
}

/** Everything the metrics need, read from Lever. */
export interface PipelineRead {
  requisitions: MetricRequisition[];
  opportunities: MetricOpportunity[];
  stageNames: Map<string, string>;
  /**
   * Linked requisitions Lever no longer has. Empty when confidential records were hidden
   * (a requisition missing from that listing may be confidential, not deleted — the note counts them).
   */
  missingRequisitions: string[];
  /**
   * Set only when the key may not read confidential data: says that the numbers count only
   * non-confidential postings and opportunities (and how many linked requisitions got none).
   * Meant for the run log.
   */
  confidentialNote?: string;
}

/** The note of a read limited to non-confidential records. */
function limitedReadNote(unlisted: number): string {
  const skipped =
    unlisted > 0
      ? ` ${unlisted} linked requisition(s) were not in that listing (confidential, or deleted in Lever), so their jobs got no metrics.`
      : '';
  return `The Lever API key has no access to confidential data, so these metrics count only non-confidential postings and opportunities.${skipped} Allow confidential access for the key in ${LEVER_KEY_SETTINGS} to count them all.`;
}

/** Reads everything the metrics need from Lever for the linked requisitions. */
export async function readPipeline(lever: LeverClient, links: readonly MetricLink[]): Promise<PipelineRead> {
  const byRequisition = new Map(links.map((l) => [l.requisitionId, l]));
  const { value: requisitions, confidentialVisible } = await readWithConfidentialFallback(async (confidentiality) => {
    const out: MetricRequisition[] = [];
    for await (const requisition of lever.requisitions.list(confidentiality ? { confidentiality } : {})) {
      const link = byRequisition.get(requisition.id);
      if (link)
        out.push({
          id: requisition.id,
          code: requisition.requisitionCode,
          jobId: link.jobId,
          postingIds: [...(requisition.postings ?? [])],
        });
    }
    return out;
  });
  const found = new Set(requisitions.map((r) => r.id));
  const unlisted = links.filter((l) => !found.has(l.requisitionId)).map((l) => l.requisitionId);
  // Without confidential access a linked requisition absent from the listing may just be hidden.
  const missingRequisitions = confidentialVisible ? unlisted : [];

  const stageNames = new Map<string, string>();
  for await (const stage of lever.opportunities.stages()) stageNames.set(stage.id, stage.text);
  const offerStages = new Set([...stageNames].filter(([, name]) => /offer/i.test(name)).map(([id]) => id));

  const postingIds = [...new Set(requisitions.flatMap((r) => r.postingIds))];
  const opportunities: MetricOpportunity[] = [];
  for (const batch of chunks(postingIds, BATCH)) {
    for (const archived of [false, true]) {
      const filter = archived ? { archivedPostingId: batch } : { postingId: batch };
      for await (const o of lever.opportunities.list({
        ...filter,
        expand: ['applications'],
        ...(confidentialVisible ? { confidentiality: 'all' as const } : {}),
      })) {
        // Stryker disable next-line ArrayDeclaration: the fallback's elements would be strings, which the filter drops anyway
        const applications = (o.applications ?? []).filter((a): a is Exclude<typeof a, string> => typeof a !== 'string');
        const application = applications.find((a) => a.posting && batch.includes(a.posting)) ?? applications[0];
        const postingId = application?.posting ?? null;
        if (!postingId) continue;
        const stageId = stageIdOf(o.stage);
        const reachedOffer =
          (stageId !== null && offerStages.has(stageId)) || (o.stageChanges ?? []).some((c) => offerStages.has(c.toStageId));
        const offerStatuses: string[] = [];
        if (reachedOffer) {
          const offers = [];
          for await (const offer of lever.opportunities.offers(o.id)) offers.push(offer);
          offers.sort((a, b) => a.createdAt - b.createdAt);
          offerStatuses.push(...offers.map((offer) => offer.status));
        }
        opportunities.push({
          id: o.id,
          postingId,
          archived: Boolean(o.archived?.archivedAt ?? o.archived?.reason),
          stageId,
          hiredForRequisitionId: application?.requisitionForHire?.id ?? null,
          offerStatuses,
        });
      }
    }
  }
  return {
    requisitions,
    opportunities,
    stageNames,
    missingRequisitions,
    ...(confidentialVisible ? {} : { confidentialNote: limitedReadNote(unlisted.length) }),
  };
}
