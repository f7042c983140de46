/**
 * The ChartHop REST client: Bearer token, one org (id or slug). Same
 * transport as Lever's: shared limiter per token, retries with backoff and
 * Retry-After, 401/403 never retried, zod at the boundary, idempotent creates.
 * Create one client per run; take the limiter from the process-wide registry.
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
import { createChartHopApi } from './api.ts';
import { jobOperations } from './jobs.ts';
import { charthopMessages } from './messages.ts';
import { orgOperations } from './org.ts';
import { personOperations } from './people.ts';

/** What a ChartHop client is built from. */
export interface ChartHopClientOptions {
  /** API root, e.g. `https://api.charthop.com` (paths start with /v1 or /v2). */
  baseUrl: string;
  token: string;
  /** Org id or slug. */
  org: string;
  /** The shared limiter of this token: `registry.get('charthop', baseUrl, token)`. */
  limiter: RateLimiter;
  logger: Logger;
  /** The token is registered here so logs mask it. */
  redactor?: Redactor;
  retry?: Partial<RetryPolicy>;
  budget?: RetryBudget;
  recorder?: HttpRecorder;
  clock?: HttpClock;
  signal?: AbortSignal;
  /** Per-attempt timeout in ms (default 30 000). */
  timeoutMs?: number;
  /** Page size of lists (default 1000: ChartHop documents no maximum; its own tool settled on 1000). */
  pageSize?: number;
}

/** The ChartHop client. */
export interface ChartHopClient {
  readonly org: string;
  readonly jobs: ReturnType<typeof jobOperations>;
  readonly people: ReturnType<typeof personOperations>;
  /** Token user, orgs, groups, fields, changes and events. */
  readonly orgs: ReturnType<typeof orgOperations>;
  /** Sends one request and returns its status instead of throwing on 4xx (for the doctor's probes). */
  probe(request: ProbeRequest): Promise<ProbeResult>;
  readonly transport: Transport;
}

/** Creates a ChartHop client. */
export function createChartHopClient(options: ChartHopClientOptions): ChartHopClient {
  const token = options.token.trim();
  options.redactor?.addSecret(options.token);
  options.redactor?.addSecret(token);
  const org = options.org.trim();
  const transport = createTransport({
    vendor: 'charthop',
    baseUrl: options.baseUrl,
    authorization: `Bearer ${token}`,
    limiter: options.limiter,
    messages: charthopMessages(org),
    logger: options.logger,
    ...optionalTransportSettings(options),
  });
  const api = createChartHopApi(transport, org, Math.max(1, Math.floor(options.pageSize ?? 1000)));
  return {
    org,
    jobs: jobOperations(api),
    people: personOperations(api),
    orgs: orgOperations(api),
    transport,
    probe: (request) => probeVia(transport, request),
  };
}
