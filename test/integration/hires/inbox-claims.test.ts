// The inbox over a real SQLite file: a claim expires exactly when its lease ends (a crashed worker's
// hire is taken over then, not a moment later), a row that does not exist is never claimed, a retry
// puts a row back in the queue free for any worker, and a decision detail that is not an object
// (an older or damaged row) reads as no detail rather than breaking the Hires page.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInbox } from '../../../src/main/core/hires/inbox.ts';
import type { Inbox } from '../../../src/main/core/hires/inbox.ts';
import { openStateDb } from '../../../src/main/core/state/state-db.ts';
import type { StateDb } from '../../../src/main/core/state/state-db.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const T0 = Date.UTC(2026, 10, 2, 9);
const LEASE = 5 * 60_000;
const alive = (): boolean => true;

let temp: ReturnType<typeof makeTempDir>;
let state: StateDb;
let inbox: Inbox;

beforeEach(() => {
  temp = makeTempDir('reqbridge-inbox-');
  state = openStateDb(`${temp.path}/state.sqlite`);
  inbox = createInbox(state);
});
afterEach(() => {
  state.close();
  temp.cleanup();
});

function addHire(key: string, opportunityId: string | null = 'opp-1'): number {
  return inbox.insert({
    dedupeKey: key,
    source: 'webhook',
    kind: 'hire',
    status: 'queued',
    receivedAt: new Date(T0).toISOString(),
    opportunityId,
    triggeredAt: T0,
    body: {},
    decision: 'pending',
  }).id;
}

describe('claims', () => {
  it('lets another worker take a hire over exactly when the lease of a live worker ends, not before', () => {
    const id = addHire('k1');
    expect(inbox.claim(id, 'worker-a', new Date(T0), LEASE, alive)).toBe(true);
    expect(inbox.claim(id, 'worker-b', new Date(T0 + LEASE - 1), LEASE, alive)).toBe(false);
    expect(inbox.claim(id, 'worker-b', new Date(T0 + LEASE), LEASE, alive)).toBe(true);
    expect(inbox.get(id)).toMatchObject({
      status: 'processing',
      claimedBy: 'worker-b',
      claimedAt: new Date(T0 + LEASE).toISOString(),
      attempts: 2,
    });
  });

  it('claims no row that does not exist', () => {
    expect(inbox.claim(404, 'worker-a', new Date(T0), LEASE, alive)).toBe(false);
  });

  it('puts a retried row back in the queue as pending, free for any worker', () => {
    const id = addHire('k1');
    expect(inbox.claim(id, 'worker-a', new Date(T0), LEASE, alive)).toBe(true);
    inbox.requeue(id);
    expect(inbox.get(id)).toMatchObject({ status: 'queued', decision: 'pending', claimedBy: null, claimedAt: null, attempts: 1 });
    expect(inbox.pending()).toEqual([id]);
    expect(inbox.claim(id, 'worker-b', new Date(T0 + 1), LEASE, alive)).toBe(true);
  });

  it('requeues a failed row with its decision back to pending', () => {
    const id = addHire('k1');
    inbox.claim(id, 'worker-a', new Date(T0), LEASE, alive);
    inbox.decide(
      id,
      { decision: 'failed', reason: 'ChartHop answered 503.', jobId: null, personId: null, detail: {}, status: 'failed' },
      new Date(T0),
    );
    inbox.requeue(id);
    expect(inbox.get(id)).toMatchObject({ status: 'queued', decision: 'pending' });
  });
});

describe('decision details', () => {
  it('reads a detail that is not an object as no detail', () => {
    const id = addHire('k1');
    for (const stored of ['null', '5', '"Ada"', 'true', '{not json']) {
      state.db.prepare('UPDATE inbox SET detail = ? WHERE id = ?').run(stored, id);
      expect(inbox.get(id)?.detail, stored).toEqual({});
    }
    state.db.prepare('UPDATE inbox SET detail = ? WHERE id = ?').run('{"candidateName":"Ada"}', id);
    expect(inbox.get(id)?.detail).toEqual({ candidateName: 'Ada' });
  });
});
