// What a profile's state DB gives back after a crash or a restart (real SQLite files): a SENT
// create whose answer carried no usable id is looked up again by its natural key rather than
// trusted, a link keeps "created by ReqBridge" across later syncs that do not say, and a link row
// from before synced values were kept reads as holding none.
import { afterAll, describe, expect, it } from 'vitest';
import { openStateDb, stateDbPath } from '../../../src/main/core/state/state-db.ts';
import type { StateDb } from '../../../src/main/core/state/state-db.ts';
import { createJournal } from '../../../src/main/core/sync/journal.ts';
import type { RowOp } from '../../../src/main/core/sync/plan-types.ts';
import { createLinksStore } from '../../../src/main/core/sync/links-store.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const temp = makeTempDir();
let opened = 0;
const dbs: StateDb[] = [];
afterAll(() => {
  for (const db of dbs) db.close();
  temp.cleanup();
});

/** A fresh state DB file for one test. */
function freshDb(): StateDb {
  opened += 1;
  const db = openStateDb(stateDbPath(temp.path, `acme-${opened}`));
  dbs.push(db);
  return db;
}

const AT = new Date(Date.UTC(2026, 0, 5, 9));
const CREATE: RowOp = {
  kind: 'lever.create',
  jobId: 'job-1',
  code: 'ENG-1',
  input: { requisitionCode: 'ENG-1', name: 'Engineer', headcountTotal: 1 },
  writeBack: {},
  synced: {},
};

describe('a create left SENT by a crash', () => {
  it('whose answer carried an empty id or none is looked up by its natural key, not taken as created', () => {
    const journal = createJournal(freshDb());
    const empty = journal.planned(null, 'ENG-1', 'create', CREATE, AT);
    journal.sent(empty, AT);
    journal.created(empty, { requisitionId: '' }, AT);
    const none = journal.planned(null, 'ENG-2', 'create', { ...CREATE, jobId: 'job-2', code: 'ENG-2' }, AT);
    journal.sent(none, AT);
    journal.created(none, {}, AT);
    const carried = journal.planned(null, 'ENG-3', 'create', { ...CREATE, jobId: 'job-3', code: 'ENG-3' }, AT);
    journal.sent(carried, AT);
    journal.created(carried, { requisitionId: 'lr-3' }, AT);
    expect(journal.unfinished().map((i) => [i.recordKey, i.state, i.createdId])).toEqual([
      ['ENG-1', 'SENT', null],
      ['ENG-2', 'SENT', null],
      ['ENG-3', 'SENT', 'lr-3'],
    ]);
  });
});

describe('a link recorded again', () => {
  const link = { jobId: 'job-1', requisitionId: 'lr-1', code: 'ENG-1', synced: { title: 'Engineer' }, direction: 'outbound' as const };

  it('keeps "created by ReqBridge" when the later sync does not say, and a new link starts without it', () => {
    const links = createLinksStore(freshDb());
    links.upsert({ ...link, createdByReqBridge: true }, AT);
    links.upsert(link, AT);
    links.upsert({ ...link, jobId: 'job-2', requisitionId: 'lr-2', code: 'ENG-2' }, AT);
    expect(links.all().map((l) => [l.jobId, l.createdByReqBridge])).toEqual([
      ['job-1', true],
      ['job-2', false],
    ]);
  });

  it('keeps "not created by ReqBridge" when the later sync does not say', () => {
    const links = createLinksStore(freshDb());
    links.upsert({ ...link, createdByReqBridge: false }, AT);
    links.upsert(link, AT);
    expect(links.all().map((l) => [l.jobId, l.createdByReqBridge])).toEqual([['job-1', false]]);
  });
});

describe('a link row written before synced values were kept', () => {
  it('reads as holding no synced values and no direction, whatever its column holds', () => {
    const state = freshDb();
    const insert = state.db.prepare(
      "INSERT INTO links (charthop_job_id, lever_requisition_id, requisition_code, created_by_reqbridge, synced_values, updated_at) VALUES (?, ?, 'C', 0, ?, '2025-01-01')",
    );
    insert.run('job-1', 'lr-1', '{}');
    insert.run('job-2', 'lr-2', '{"values":null}');
    insert.run('job-3', 'lr-3', '{"values":"title"}');
    insert.run('job-4', 'lr-4', 'not json');
    expect(
      createLinksStore(state)
        .all()
        .map((l) => [l.jobId, l.synced, l.syncedDirection]),
    ).toEqual([
      ['job-1', {}, null],
      ['job-2', {}, null],
      ['job-3', {}, null],
      ['job-4', {}, null],
    ]);
  });
});
