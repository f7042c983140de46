// The run log read back from a real state database: a run's stored error details show only when
// they have the shape ReqBridge writes, and records logged before titles and reason texts were kept
// read as empty texts, so the Runs page and the exports never show a stray value.
import { afterAll, describe, expect, it } from 'vitest';
import { openStateDb, stateDbPath } from '../../../src/main/core/state/state-db.ts';
import { createRunLog } from '../../../src/main/core/sync/run-log.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

const AT = new Date('2026-12-01T06:00:00.000Z');

describe('the run log on a real state database', () => {
  const state = openStateDb(stateDbPath(temp.path, 'acme'));
  afterAll(() => state.close());
  const log = createRunLog(state, 'acme', (text) => text);

  /** A failed run whose error_details column holds `stored` as written by some other version. */
  const failedWithStoredDetails = (stored: string): number => {
    const run = log.recordFailure('schedule', 'outbound', AT, 'Lever refused the key (401).', { status: 401, at: AT.toISOString() });
    state.db.prepare('UPDATE runs SET error_details = ? WHERE id = ?').run(stored, run.id);
    return run.id;
  };

  it('shows the stored details of a failed run that has them', () => {
    const id = failedWithStoredDetails(JSON.stringify({ status: 401, vendor: 'lever', endpoint: 'GET /users', at: AT.toISOString() }));
    expect(log.get(id)?.errorDetails).toEqual({ status: 401, vendor: 'lever', endpoint: 'GET /users', at: AT.toISOString() });
  });

  it('shows no details rather than a half-read object when the stored ones lack their time or are not an object', () => {
    for (const stored of ['{"status":500,"vendor":"lever"}', '{"at":1764568800000}', 'null', '"a sentence"', '[1,2]', '42', 'not json']) {
      const id = failedWithStoredDetails(stored);
      expect(log.get(id)?.errorDetails, stored).toBeNull();
    }
  });

  it('reads a record logged without a title or reason text as empty texts, not as absent ones', () => {
    const runId = log.start('manual', 'outbound', AT);
    state.db
      .prepare(
        "INSERT INTO run_items (run_id, record_key, title, action, outcome, reason, reason_text, diff, error) VALUES (?, 'ENG-7', NULL, 'update', 'applied', 'fields_differ', NULL, NULL, NULL)",
      )
      .run(runId);
    log.finish(runId, { status: 'succeeded', at: AT, error: null });
    expect(log.items(runId)).toEqual([
      {
        id: expect.any(Number) as number,
        recordKey: 'ENG-7',
        title: '',
        action: 'update',
        outcome: 'applied',
        reason: 'fields_differ',
        reasonText: '',
        diff: [],
        error: null,
        jobId: null,
        requisitionId: null,
        requisitionCode: null,
      },
    ]);
    expect(log.get(runId)?.counts.updated).toBe(1);
  });
});
