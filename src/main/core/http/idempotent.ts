/**
 * Creates that survive an unknown outcome without duplicates (reliability.md
 * §2.2): neither vendor offers idempotency keys, so when a create times out or
 * the connection drops after the request left, the record is looked up by its
 * natural key (Lever requisition code, ChartHop job link, person email) and
 * the create is re-sent only if the record is absent.
 */
import { isHttpFailure } from './errors.ts';
import type { HttpRecorder } from './recorder.ts';
import type { Vendor } from './limiter-registry.ts';
import { skipPrecreateLookup } from './test-hooks.ts';

/** How a create was settled. */
export interface IdempotentResult<T> {
  value: T;
  /** `created`: a write was confirmed; `recovered`: an earlier write with unknown outcome was found. */
  outcome: 'created' | 'recovered';
  /** Number of writes sent (1 unless a write was lost and re-sent). */
  writes: number;
}

/** The two halves of an idempotent create. */
export interface IdempotentCreate<T> {
  /** Sends the create; throws an `unknown_outcome` HttpFailure when the result is unknown. */
  write(): Promise<T>;
  /** Finds the record by its natural key; null/undefined when absent. */
  lookup(): Promise<T | null | undefined>;
  /** Writes sent at most (default 3). */
  maxWrites?: number;
  /** Waits before re-sending a write that was found absent (e.g. backoff). */
  pause?(write: number): Promise<void>;
  /** Where to record recoveries. */
  recorder?: HttpRecorder;
  vendor: Vendor;
  endpoint: string;
  now?(): number;
}

/**
 * Runs `write`; on an unknown outcome, runs `lookup` and returns what it finds, or re-sends when
 * the record is absent (at most `maxWrites` writes). Any other error propagates unchanged.
 */
export async function createIdempotent<T>(op: IdempotentCreate<T>): Promise<IdempotentResult<T>> {
  const maxWrites = op.maxWrites ?? 3;
  const now = op.now ?? Date.now;
  for (let writes = 1; ; writes += 1) {
    try {
      return { value: await op.write(), outcome: 'created', writes };
    } catch (error) {
      if (!isHttpFailure(error, 'unknown_outcome')) throw error;
      const found = skipPrecreateLookup() ? null : await op.lookup();
      if (found !== null && found !== undefined) {
        op.recorder?.record({ type: 'recovery', vendor: op.vendor, endpoint: op.endpoint, at: now(), result: 'found' });
        return { value: found, outcome: 'recovered', writes };
      }
      if (writes >= maxWrites) throw error;
      op.recorder?.record({ type: 'recovery', vendor: op.vendor, endpoint: op.endpoint, at: now(), result: 'absent-resent' });
      await op.pause?.(writes);
    }
  }
}
