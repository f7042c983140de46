import { createHmac } from 'node:crypto';
import { randomHex } from '../http/index.ts';
import type { Random } from '../http/index.ts';

/** A Lever webhook delivery body (lever-api.md §12.2): the verification material is in the body. */
export interface LeverWebhookDelivery {
  triggeredAt: number;
  event: string;
  token: string;
  signature: string;
  /** Ids only; omitted on the verification ping. */
  data?: Record<string, unknown>;
}

/**
 * Lever's signature (lever-api.md §12.3): lowercase hex HMAC-SHA256 keyed with the webhook's
 * signature token over `token + triggeredAt` (plain concatenation, decimal ms). The body is not signed.
 */
export function signLeverWebhook(signatureToken: string, token: string, triggeredAt: number): string {
  return createHmac('sha256', signatureToken)
    .update(`${token}${String(triggeredAt)}`)
    .digest('hex');
}

/** Inputs for {@link buildLeverDelivery}; `token` defaults to 32 random hex chars per delivery. */
export interface DeliveryInput {
  event: string;
  signatureToken: string;
  triggeredAt: number;
  data?: Record<string, unknown>;
  token?: string;
  random?: Random;
}

/** Builds and signs a delivery body. */
export function buildLeverDelivery(input: DeliveryInput): LeverWebhookDelivery {
  const token = input.token ?? randomHex(input.random ?? Math.random, 32);
  const delivery: LeverWebhookDelivery = {
    triggeredAt: input.triggeredAt,
    event: input.event,
    token,
    signature: signLeverWebhook(input.signatureToken, token, input.triggeredAt),
  };
  if (input.data !== undefined) delivery.data = input.data;
  return delivery;
}

/** The ids a `candidateHired` delivery carries; `candidateId` defaults to the opportunity id (modern accounts). */
export interface CandidateHiredIds {
  opportunityId: string;
  contactId: string;
  candidateId?: string;
}

/** Builds a signed `candidateHired` delivery (`data`: opportunityId, candidateId, contactId). */
export function buildCandidateHiredDelivery(
  ids: CandidateHiredIds,
  signatureToken: string,
  triggeredAt: number,
  options: { token?: string; random?: Random } = {},
): LeverWebhookDelivery {
  return buildLeverDelivery({
    event: 'candidateHired',
    signatureToken,
    triggeredAt,
    data: { opportunityId: ids.opportunityId, candidateId: ids.candidateId ?? ids.opportunityId, contactId: ids.contactId },
    ...options,
  });
}

/**
 * Builds Lever's "Verify connection" ping. Its exact payload is unverified; our choice: signed like
 * any delivery, `event` = the webhook's event (default `candidateHired`), and no `data` at all
 * (reliability.md A21: "signed, no data"). Pass `data: {}` to emulate the empty-object variant.
 */
export function buildVerificationDelivery(
  signatureToken: string,
  triggeredAt: number,
  options: { event?: string; data?: Record<string, unknown>; token?: string; random?: Random } = {},
): LeverWebhookDelivery {
  return buildLeverDelivery({ event: options.event ?? 'candidateHired', signatureToken, triggeredAt, ...options });
}
