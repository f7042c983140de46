/**
 * The webhook listener: a small HTTP server on 127.0.0.1 that serves exactly
 * `POST /webhooks/lever/<secret>` (reliability.md §1.5–1.6). Everything else
 * is 404 (unknown path) or 405 (right path, wrong method) with an empty body;
 * only `application/json` bodies within the size limit reach the handler;
 * header, request and keep-alive timeouts and a connection cap bound slow or
 * idle clients. No input can crash it: the handler's own failures become 500.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logging/logger.ts';

/** The path prefix Lever posts to; the secret follows it. */
export const WEBHOOK_PATH_PREFIX = '/webhooks/lever/';

/** What the handler answers: a status, and work to run once the answer has been sent. */
export interface ListenerAnswer {
  status: number;
  afterResponse?: () => void;
}

/** Options of {@link createWebhookListener}. */
export interface WebhookListenerOptions {
  /** The current secret path segment (read on every request, so rotation applies at once). */
  secret: () => string;
  /** Handles a body that passed the HTTP checks. */
  handle: (body: Buffer) => Promise<ListenerAnswer>;
  logger: Logger;
  /** TCP port on 127.0.0.1; default 0 (a free port). */
  port?: number;
  /** Body limit in bytes (default 64 KiB). */
  bodyLimit?: number;
  /** Time allowed to receive the headers, ms (default 10 000). */
  headersTimeoutMs?: number;
  /** Time allowed to receive the whole request, ms (default 15 000). */
  requestTimeoutMs?: number;
  /** Idle keep-alive sockets are closed after this, ms (default 5 000). */
  keepAliveTimeoutMs?: number;
  /** How often expired requests are swept, ms (default 1 000). */
  checkIntervalMs?: number;
  /** Concurrent connections (default 256). */
  maxConnections?: number;
}

/** A running listener: `url` is its origin (`http://127.0.0.1:<port>`). */
export interface WebhookListener {
  url: string;
  port: number;
  close(): Promise<void>;
}

const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** True when `url` is exactly the webhook path (no query, no other spelling), compared in constant time. */
export function isWebhookPath(url: string, secret: string): boolean {
  return timingSafeEqual(digest(url), digest(`${WEBHOOK_PATH_PREFIX}${secret}`));
}

/** Answers without a body and closes the connection, discarding what the client still sends (bounded). */
function reject(req: IncomingMessage, res: ServerResponse, status: number, drainLimit: number, headers: Record<string, string> = {}): void {
  if (!res.headersSent) {
    res.writeHead(status, { 'content-length': '0', connection: 'close', ...headers });
    res.end();
  }
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    // Linger a little so the client can read the answer, then cut a client that keeps sending.
    if (seen > drainLimit) req.socket.destroy();
  });
  // Stryker disable next-line CallExpression: the 'data' listener just attached already puts the request in flowing mode
  req.resume();
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (value: Buffer | 'too_large' | 'aborted'): void => {
      if (settled) return;
      // Stryker disable next-line BooleanLiteral: a promise resolves once, and no chunk past the limit is kept anyway
      settled = true;
      resolve(value);
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) settle('too_large');
      else chunks.push(chunk);
    });
    req.on('end', () => settle(Buffer.concat(chunks)));
    // Stryker disable next-line StringLiteral,ArrowFunction: 'error' and 'close' also fire when the client leaves
    req.on('aborted', () => settle('aborted'));
    // Stryker disable next-line StringLiteral,ArrowFunction: 'aborted' and 'close' also fire when the client leaves
    req.on('error', () => settle('aborted'));
    // Stryker disable next-line StringLiteral,ArrowFunction: 'aborted' and 'error' also fire when the client leaves
    req.on('close', () => settle('aborted'));
  });
}

/** Starts the listener on 127.0.0.1. */
export async function createWebhookListener(options: WebhookListenerOptions): Promise<WebhookListener> {
  const limit = options.bodyLimit ?? 64 * 1024;
  const drainLimit = limit + 64 * 1024;
  const server = createServer({
    requestTimeout: options.requestTimeoutMs ?? 15_000,
    headersTimeout: options.headersTimeoutMs ?? 10_000,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000,
    connectionsCheckingInterval: options.checkIntervalMs ?? 1_000,
    maxHeaderSize: 16 * 1024,
  });
  server.maxConnections = options.maxConnections ?? 256;

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Stryker disable next-line StringLiteral: Node emits 'error' on an incoming request only when it has a listener
    req.on('error', () => undefined);
    // Stryker disable next-line StringLiteral: an answer emits 'error' only on a write after end, which this code never does
    res.on('error', () => undefined);
    // Stryker disable next-line StringLiteral: a request received by an HTTP server always has a url
    if (!isWebhookPath(req.url ?? '', options.secret())) return reject(req, res, 404, drainLimit);
    if (req.method !== 'POST') return reject(req, res, 405, drainLimit, { allow: 'POST' });
    const type = req.headers['content-type'];
    const encoding = req.headers['content-encoding'];
    if (typeof type !== 'string' || !JSON_TYPE.test(type.trim()) || (encoding !== undefined && encoding.toLowerCase() !== 'identity')) {
      return reject(req, res, 415, drainLimit);
    }
    const declared = req.headers['content-length'];
    if (declared !== undefined && !(Number(declared) <= limit)) return reject(req, res, 413, drainLimit);
    const body = await readBody(req, limit);
    if (body === 'aborted') return;
    if (body === 'too_large') return reject(req, res, 413, drainLimit);
    let answer: ListenerAnswer;
    try {
      answer = await options.handle(body);
    } catch (error) {
      options.logger.error('The webhook handler failed; answered 500 so Lever retries', error);
      answer = { status: 500 };
    }
    const after = answer.afterResponse;
    if (res.headersSent || res.destroyed) {
      // The client left while the body was handled: no answer can reach it, but what was recorded is still worked on.
      after?.();
      return;
    }
    if (after) {
      // Once the answer is out — or the client left before it was — the work may start.
      let ran = false;
      const run = (): void => {
        if (ran) return;
        ran = true;
        after();
      };
      // Stryker disable next-line StringLiteral: 'close' follows 'finish' a tick later and runs the work just as well
      res.on('finish', run);
      res.on('close', run);
    }
    res.writeHead(answer.status, { 'content-length': '0' });
    res.end();
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    onRequest(req, res).catch((error: unknown) => {
      options.logger.error('The webhook listener failed on a request', error);
      if (!res.headersSent && !res.destroyed) reject(req, res, 500, drainLimit);
    });
  });
  server.on('error', (error) => options.logger.error('The webhook listener failed', error));

  await new Promise<void>((resolve, reject_) => {
    server.once('error', reject_);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      // Stryker disable next-line StringLiteral: rejecting the settled start promise on a later error is a no-op
      server.off('error', reject_);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
