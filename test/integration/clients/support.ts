// Shared helpers for the client and doctor integration tests: a capturing logger, a manual clock
// shared by client and fake server, and client factories against the sandbox servers.
import { createManualClock } from '../../../src/main/core/http/clock.ts';
import type { ManualClock } from '../../../src/main/core/http/clock.ts';
import { createLimiterRegistry } from '../../../src/main/core/http/limiter-registry.ts';
import type { LimiterRegistry } from '../../../src/main/core/http/limiter-registry.ts';
import { createHttpRecorder } from '../../../src/main/core/http/recorder.ts';
import type { MemoryHttpRecorder } from '../../../src/main/core/http/recorder.ts';
import type { RetryPolicy } from '../../../src/main/core/http/retry-policy.ts';
import { createChartHopClient } from '../../../src/main/core/charthop/client.ts';
import type { ChartHopClient } from '../../../src/main/core/charthop/client.ts';
import { createLeverClient } from '../../../src/main/core/lever/client.ts';
import type { LeverClient } from '../../../src/main/core/lever/client.ts';
import { createLogger } from '../../../src/main/core/logging/logger.ts';
import type { Logger, LogRecord } from '../../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';
import type { Redactor } from '../../../src/main/core/logging/redactor.ts';
import { LEVER_ALL_READ, LEVER_INTEGRATION_WRITES } from '../../../src/main/sandbox/lever/index.ts';
import type { LeverPermission } from '../../../src/main/sandbox/lever/index.ts';

/** A logger at debug level whose redacted lines land in `lines`. */
export interface TestLogging {
  logger: Logger;
  redactor: Redactor;
  lines: LogRecord[];
}

/** Creates a capturing logger. */
export function testLogging(): TestLogging {
  const lines: LogRecord[] = [];
  const redactor = createRedactor();
  return { logger: createLogger({ redactor, sink: (r) => lines.push(r), level: 'debug' }), redactor, lines };
}

/** A seeded RNG returning the given values in a loop (for exact backoff figures). */
export function sequenceRandom(values: readonly number[]): () => number {
  let i = 0;
  return () => {
    const v = values[i % values.length] as number;
    i += 1;
    return v;
  };
}

/** Everything a test needs around one client. */
export interface ClientKit {
  clock: ManualClock;
  registry: LimiterRegistry;
  recorder: MemoryHttpRecorder;
  logging: TestLogging;
}

/** A manual clock, a registry on it, a recorder and a logger. */
export function clientKit(start?: number): ClientKit {
  const clock = createManualClock(start);
  return { clock, registry: createLimiterRegistry(clock), recorder: createHttpRecorder(), logging: testLogging() };
}

/** Options for the client factories. */
export interface ClientOptions {
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  pageSize?: number;
  signal?: AbortSignal;
}

/** A Lever client on the kit's clock, limiter registry, recorder and logger. */
export function leverClient(kit: ClientKit, baseUrl: string, apiKey: string, options: ClientOptions = {}): LeverClient {
  return createLeverClient({
    baseUrl,
    apiKey,
    limiter: kit.registry.get('lever', baseUrl, apiKey),
    logger: kit.logging.logger,
    redactor: kit.logging.redactor,
    recorder: kit.recorder,
    clock: kit.clock,
    retry: { random: () => 0.5, ...options.retry },
    ...withoutUndefined(options),
  });
}

/** A ChartHop client likewise. */
export function charthopClient(kit: ClientKit, baseUrl: string, token: string, org: string, options: ClientOptions = {}): ChartHopClient {
  return createChartHopClient({
    baseUrl,
    token,
    org,
    limiter: kit.registry.get('charthop', baseUrl, token),
    logger: kit.logging.logger,
    redactor: kit.logging.redactor,
    recorder: kit.recorder,
    clock: kit.clock,
    retry: { random: () => 0.5, ...options.retry },
    ...withoutUndefined(options),
  });
}

function withoutUndefined(options: ClientOptions): Omit<ClientOptions, 'retry'> {
  const out: Omit<ClientOptions, 'retry'> = {};
  if (options.timeoutMs !== undefined) out.timeoutMs = options.timeoutMs;
  if (options.pageSize !== undefined) out.pageSize = options.pageSize;
  if (options.signal !== undefined) out.signal = options.signal;
  return out;
}

/** A Lever key with every permission the vendor guide asks for, plus webhooks and confidential access. */
export const FULL_KEY = {
  id: 'key-full',
  secret: 'lever-full-key-0001',
  name: 'ChartHop',
  permissions: [...LEVER_ALL_READ, ...LEVER_INTEGRATION_WRITES, 'Manage webhooks'] as LeverPermission[],
  confidentialAccess: true,
};

/** The full key minus one permission. */
export function keyWithout(permission: LeverPermission, id = 'key-partial', secret = 'lever-partial-key-0002') {
  return { ...FULL_KEY, id, secret, permissions: FULL_KEY.permissions.filter((p) => p !== permission) };
}

/** Lever users used as owners and hiring managers. */
export const USERS = [
  { id: 'u-grace', name: 'Grace Manager', email: 'grace@example.com' },
  { id: 'u-rick', name: 'Rick Recruiter', email: 'Rick.Recruiter@example.com' },
];

/** `n` requisitions created one second apart. */
export function requisitions(n: number, start = 1_780_000_000_000) {
  return Array.from({ length: n }, (_, i) => ({
    id: `req-${String(i).padStart(5, '0')}`,
    requisitionCode: `ENG-${String(i).padStart(5, '0')}`,
    name: `Engineer ${i}`,
    headcountTotal: 1,
    createdAt: start + i * 1000,
  }));
}
