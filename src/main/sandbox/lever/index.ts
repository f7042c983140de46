/**
 * Fake Lever Data API v1 for the sandbox. `createFakeLever(options)` → `{ url, close, control }`;
 * the seed/state types live in `state.ts` (imported by the demo-data generator).
 */
export { createFakeLever } from './server.ts';
export type { FakeLever, FakeLeverControl, FakeLeverOptions } from './server.ts';
export type { HireOffer, HireResult } from './hire.ts';
export { DEFAULT_OFFER_FIELDS } from './context.ts';
export type { OfferFieldIdentifiers } from './context.ts';
export { ALL_ORIGINS, DEFAULT_ARCHIVE_REASONS, DEFAULT_STAGES } from './defaults.ts';
export { WEBHOOK_EVENTS } from './routes-account.ts';
export { LEVER_ALL_READ, LEVER_INTEGRATION_WRITES } from './state.ts';
export type * from './state.ts';
