/**
 * The Lever Data API v1 client. Basic auth with the API key as username;
 * every call waits on the shared limiter of this key, retries what is worth
 * retrying, and parses what comes back with zod. Create one client per run
 * (it holds the run's retry budget, recorder and cancellation signal); the
 * limiter comes from the process-wide registry so all runs share it.
 */
import type { Logger } from '../logging/logger.ts';
import type { Redactor } from '../logging/redactor.ts';
import type { HttpClock } from '../http/clock.ts';
import type { RateLimiter } from '../http/rate-limiter.ts';
import type { HttpRecorder } from '../http/recorder.ts';
import type { RetryBudget, RetryPolicy } from '../http/retry-policy.ts';
import { createTransport } from '../http/transport.ts';
import type { ProbeRequest, ProbeResult, Transport } from '../http/transport.ts';
import { optionalTransportSettings, probeVia } from '../http/transport.ts';
import { accountOperations } from './account.ts';
import { createLeverApi } from './api.ts';
import { leverMessage } from './messages.ts';
import { opportunityOperations } from './opportunities.ts';
import { postingOperations } from './postings.ts';
import { requisitionFieldOperations, requisitionOperations } from './requisitions.ts';

/** What a Lever client is built from. */
export interface LeverClientOptions {
  /** API root including `/v1` (production, sandbox, EU or the embedded sandbox). */
  baseUrl: string;
  apiKey: string;
  /** The shared limiter of this key: `registry.get('lever', baseUrl, apiKey)`. */
  limiter: RateLimiter;
  logger: Logger;
  /** The key (and webhook signature tokens) are registered here so logs mask them. */
  redactor?: Redactor;
  retry?: Partial<RetryPolicy>;
  /** The run's retry budget (default: a fresh one per client). */
  budget?: RetryBudget;
  recorder?: HttpRecorder;
  clock?: HttpClock;
  /** Cancels every call of the run. */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms (default 30 000). */
  timeoutMs?: number;
  /** Page size of lists, 1–100 (default 100, Lever's maximum). */
  pageSize?: number;
}

/** The Lever client. */
export interface LeverClient {
  readonly requisitions: ReturnType<typeof requisitionOperations>;
  readonly requisitionFields: ReturnType<typeof requisitionFieldOperations>;
  readonly postings: ReturnType<typeof postingOperations>;
  readonly opportunities: ReturnType<typeof opportunityOperations>;
  readonly account: ReturnType<typeof accountOperations>;
  /**
   * Sends one request and returns its status instead of throwing on 4xx (429/5xx are still
   * retried): for the doctor's permission probes. Treated as safe to repeat.
   */
  probe(request: ProbeRequest): Promise<ProbeResult>;
  /** The transport (retry budget, recorder, clock) of this client. */
  readonly transport: Transport;
}

/** Creates a Lever client. */
export function createLeverClient(options: LeverClientOptions): LeverClient {
  const apiKey = options.apiKey.trim();
  options.redactor?.addSecret(options.apiKey);
  options.redactor?.addSecret(apiKey);
  const basic = Buffer.from(`${apiKey}:`).toString('base64');
  options.redactor?.addSecret(basic);
  const pageSize = Math.max(1, Math.min(100, Math.floor(options.pageSize ?? 100)));
  const transport = createTransport({
    vendor: 'lever',
    baseUrl: options.baseUrl,
    authorization: `Basic ${basic}`,
    limiter: options.limiter,
    messages: leverMessage,
    logger: options.logger,
    ...optionalTransportSettings(options),
  });
  const api = createLeverApi(transport, pageSize);
  return {
    requisitions: requisitionOperations(api),
    requisitionFields: requisitionFieldOperations(api),
    postings: postingOperations(api),
    opportunities: opportunityOperations(api),
    account: accountOperations(api, options.redactor),
    transport,
    probe: (request) => probeVia(transport, request),
  };
}
