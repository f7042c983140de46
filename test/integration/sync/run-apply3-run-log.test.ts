// The run log's counts and warnings on a real state database: a record with no odd data reads back
// with no warnings list (the Runs page shows none, the exports write none), and a record whose
// outcome this version does not know (written by another version) is counted in no column rather
// than as cancelled.
import { afterAll, describe, expect, it } from 'vitest';
import { openStateDb, stateDbPath } from '../../../src/main/core/state/state-db.ts';
import { createRunLog, emptyRunCounts } from '../../../src/main/core/sync/run-log.ts';
import type { NewRunItem } from '../../../src/main/core/sync/run-log.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

const AT = new Date('2026-12-01T06:00:00.000Z');

const ITEM: NewRunItem = {
  recordKey: 'ENG-1',
  title: 'Backend Engineer',
  action: 'update',
  outcome: 'applied',
  reason: 'fields_differ',
  reasonText: 'Title differs.',
  diff: [],
  error: null,
  jobId: 'job-1',
  requisitionId: 'lr-1',
  requisitionCode: 'ENG-1',
};

describe('the run log of a profile', () => {
  const state = openStateDb(stateDbPath(temp.path, 'acme'));
  afterAll(() => state.close());
  const log = createRunLog(state, 'acme', (text) => text);

  it('reads back a record logged with an empty warnings list as one without warnings', () => {
    const runId = log.start('manual', 'outbound', AT);
    log.addItem(runId, { ...ITEM, warnings: [] });
    log.addItem(runId, { ...ITEM, recordKey: 'ENG-2', warnings: ['Team is unknown'] });
    expect(state.db.prepare('SELECT record_key, warnings FROM run_items WHERE run_id = ? ORDER BY id').all(runId)).toEqual([
      { record_key: 'ENG-1', warnings: null },
      { record_key: 'ENG-2', warnings: '["Team is unknown"]' },
    ]);
    expect(log.items(runId).map((i) => i.warnings)).toEqual([undefined, ['Team is unknown']]);
  });

  it('counts a record with an outcome it does not know in no column', () => {
    const runId = log.start('manual', 'outbound', AT);
    log.addItem(runId, { ...ITEM, outcome: 'cancelled' });
    state.db.prepare("UPDATE run_items SET outcome = 'deferred' WHERE run_id = ?").run(runId);
    log.addItem(runId, { ...ITEM, recordKey: 'ENG-2', outcome: 'cancelled' });
    const run = log.finish(runId, { status: 'cancelled', at: AT, error: null });
    expect(run.counts).toEqual({ ...emptyRunCounts(), cancelled: 1 });
  });
});
