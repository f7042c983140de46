/**
 * Signed Lever webhook sender for the sandbox: builds `candidateHired` deliveries and the
 * "Verify connection" ping signed as lever-api.md §12.3 documents, and posts them with a
 * configurable retry schedule (injectable timers); can be disabled to simulate lost webhooks.
 */
export { createWebhookSender } from './sender.ts';
export type { DeliveryAttempt, DeliveryReport, WebhookSender, WebhookSenderOptions } from './sender.ts';
export { buildCandidateHiredDelivery, buildLeverDelivery, buildVerificationDelivery, signLeverWebhook } from './signing.ts';
export type { CandidateHiredIds, DeliveryInput, LeverWebhookDelivery } from './signing.ts';
