// Raw HTTP helpers for the listener tests: plain requests with full control of method, path,
// headers and body, and raw sockets for malformed, lying, trickled or oversized requests.
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { signLeverWebhook } from '../../../src/main/sandbox/webhook/index.ts';

/** A response: status, headers and body text. */
export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One HTTP request to 127.0.0.1:`port` (no keep-alive). */
export function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'POST',
        path: options.path,
        headers: { connection: 'close', ...options.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** POSTs a JSON body to the webhook path. */
export function postJson(port: number, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return send(port, { path, headers: { 'content-type': 'application/json', ...headers }, body: text });
}

/** A raw socket to 127.0.0.1:`port` that collects everything the server sends and notes when it closes. */
export interface RawClient {
  socket: Socket;
  received(): string;
  closed: Promise<void>;
  /** Resolves when the received text matches `pattern` (or the socket closes). */
  waitFor(pattern: RegExp): Promise<string>;
  isClosed(): boolean;
}

export async function rawClient(port: number): Promise<RawClient> {
  const socket = connect({ host: '127.0.0.1', port });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  let text = '';
  let isClosed = false;
  const waiters: Array<{ pattern: RegExp; resolve: (t: string) => void }> = [];
  const check = (): void => {
    for (const w of waiters.splice(0)) {
      if (w.pattern.test(text) || isClosed) w.resolve(text);
      else waiters.push(w);
    }
  };
  socket.on('data', (chunk: Buffer) => {
    text += chunk.toString('latin1');
    check();
  });
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      isClosed = true;
      check();
      resolve();
    }),
  );
  return {
    socket,
    received: () => text,
    closed,
    isClosed: () => isClosed,
    waitFor: (pattern) =>
      new Promise((resolve) => {
        waiters.push({ pattern, resolve });
        check();
      }),
  };
}

/** A signed delivery body (signed with the sandbox's signer, which shares no code with the app). */
export function signed(
  signatureToken: string,
  options: { token?: string; triggeredAt: number; event?: string; data?: Record<string, unknown> | null },
) {
  const token = options.token ?? `tok-${Math.random().toString(16).slice(2)}`;
  const body: Record<string, unknown> = {
    triggeredAt: options.triggeredAt,
    event: options.event ?? 'candidateHired',
    token,
    signature: signLeverWebhook(signatureToken, token, options.triggeredAt),
  };
  if (options.data !== null) body['data'] = options.data ?? { opportunityId: 'opp-1', candidateId: 'opp-1', contactId: 'contact-1' };
  return body;
}

/** Waits for a macrotask turn (lets after-response work run). */
export function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Reads until `done` holds or about five seconds pass; returns the last value read (the test asserts on it). */
export async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 500 && !done(value); i += 1) {
    await new Promise((r) => setTimeout(r, 10));
    value = await read();
  }
  return value;
}
