// What an undo reads from a real SQLite state file: each applied record paired with the journal's
// confirmed write, and a refusal, saying what to do instead, when the journal and the run log do not
// pair one to one (the undo never guesses which write a record was).
import { afterAll, describe, expect, it } from 'vitest';
import type { RunItemRecord } from '../../../src/main/core/sync/run-log.ts';
import { createRunLog } from '../../../src/main/core/sync/run-log.ts';
import { openStateDb, stateDbPath } from '../../../src/main/core/state/state-db.ts';
import type { StateDb } from '../../../src/main/core/state/state-db.ts';
import { appliedRecords } from '../../../src/main/core/sync/undo/undo-source.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

let dbs = 0;
/** A fresh state file holding one run whose journal confirmed writes of `actions`, in order. */
function journal(actions: string[]): { state: StateDb; runId: number } {
  dbs += 1;
  const state = openStateDb(stateDbPath(temp.path, `journal-${dbs}`));
  const runId = createRunLog(state, 'acme', (t) => t).start('manual', 'inbound', new Date(Date.UTC(2026, 0, 5)));
  const insert = state.db.prepare(
    "INSERT INTO intents (run_id, record_key, action, natural_key, payload, state, result, updated_at) VALUES (?, ?, ?, ?, ?, 'CONFIRMED', ?, '2026-01-05T00:00:00Z')",
  );
  actions.forEach((action, n) =>
    insert.run(runId, `lr-${n}`, action, `lr-${n}`, JSON.stringify({ kind: 'charthop.create', n }), JSON.stringify({ jobId: `j-${n}` })),
  );
  return { state, runId };
}

const item = (n: number, action: RunItemRecord['action'], reason = 'requisition_open_unlinked'): RunItemRecord => ({
  id: n,
  recordKey: `lr-${n}`,
  title: `Analyst ${n}`,
  action,
  outcome: 'applied',
  reason,
  reasonText: '',
  diff: [],
  error: null,
  jobId: null,
  requisitionId: `lr-${n}`,
  requisitionCode: null,
});

const mismatch = (runId: number) =>
  `Run #${runId}'s journal does not match its run log, so ReqBridge cannot tell what each write was and undoes nothing. Reverse its changes by hand from the run's items.`;

describe('the records an undo reads', () => {
  it('pairs each applied record with its confirmed write, and gives a write settled from an earlier run no operation', () => {
    const { state, runId } = journal(['create', 'link']);
    const settled = item(2, 'update', 'recovered_after_interruption');
    const records = appliedRecords(state, runId, [item(0, 'create'), settled, item(1, 'link')]);
    expect(records).toEqual([
      { item: item(0, 'create'), op: { kind: 'charthop.create', n: 0 }, result: { jobId: 'j-0' } },
      { item: item(1, 'link'), op: { kind: 'charthop.create', n: 1 }, result: { jobId: 'j-1' } },
      { item: settled, op: null, result: {} },
    ]);
    state.close();
  });

  it('refuses, undoing nothing, when the run log holds an applied record the journal has no write for', () => {
    const { state, runId } = journal(['create']);
    expect(() => appliedRecords(state, runId, [item(0, 'create'), item(1, 'create')])).toThrow(
      expect.objectContaining({ name: 'AppError', code: 'undo.journal_mismatch', message: mismatch(runId) }),
    );
    state.close();
  });

  it('refuses when the journal holds a confirmed write that no record of the run log stands for', () => {
    const { state, runId } = journal(['create', 'link']);
    expect(() => appliedRecords(state, runId, [item(0, 'create')])).toThrow(
      expect.objectContaining({ code: 'undo.journal_mismatch', message: mismatch(runId) }),
    );
    state.close();
  });

  it('refuses when the journal’s writes are of other actions than the records, in apply order', () => {
    const { state, runId } = journal(['link', 'create']);
    expect(() => appliedRecords(state, runId, [item(0, 'create'), item(1, 'link')])).toThrow(
      expect.objectContaining({ code: 'undo.journal_mismatch', message: mismatch(runId) }),
    );
    state.close();
  });
});
