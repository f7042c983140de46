import { randomUuid } from '../http/index.ts';
import type { DeliveryReport, WebhookSender } from '../webhook/index.ts';
import type { LeverContext } from './context.ts';
import { badRequest, notFound } from './query.ts';
import type { LeverOffer, LeverOfferField, LeverOfferStatus, LeverOpportunity, LeverRequisition, Ms } from './state.ts';
import { compareKeyed } from './store.ts';

/** The offer recorded with a hire; fields are built with the configured identifiers. */
export interface HireOffer {
  startDate?: Ms;
  salary?: number;
  currency?: string;
  equity?: string | number | null;
  /** Default `signed` (an accepted offer). */
  status?: LeverOfferStatus;
  /** Extra offer-form fields appended as given. */
  fields?: LeverOfferField[];
}

/** What a hire changed: the requisition it counted against, the offer created, and the webhook deliveries. */
export interface HireResult {
  opportunityId: string;
  requisitionId: string | null;
  offerId: string | null;
  /** How many `candidateHired` webhooks were triggered. */
  webhooks: number;
}

/**
 * Marks an opportunity hired as Lever does (§10.1, §7.5): archived with the `hired` reason, moved
 * to the Offer stage, counted against a requisition linked to its posting (`requisitionForHire`,
 * `headcountHired` + 1), then fires `candidateHired` to every matching webhook. Our choice where
 * Lever is unverified: a requisition whose headcount is now filled is closed automatically; a
 * re-hire fires the webhook again without counting twice.
 */
export function hire(
  ctx: LeverContext,
  sender: WebhookSender,
  id: string,
  offer?: HireOffer,
): { result: HireResult; deliveries: Promise<DeliveryReport[]> } {
  const found = ctx.store.opportunities.get(id);
  if (!found) throw notFound('opportunity');
  const reason =
    ctx.store.archiveReasons.find((a) => a.type === 'hired' && a.status === 'active') ??
    ctx.store.archiveReasons.find((a) => a.type === 'hired');
  if (!reason) throw badRequest('The account has no archive reason of type "hired"');
  const now = ctx.clock();
  const opp: LeverOpportunity = structuredClone(found);
  const wasHired = opp.archived?.reason === reason.id;
  let offerId: string | null = null;
  if (offer) {
    const built = buildOffer(ctx, opp, offer, now);
    opp.offers.push(built);
    offerId = built.id;
  }
  let requisitionId = opp.application?.requisitionForHire?.id ?? null;
  if (!(wasHired && requisitionId) && opp.application) {
    const req = pickRequisition(ctx, opp.application.posting);
    if (req) {
      requisitionId = req.id;
      const hired = req.headcountHired + 1;
      const filled = req.headcountTotal !== 'unlimited' && hired >= req.headcountTotal;
      ctx.store.requisitions.set({
        ...req,
        headcountHired: hired,
        updatedAt: now,
        ...(filled ? { status: 'closed' as const, closedAt: req.closedAt ?? now, timeToFillEndAt: now } : {}),
      });
      opp.application.requisitionForHire = { id: req.id, requisitionCode: req.requisitionCode, hiringManagerOnHire: req.hiringManager };
    }
  }
  const offerStage = ctx.store.stages.findIndex((s) => s.id === 'offer');
  if (offerStage >= 0 && opp.stage !== 'offer') {
    opp.stage = 'offer';
    opp.stageChanges.push({ toStageId: 'offer', toStageIndex: offerStage, updatedAt: now, userId: null });
    opp.lastAdvancedAt = now;
  }
  opp.archived = { reason: reason.id, archivedAt: now };
  opp.updatedAt = now;
  opp.lastInteractionAt = now;
  ctx.store.opportunities.set(opp);

  const targets = [...ctx.store.webhooks.values()].filter(
    (w) => w.event === 'candidateHired' && w.configuration.conditions.origins.includes(opp.origin),
  );
  const deliveries = Promise.all(
    targets.map((w) =>
      sender.sendCandidateHired(w.url, w.signatureToken, { opportunityId: opp.id, candidateId: opp.id, contactId: opp.contact }, now),
    ),
  );
  return { result: { opportunityId: opp.id, requisitionId, offerId, webhooks: targets.length }, deliveries };
}

/** The first open requisition linked to the posting with headcount left, else the first linked one. */
function pickRequisition(ctx: LeverContext, postingId: string | null): LeverRequisition | undefined {
  const posting = postingId ? ctx.store.postings.get(postingId) : undefined;
  if (!posting) return undefined;
  const linked = [...new Set(posting.requisitionCodes)].flatMap((code) => ctx.store.requisitions.withKey(code)).sort(compareKeyed);
  const hasRoom = (r: LeverRequisition): boolean => r.headcountTotal === 'unlimited' || r.headcountHired < r.headcountTotal;
  return linked.find((r) => r.status === 'open' && hasRoom(r)) ?? linked[0];
}

function buildOffer(ctx: LeverContext, opp: LeverOpportunity, offer: HireOffer, now: number): LeverOffer {
  const ids = ctx.behaviour.offerFields;
  const posting = opp.application?.posting ? ctx.store.postings.get(opp.application.posting) : undefined;
  const fields: LeverOfferField[] = [
    { text: 'Job posting', identifier: ids.posting, value: posting?.text ?? null },
    { text: 'Job title', identifier: ids.jobTitle, value: posting?.text ?? null },
    { text: 'Candidate name', identifier: ids.candidateName, value: opp.name },
  ];
  if (offer.startDate !== undefined) fields.push({ text: 'Anticipated start date', identifier: ids.startDate, value: offer.startDate });
  if (offer.salary !== undefined) fields.push({ text: 'Offered compensation amount', identifier: ids.salary, value: offer.salary });
  if (offer.currency !== undefined) fields.push({ text: 'Compensation currency', identifier: ids.currency, value: offer.currency });
  if (offer.salary !== undefined) fields.push({ text: 'Type of earnings', identifier: ids.salaryInterval, value: 'per-year-salary' });
  if (offer.equity !== undefined) fields.push({ text: 'Equity', identifier: ids.equity, value: offer.equity });
  fields.push(...(offer.fields ?? []));
  const status = offer.status ?? 'signed';
  const sent = status === 'sent' || status === 'sent-manually' || status === 'opened' || status === 'signed';
  return {
    id: randomUuid(ctx.random),
    posting: posting?.id ?? null,
    createdAt: now,
    status,
    creator: null,
    fields,
    approved: status !== 'draft' && status !== 'approval-sent' && status !== 'denied',
    approvedAt: now,
    sentAt: sent ? now : null,
    sentDocument: null,
    signedDocument: null,
  };
}
