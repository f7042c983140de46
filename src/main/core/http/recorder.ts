/**
 * A record of every attempt and every wait the clients make, for the run log
 * and for tests ("three 503s then success: which waits, why, how long").
 * Events carry endpoints and statuses only — never headers, bodies or secrets.
 */
import type { Vendor } from './limiter-registry.ts';
import type { ShapeFinding } from './shape.ts';

/** How one attempt ended. */
export type AttemptOutcome = 'ok' | 'http-error' | 'network-error' | 'timeout' | 'bad-response' | 'cancelled';

/** One HTTP attempt. `at` is the clock's time when it was sent. */
export interface AttemptEvent {
  type: 'attempt';
  vendor: Vendor;
  endpoint: string;
  attempt: number;
  at: number;
  outcome: AttemptOutcome;
  status: number | null;
  /** A short reason for failures (e.g. `ECONNRESET`, `truncated body`). */
  error?: string;
}

/** Time spent waiting before an attempt. */
export interface WaitEvent {
  type: 'wait';
  vendor: Vendor;
  endpoint: string;
  /** The attempt this wait precedes. */
  attempt: number;
  at: number;
  ms: number;
  reason: 'rate-limit' | 'backoff' | 'retry-after';
}

/** A write with an unknown outcome that was settled by looking the record up. */
export interface RecoveryEvent {
  type: 'recovery';
  vendor: Vendor;
  endpoint: string;
  at: number;
  result: 'found' | 'absent-resent';
}

/** One parsed answer compared with its schema (key paths and JSON types only; see shape.ts). */
export interface ShapeEvent {
  type: 'shape';
  vendor: Vendor;
  endpoint: string;
  at: number;
  findings: ShapeFinding[];
}

/** Anything the HTTP layer reports. */
export type HttpEvent = AttemptEvent | WaitEvent | RecoveryEvent | ShapeEvent;

/** Where events go. */
export interface HttpRecorder {
  record(event: HttpEvent): void;
}

/** A recorder that keeps events in memory (bounded), with typed views. */
export interface MemoryHttpRecorder extends HttpRecorder {
  events(): HttpEvent[];
  attempts(): AttemptEvent[];
  waits(): WaitEvent[];
  clear(): void;
}

/** Creates an in-memory recorder keeping at most `limit` events (oldest dropped). */
export function createHttpRecorder(limit = 100_000): MemoryHttpRecorder {
  let items: HttpEvent[] = [];
  return {
    record(event) {
      items.push(event);
      // Events arrive one at a time, so at most one is over the limit.
      if (items.length > limit) items.shift();
    },
    events: () => [...items],
    attempts: () => items.filter((e): e is AttemptEvent => e.type === 'attempt'),
    waits: () => items.filter((e): e is WaitEvent => e.type === 'wait'),
    clear() {
      items = [];
    },
  };
}

/** A recorder that drops everything. */
export const nullRecorder: HttpRecorder = { record: () => undefined };
