/**
 * Lever webhook deliveries as the soak sends them to ReqBridge's listener: signed `candidateHired`
 * notices of the hires a step made, sent out of order, some twice, some late (triggered beyond
 * the freshness window), plus deliveries signed with the wrong token and deliveries naming
 * candidates who are not hired. A delivery not acknowledged with a 2xx is sent again later, as
 * Lever retries.
 */
import { signLeverWebhook } from '../../src/main/sandbox/webhook/index.ts';
import type { LeverWebhookDelivery } from '../../src/main/sandbox/webhook/index.ts';
import type { SoakCandidate } from './candidates.ts';
import type { Prng } from './prng.ts';

/** What a delivery is meant to test. */
export type DeliveryKind = 'hired' | 'late' | 'bad_signature' | 'not_hired';

/** What the report counts: deliveries by kind, plus duplicates sent and Lever's retries of unanswered ones. */
export const DELIVERY_COUNTS = ['hired', 'late', 'bad_signature', 'not_hired', 'duplicate', 'retry'] as const;

/** One of {@link DELIVERY_COUNTS}. */
export type DeliveryCount = (typeof DELIVERY_COUNTS)[number];

/** One delivery and what became of it. */
export interface SoakDelivery {
  kind: DeliveryKind;
  opportunityId: string;
  /** The inbox key ReqBridge keeps it under (`lever:<token>:<triggeredAt>`). */
  dedupeKey: string;
  body: LeverWebhookDelivery;
  /** The answers of every attempt (0: no answer). */
  statuses: number[];
}

/** Deliveries older than this are stale for ReqBridge (72 hours); late ones are sent older still. */
const LATE_BY_MS = 80 * 3_600_000;

/** Builds one delivery; `signWith` is the token it is signed with (the wrong one for a bad signature). */
function delivery(kind: DeliveryKind, candidate: SoakCandidate, token: string, triggeredAt: number, signWith: string): SoakDelivery {
  const body: LeverWebhookDelivery = {
    triggeredAt,
    event: 'candidateHired',
    token,
    signature: signLeverWebhook(signWith, token, triggeredAt),
    data: { opportunityId: candidate.opportunityId, candidateId: candidate.opportunityId, contactId: `${candidate.opportunityId}-contact` },
  };
  return { kind, opportunityId: candidate.opportunityId, dedupeKey: `lever:${token}:${triggeredAt}`, body, statuses: [] };
}

/**
 * The deliveries of one step, in the order they are sent: one per hire (a few lost, a few late),
 * maybe one for a candidate still in the pipeline and one badly signed, each maybe twice, shuffled.
 */
export function planDeliveries(
  prng: Prng,
  ids: { seed: number; step: number; signatureToken: string; now: number },
  hired: readonly SoakCandidate[],
  notHired: readonly SoakCandidate[],
): SoakDelivery[] {
  const out: SoakDelivery[] = [];
  let n = 0;
  const token = (): string => `soak-${ids.seed}-${ids.step}-${(n += 1)}`;
  for (const candidate of hired) {
    const draw = prng.next();
    // Lost webhooks (about one in six) are left to the catch-up.
    if (draw < 0.15) continue;
    const late = draw < 0.3;
    out.push(
      delivery(
        late ? 'late' : 'hired',
        candidate,
        token(),
        late ? ids.now - LATE_BY_MS : ids.now - prng.int(0, 60_000),
        ids.signatureToken,
      ),
    );
  }
  if (notHired.length > 0 && prng.chance(0.5)) out.push(delivery('not_hired', prng.pick(notHired), token(), ids.now, ids.signatureToken));
  if (prng.chance(0.5)) {
    const anyone = prng.pick([...hired, ...notHired]);
    if (anyone) out.push(delivery('bad_signature', anyone, token(), ids.now, `${ids.signatureToken}-not-it`));
  }
  for (const d of [...out]) if (prng.chance(0.35)) out.push({ ...d, statuses: [] });
  // Out of order: Lever promises no order, and retries interleave with new deliveries.
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = prng.int(0, i);
    [out[i], out[j]] = [out[j] as SoakDelivery, out[i] as SoakDelivery];
  }
  return out;
}

/** Counts a step's sends into `tally`: each fresh delivery by kind (a second copy as a duplicate), each retry as a retry. */
export function tallyDeliveries(tally: Partial<Record<DeliveryCount, number>>, fresh: readonly SoakDelivery[], retries: number): void {
  const bump = (k: DeliveryCount, n = 1): void => void (tally[k] = (tally[k] ?? 0) + n);
  const seen = new Set<string>();
  for (const d of fresh) {
    bump(seen.has(d.dedupeKey) ? 'duplicate' : d.kind);
    seen.add(d.dedupeKey);
  }
  if (retries > 0) bump('retry', retries);
}

/** True when a delivery should be sent again: signed right, and no attempt got a 2xx. */
export function awaitsRetry(d: SoakDelivery): boolean {
  return d.kind !== 'bad_signature' && !d.statuses.some((s) => s >= 200 && s < 300);
}

/** Posts the deliveries one after the other to `url`, recording each answer; stops early when `stop()` says so. */
export async function sendDeliveries(url: string, deliveries: readonly SoakDelivery[], stop: () => boolean = () => false): Promise<number> {
  let sent = 0;
  for (const d of deliveries) {
    if (stop()) break;
    sent += 1;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(d.body),
        signal: AbortSignal.timeout(5_000),
      });
      await res.arrayBuffer();
      d.statuses.push(res.status);
    } catch {
      d.statuses.push(0);
    }
  }
  return sent;
}
