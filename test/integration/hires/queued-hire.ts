// A webhook hire row put straight into a profile's inbox, for tests that drive the hire worker directly.
import type { Inbox } from '../../../src/main/core/hires/inbox.ts';

/** Queues a webhook hire of `opportunityId` received at `now`; returns its inbox row id. */
export function queueHire(inbox: Inbox, opportunityId: string, now: Date): number {
  return inbox.insert({
    dedupeKey: `webhook:${opportunityId}`,
    source: 'webhook',
    kind: 'hire',
    status: 'queued',
    receivedAt: now.toISOString(),
    opportunityId,
    triggeredAt: now.getTime(),
    body: { opportunityId },
  }).id;
}
