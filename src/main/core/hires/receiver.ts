/**
 * Persist, then acknowledge (reliability.md §1.5 steps 5–9): a body that
 * passed the listener's HTTP checks is verified, written to the inbox under
 * its dedupe key, and only then answered — 202 for new work, 200 for a
 * duplicate, a ping, a stale or an ignored event, 400/401 for bad input, 500
 * when the inbox cannot be written (so Lever retries) and 503 while no
 * signature token is set or readable (the delivery cannot be verified yet;
 * Lever retries).
 */
import type { Logger } from '../logging/logger.ts';
import type { FreshnessWindow } from './delivery.ts';
import { checkDelivery, dedupeKeyOf } from './delivery.ts';
import type { Inbox, InboxKind, InboxStatus } from './inbox.ts';
import type { ListenerAnswer } from './listener.ts';

/** What the receiver needs. */
export interface ReceiverDeps {
  inbox: () => Inbox;
  /** The signature token the user pasted from Lever (null until then). */
  signatureToken: () => Promise<string | null>;
  now: () => Date;
  freshness: FreshnessWindow;
  logger: Logger;
  /** A new hire row was written (called after the answer was sent). */
  onQueued: (rowId: number) => void;
  /** Any delivery was recorded (called after the answer was sent): pings verify the connection. */
  onRecorded: (kind: InboxKind, rowId: number) => void;
  /** Test hook: runs after the 2xx was sent and before processing is scheduled. */
  afterAcknowledge?: (rowId: number) => void;
}

const STATUS_OF: Record<InboxKind, InboxStatus> = { hire: 'queued', ping: 'ping', ignored: 'ignored' };

/** Keeps rejected-delivery logging to one line per reason per minute. */
function throttledWarn(logger: Logger, now: () => Date): (code: string, message: string) => void {
  const last = new Map<string, { at: number; skipped: number }>();
  return (code, message) => {
    const t = now().getTime();
    const seen = last.get(code);
    if (seen && t - seen.at < 60_000) {
      seen.skipped += 1;
      return;
    }
    last.set(code, { at: t, skipped: 0 });
    logger.warn(`${message}${seen?.skipped ? ` (${seen.skipped} more like it in the last minute)` : ''}`);
  };
}

/** Builds the body handler of a profile's listener. */
export function createReceiver(deps: ReceiverDeps): (body: Buffer) => Promise<ListenerAnswer> {
  const warn = throttledWarn(deps.logger, deps.now);
  return async (body) => {
    let token: string | null;
    try {
      token = (await deps.signatureToken())?.trim() || null;
    } catch (error) {
      warn(
        // Stryker disable next-line StringLiteral: the code is only a throttle key; any text unlike the other codes throttles the same
        'token_unreadable',
        `Webhook delivery refused with 503: the Lever signature token could not be read (${error instanceof Error ? error.message : String(error)}).`,
      );
      return { status: 503 };
    }
    if (!token) {
      warn(
        // Stryker disable next-line StringLiteral: the code is only a throttle key; any text unlike the other codes throttles the same
        'no_token',
        'Webhook delivery refused with 503: no Lever signature token is set for this profile yet. Paste it in Setup → New-hire data flow.',
      );
      return { status: 503 };
    }
    const now = deps.now();
    const verdict = checkDelivery(body, token, now.getTime(), deps.freshness);
    if (!verdict.ok) {
      warn(verdict.code, `Webhook delivery refused with ${verdict.status} (${verdict.code}): ${verdict.detail}`);
      return { status: verdict.status };
    }
    const { delivery, kind, stale } = verdict;
    const status: InboxStatus = stale && kind === 'hire' ? 'stale' : STATUS_OF[kind];
    const staleReason = `Not processed: Lever triggered this delivery at ${new Date(delivery.triggeredAt).toISOString()}, older than the ${Math.round(deps.freshness.pastWindowMs / 3_600_000)}-hour window for signed deliveries, so it may be a replay. If the hire is real, Catch up finds it; or press Replay to process it now.`;
    let written;
    try {
      written = deps.inbox().insert({
        dedupeKey: dedupeKeyOf(delivery),
        source: 'webhook',
        kind,
        status,
        receivedAt: now.toISOString(),
        opportunityId: delivery.opportunityId,
        triggeredAt: delivery.triggeredAt,
        body: {
          event: delivery.event,
          token: delivery.token,
          triggeredAt: delivery.triggeredAt,
          data: { opportunityId: delivery.opportunityId, candidateId: delivery.candidateId, contactId: delivery.contactId },
        },
        decision: kind === 'hire' ? (status === 'stale' ? 'failed' : 'pending') : null,
        reason: status === 'stale' ? staleReason : null,
      });
    } catch (error) {
      deps.logger.error('The webhook inbox could not be written; answered 500 so Lever retries', error);
      return { status: 500 };
    }
    if (!written.inserted) return { status: 200 };
    if (stale) deps.logger.warn(`stale_signed: delivery ${written.id} was triggered at ${delivery.triggeredAt}; recorded, not processed`);
    const id = written.id;
    return {
      status: kind === 'hire' && !stale ? 202 : 200,
      afterResponse: () => {
        deps.afterAcknowledge?.(id);
        deps.onRecorded(kind, id);
        if (kind === 'hire' && !stale) deps.onQueued(id);
      },
    };
  };
}
