import type { Clock, Random, Sleep } from '../http/index.ts';
import { buildCandidateHiredDelivery, buildVerificationDelivery } from './signing.ts';
import type { CandidateHiredIds, LeverWebhookDelivery } from './signing.ts';

/** One POST attempt: HTTP status on an answer, or the network error's message. */
export interface DeliveryAttempt {
  readonly url: string;
  readonly event: string;
  readonly token: string;
  readonly triggeredAt: number;
  readonly attempt: number;
  readonly at: number;
  readonly status?: number;
  readonly error?: string;
}

/** The outcome of one delivery after all its attempts. `skipped` when the sender is disabled or stopped. */
export interface DeliveryReport {
  readonly url: string;
  readonly delivery: LeverWebhookDelivery;
  readonly delivered: boolean;
  readonly attempts: readonly DeliveryAttempt[];
  readonly skipped?: 'disabled' | 'stopped';
}

/**
 * Sender options. Lever's real retry policy is undocumented; our default is 3 retries after 1 s,
 * 5 s and 30 s (4 attempts), retried on any non-2xx answer or network error, always with the
 * same body (Lever appears not to re-sign retries: `triggeredAt` is the event time).
 */
export interface WebhookSenderOptions {
  /** Waits before each retry; its length is the number of retries. */
  retryDelaysMs?: readonly number[];
  sleep?: Sleep;
  clock?: Clock;
  /** Source of delivery tokens (use a seeded one for reproducible tokens). */
  random?: Random;
  fetch?: typeof fetch;
  /** Per-attempt timeout; default 10 s. */
  timeoutMs?: number;
  /** `false` simulates "webhook never delivered": nothing is posted. */
  enabled?: boolean;
}

/** Posts signed Lever webhook deliveries with retries; disable it to simulate lost webhooks. */
export interface WebhookSender {
  send(url: string, delivery: LeverWebhookDelivery): Promise<DeliveryReport>;
  sendCandidateHired(url: string, signatureToken: string, ids: CandidateHiredIds, triggeredAt?: number): Promise<DeliveryReport>;
  /** Sends Lever's signed "Verify connection" ping (no opportunity). */
  sendVerification(
    url: string,
    signatureToken: string,
    options?: { event?: string; data?: Record<string, unknown> },
  ): Promise<DeliveryReport>;
  setEnabled(enabled: boolean): void;
  enabled(): boolean;
  /** Every attempt made so far, oldest first. */
  attempts(): DeliveryAttempt[];
  clearAttempts(): void;
  /** Cancels pending retries (their reports resolve as `stopped`); later sends are skipped. */
  stop(): void;
}

/** Creates a sender. Timers are injectable (`sleep`, `clock`) so retry schedules run instantly in tests. */
export function createWebhookSender(options: WebhookSenderOptions = {}): WebhookSender {
  const clock = options.clock ?? Date.now;
  const retries = options.retryDelaysMs ?? [1000, 5000, 30_000];
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pending = new Set<{ timer: ReturnType<typeof setTimeout>; resolve: () => void }>();
  const sleep: Sleep =
    options.sleep ??
    ((ms) =>
      new Promise<void>((resolve) => {
        const entry = {
          timer: setTimeout(() => {
            pending.delete(entry);
            resolve();
          }, ms),
          resolve,
        };
        pending.add(entry);
      }));
  let isEnabled = options.enabled ?? true;
  let stopped = false;
  let log: DeliveryAttempt[] = [];

  async function attemptOnce(url: string, delivery: LeverWebhookDelivery, attempt: number): Promise<DeliveryAttempt> {
    const base = { url, event: delivery.event, token: delivery.token, triggeredAt: delivery.triggeredAt, attempt, at: clock() };
    try {
      const res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Lever-Webhooks (ReqBridge sandbox)' },
        body: JSON.stringify(delivery),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      return { ...base, status: res.status };
    } catch (e) {
      return { ...base, error: e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e) };
    }
  }

  async function send(url: string, delivery: LeverWebhookDelivery): Promise<DeliveryReport> {
    if (stopped) return { url, delivery, delivered: false, attempts: [], skipped: 'stopped' };
    if (!isEnabled) return { url, delivery, delivered: false, attempts: [], skipped: 'disabled' };
    const attempts: DeliveryAttempt[] = [];
    for (let i = 0; i <= retries.length; i += 1) {
      if (i > 0) {
        if (!stopped) await sleep(retries[i - 1] ?? 0);
        if (stopped) return { url, delivery, delivered: false, attempts, skipped: 'stopped' };
      }
      const a = await attemptOnce(url, delivery, i + 1);
      attempts.push(a);
      log.push(a);
      if (a.status !== undefined && a.status >= 200 && a.status < 300) return { url, delivery, delivered: true, attempts };
    }
    return { url, delivery, delivered: false, attempts };
  }

  return {
    send,
    sendCandidateHired(url, signatureToken, ids, triggeredAt) {
      const random = options.random;
      return send(url, buildCandidateHiredDelivery(ids, signatureToken, triggeredAt ?? clock(), random ? { random } : {}));
    },
    sendVerification(url, signatureToken, extra = {}) {
      const random = options.random;
      return send(url, buildVerificationDelivery(signatureToken, clock(), { ...extra, ...(random ? { random } : {}) }));
    },
    setEnabled(enabled) {
      isEnabled = enabled;
    },
    enabled: () => isEnabled,
    attempts: () => [...log],
    clearAttempts() {
      log = [];
    },
    stop() {
      stopped = true;
      for (const p of pending) {
        clearTimeout(p.timer);
        p.resolve();
      }
      pending.clear();
    },
  };
}
