/**
 * Reads what the candidate metrics need from Lever, at list cost: the linked
 * requisitions' postings, every opportunity on those postings (active and
 * archived, in batched listings rather than one call per posting), the stage
 * names, and offers only for candidates that reached an offer stage.
 */
import type { LeverClient } from '../lever/client.ts';
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

function idOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'id' in value && typeof (value as { id: unknown }).id === 'string') return (value as { id: string }).id;
  return null;
}

/** Everything the metrics need, read from Lever. */
export async function readPipeline(
  lever: LeverClient,
  links: readonly MetricLink[],
): Promise<{ requisitions: MetricRequisition[]; opportunities: MetricOpportunity[]; stageNames: Map<string, string>; missingRequisitions: string[] }> {
  const byRequisition = new Map(links.map((l) => [l.requisitionId, l]));
  const requisitions: MetricRequisition[] = [];
  for await (const requisition of lever.requisitions.list({ confidentiality: 'all' })) {
    const link = byRequisition.get(requisition.id);
    if (link) requisitions.push({ id: requisition.id, code: requisition.requisitionCode, jobId: link.jobId, postingIds: [...(requisition.postings ?? [])] });
  }
  const found = new Set(requisitions.map((r) => r.id));
  const missingRequisitions = links.filter((l) => !found.has(l.requisitionId)).map((l) => l.requisitionId);

  const stageNames = new Map<string, string>();
  for await (const stage of lever.opportunities.stages()) stageNames.set(stage.id, stage.text);
  const offerStages = new Set([...stageNames].filter(([, name]) => /offer/i.test(name)).map(([id]) => id));

  const postingIds = [...new Set(requisitions.flatMap((r) => r.postingIds))];
  const opportunities: MetricOpportunity[] = [];
  for (const batch of chunks(postingIds, BATCH)) {
    for (const archived of [false, true]) {
      const filter = archived ? { archivedPostingId: batch } : { postingId: batch };
      for await (const o of lever.opportunities.list({ ...filter, expand: ['applications'], confidentiality: 'all' })) {
        const applications = (o.applications ?? []).filter((a): a is Exclude<typeof a, string> => typeof a !== 'string');
        const application = applications.find((a) => a.posting && batch.includes(a.posting)) ?? applications[0];
        const postingId = application?.posting ?? null;
        if (!postingId) continue;
        const stageId = idOf(o.stage);
        const reachedOffer = (stageId !== null && offerStages.has(stageId)) || (o.stageChanges ?? []).some((c) => offerStages.has(c.toStageId));
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
  return { requisitions, opportunities, stageNames, missingRequisitions };
}
