// The in-memory record of attempts and waits stays bounded on a long run: it keeps exactly the
// newest `limit` events (none dropped before the limit is reached), and clearing it starts afresh.
import { describe, expect, it } from 'vitest';
import { createHttpRecorder } from '../../../src/main/core/http/recorder.ts';
import type { AttemptEvent, WaitEvent } from '../../../src/main/core/http/recorder.ts';

function attempt(n: number): AttemptEvent {
  return { type: 'attempt', vendor: 'lever', endpoint: 'GET /postings', attempt: n, at: n * 1000, outcome: 'ok', status: 200 };
}

function wait(n: number): WaitEvent {
  return { type: 'wait', vendor: 'lever', endpoint: 'GET /postings', attempt: n, at: n * 1000, ms: 250, reason: 'backoff' };
}

describe('the in-memory HTTP recorder', () => {
  it('keeps every event until the limit is reached', () => {
    const recorder = createHttpRecorder(3);
    recorder.record(attempt(1));
    recorder.record(wait(2));
    expect(recorder.events()).toEqual([attempt(1), wait(2)]);
    recorder.record(attempt(2));
    expect(recorder.events()).toEqual([attempt(1), wait(2), attempt(2)]);
  });

  it('drops the oldest events beyond the limit', () => {
    const recorder = createHttpRecorder(3);
    for (let n = 1; n <= 5; n += 1) recorder.record(attempt(n));
    expect(recorder.events()).toEqual([attempt(3), attempt(4), attempt(5)]);
    recorder.record(wait(6));
    expect(recorder.attempts()).toEqual([attempt(4), attempt(5)]);
    expect(recorder.waits()).toEqual([wait(6)]);
  });

  it('forgets everything when cleared, then records again', () => {
    const recorder = createHttpRecorder(3);
    recorder.record(attempt(1));
    recorder.record(wait(2));
    recorder.clear();
    expect(recorder.events()).toEqual([]);
    recorder.record(attempt(3));
    expect(recorder.events()).toEqual([attempt(3)]);
  });
});
