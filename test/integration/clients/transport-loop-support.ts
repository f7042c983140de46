// Shared by the transport loop tests: a scripted server on 127.0.0.1 (port 0) that records what it
// received, and a Lever transport on a manual clock whose failures, log lines and events are kept.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createManualClock } from '../../../src/main/core/http/clock.ts';
import type { ManualClock } from '../../../src/main/core/http/clock.ts';
import { HttpFailure } from '../../../src/main/core/http/errors.ts';
import { createRateLimiter } from '../../../src/main/core/http/rate-limiter.ts';
import type { RateLimiter } from '../../../src/main/core/http/rate-limiter.ts';
import { createHttpRecorder } from '../../../src/main/core/http/recorder.ts';
import type { MemoryHttpRecorder } from '../../../src/main/core/http/recorder.ts';
import type { RetryPolicy } from '../../../src/main/core/http/retry-policy.ts';
import { createTransport } from '../../../src/main/core/http/transport.ts';
import type { FailureFacts, Transport, TransportRequest } from '../../../src/main/core/http/transport.ts';
import { createLogger } from '../../../src/main/core/logging/logger.ts';
import type { LogRecord } from '../../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';

/** The manual clock's start: every recorded time is counted from here. */
export const START = Date.UTC(2026, 0, 5, 9, 0, 0);

/** How the server answers one request. */
export type Reply = (req: IncomingMessage, res: ServerResponse) => void;

/** What the server saw of one request. */
export interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let servers: Server[] = [];

/** Closes every server started by {@link serve}; call it in `afterEach`. */
export async function closeServers(): Promise<void> {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  servers = [];
}

/** A server on 127.0.0.1, port 0, answering the n-th request with `replies[n]` (the last one repeats). */
export async function serve(...replies: Reply[]): Promise<{ base: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const reply = replies[Math.min(seen.length, replies.length) - 1] as Reply;
      reply(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** A base URL where nothing listens (a server bound, then closed). */
export async function closedPort(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Answers with `status` and `body` as JSON. */
export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
/** Answers with `status` and a raw text body. */
export const text =
  (status: number, body: string, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
/** Sends the status and headers, part of a body, then drops the connection. */
export const cutOff =
  (status: number, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res.writeHead(status, { 'content-length': '100', ...headers });
    res.write('{"items":[');
    setTimeout(() => res.destroy(), 20);
  };
/** Drops the connection once the request has arrived, without answering. */
export const hangUp: Reply = (req) => req.socket.destroy();

/** A transport and everything it reports to. */
export interface Loop {
  transport: Transport;
  clock: ManualClock;
  limiter: RateLimiter;
  recorder: MemoryHttpRecorder;
  facts: FailureFacts[];
  lines: LogRecord[];
}

/** A Lever transport on a manual clock; failure messages name kind and endpoint, and their facts are kept. */
export function loop(
  baseUrl: string,
  options: { retry?: Partial<RetryPolicy>; signal?: AbortSignal; timeoutMs?: number; clock?: ManualClock; limiter?: RateLimiter } = {},
): Loop {
  const clock = options.clock ?? createManualClock(START);
  const limiter = options.limiter ?? createRateLimiter({ ratePerSecond: 1000, burst: 1000 }, clock);
  const recorder = createHttpRecorder();
  const facts: FailureFacts[] = [];
  const lines: LogRecord[] = [];
  const transport = createTransport({
    vendor: 'lever',
    baseUrl,
    authorization: 'Basic dGVzdC1rZXk6',
    limiter,
    messages: (f) => {
      facts.push(f);
      return `Lever ${f.endpoint} failed: ${f.kind}.`;
    },
    logger: createLogger({ redactor: createRedactor(), sink: (r) => lines.push(r), level: 'debug' }),
    clock,
    recorder,
    retry: { random: () => 0.5, maxAttempts: 3, ...options.retry },
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  return { transport, clock, limiter, recorder, facts, lines };
}

/** The HttpFailure a call rejects with (fails the test if it succeeds or throws anything else). */
export async function failureOf(transport: Transport, request: TransportRequest): Promise<HttpFailure> {
  try {
    await transport.request(request);
  } catch (error) {
    if (error instanceof HttpFailure) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

/** Log lines as `level: message`. */
export const messages = (lines: LogRecord[]) => lines.map((l) => `${l.level}: ${l.message}`);
