// Applying a run's Lever operations over real HTTP against the fakes: an update merges into the
// requisition as read and brings its linked postings in line (saying how many, and warning about a
// posting Lever no longer has); a close writes only an open requisition and keeps the link only while
// both sides exist; a delete closes instead when a posting now hangs on the requisition; a create
// records the new requisition's id before anything else.
import { afterEach, describe, expect, it } from 'vitest';
import type { CreatedRecord } from '../../../src/main/core/sync/journal.ts';
import { executeOp, startOp } from '../../../src/main/core/sync/apply-ops.ts';
import type { RowOp } from '../../../src/main/core/sync/plan-types.ts';
import type { UndoScene } from './undo-core-support.ts';
import { undoScene } from './undo-core-support.ts';
import { LEVER_KEY, STAFF, jobId, publishedPosting, seededRequisition } from './seeds.ts';

let scene: UndoScene | undefined;
afterEach(async () => {
  await scene?.close();
  scene = undefined;
});

const JOB = jobId(1);
const AT = Date.UTC(2026, 0, 5, 9);

async function start(requisitions: ReturnType<typeof seededRequisition>[]): Promise<UndoScene> {
  scene = await undoScene({ jobs: [{ id: JOB, title: 'Engineer 1', recruit: 'Active', req: 'ENG-1', leverReqId: 'lr-1' }], requisitions });
  return scene;
}

/** Publishes postings on ENG-1 in the fake Lever (Engineering/Platform, New York). */
function addPostings(s: UndoScene, ids: string[]): void {
  const state = s.lever.control.state();
  for (const id of ids) state.postings.push(publishedPosting(id, `Posting ${id}`, ['ENG-1'], AT));
  s.lever.control.seed(state);
}

/** Makes the fake Lever answer lr-1 without its `postings` list (a field Lever may leave out). */
async function answerWithoutPostings(s: UndoScene): Promise<void> {
  const response = await fetch(`${s.lever.url}/requisitions/lr-1`, {
    headers: { authorization: `Basic ${Buffer.from(`${LEVER_KEY}:`).toString('base64')}` },
  });
  const body = (await response.json()) as { data: Record<string, unknown> };
  delete body.data['postings'];
  s.lever.control.setFault({ method: 'GET', path: '/v1/requisitions/lr-1', action: { kind: 'status', status: 200, body } });
}

const update = (extra: Partial<Extract<RowOp, { kind: 'lever.update' }>> = {}): RowOp => ({
  kind: 'lever.update',
  jobId: JOB,
  requisitionId: 'lr-1',
  code: 'ENG-1',
  changes: { department: 'Sales' },
  writeBack: null,
  synced: { department: 'Sales' },
  ...extra,
});

const close = (jobExists: boolean): RowOp => ({
  kind: 'lever.close',
  jobId: JOB,
  jobExists,
  requisitionId: 'lr-1',
  code: 'ENG-1',
  synced: {},
});
const del: RowOp = { kind: 'lever.delete', jobId: JOB, requisitionId: 'lr-1', code: 'ENG-1' };

describe('updating a linked requisition whose postings follow it', () => {
  it('brings the one differing posting in line and says so', async () => {
    const s = await start([seededRequisition('lr-1', 'ENG-1')]);
    addPostings(s, ['p-1']);
    const effect = await executeOp(update({ postings: { department: 'Sales' } }), s.ctx);
    expect(effect).toEqual({
      link: { jobId: JOB, requisitionId: 'lr-1', code: 'ENG-1', synced: { department: 'Sales' }, direction: 'outbound' },
      result: { requisitionId: 'lr-1', postingsUpdated: ['p-1'], postingsUnchanged: [], postingsMissing: [] },
      note: '1 linked posting brought in line (Department).',
    });
    expect(s.requisition('lr-1')?.department).toBe('Sales');
    expect(s.lever.control.state().postings.find((p) => p.id === 'p-1')?.categories?.department).toBe('Sales');
  });

  it('counts several postings in the note and names every followed field', async () => {
    const s = await start([seededRequisition('lr-1', 'ENG-1')]);
    addPostings(s, ['p-1', 'p-2']);
    const effect = await executeOp(
      update({ changes: { department: 'Sales', team: 'Field' }, postings: { department: 'Sales', team: 'Field' } }),
      s.ctx,
    );
    expect(effect.note).toBe('2 linked postings brought in line (Department, Team).');
    expect(effect.result).toEqual({ requisitionId: 'lr-1', postingsUpdated: ['p-1', 'p-2'], postingsUnchanged: [], postingsMissing: [] });
  });

  it('writes no posting already in line, and adds neither a note nor a warning', async () => {
    const s = await start([seededRequisition('lr-1', 'ENG-1')]);
    addPostings(s, ['p-1']);
    const effect = await executeOp(update({ changes: { name: 'Staff Engineer' }, postings: { department: 'Engineering' } }), s.ctx);
    expect(effect).toEqual({
      link: { jobId: JOB, requisitionId: 'lr-1', code: 'ENG-1', synced: { department: 'Sales' }, direction: 'outbound' },
      result: { requisitionId: 'lr-1', postingsUpdated: [], postingsUnchanged: ['p-1'], postingsMissing: [] },
    });
    expect(s.leverWrites()).toEqual([{ method: 'PUT', path: '/v1/requisitions/lr-1' }]);
  });

  it('acts as the hiring manager on the posting when the requisition has no owner', async () => {
    const s = await start([seededRequisition('lr-1', 'ENG-1', { owner: null })]);
    addPostings(s, ['p-1']);
    const effect = await executeOp(update({ postings: { department: 'Sales' } }), s.ctx);
    expect(effect.result).toEqual({ requisitionId: 'lr-1', postingsUpdated: ['p-1'], postingsUnchanged: [], postingsMissing: [] });
    const write = s.lever.control.requestLog().find((e) => e.method !== 'GET' && e.path.startsWith('/v1/postings/'));
    expect(write?.path).toBe('/v1/postings/p-1');
    expect(new URLSearchParams(write?.query).get('perform_as')).toBe(STAFF.grace.leverId);
  });

  it('warns about a posting Lever no longer has and syncs the rest of the record', async () => {
    const s = await start([seededRequisition('lr-1', 'ENG-1')]);
    addPostings(s, ['p-1']);
    s.lever.control.setFault({ method: 'GET', path: '/v1/postings/p-1', action: { kind: 'status', status: 404 } });
    const effect = await executeOp(update({ postings: { department: 'Sales' } }), s.ctx);
    expect(effect).toEqual({
      link: { jobId: JOB, requisitionId: 'lr-1', code: 'ENG-1', synced: { department: 'Sales' }, direction: 'outbound' },
      result: { requisitionId: 'lr-1', postingsUpdated: [], postingsUnchanged: [], postingsMissing: ['p-1'] },
      warnings: [
        'The requisition lists posting p-1, which Lever no longer has (404): it was left out, and the rest of the record was synced.',
      ],
    });
  });

  it('takes a requisition answered without its postings list as having none', async () => {
    const s = await start([seededRequisition('lr-1', 'ENG-1')]);
    await answerWithoutPostings(s);
    const effect = await executeOp(update({ postings: { department: 'Sales' } }), s.ctx);
    expect(effect.result).toEqual({ requisitionId: 'lr-1', postingsUpdated: [], postingsUnchanged: [], postingsMissing: [] });
    expect(s.leverCalls().filter((c) => c.path.startsWith('/v1/postings'))).toEqual([]);
  });
});

describe('closing a requisition whose job went away', () => {
  it('closes an open requisition and keeps the link while the job exists', async () => {
    const s = await start([seededRequisition('lr-1', 'ENG-1')]);
    expect(await executeOp(close(true), s.ctx)).toEqual({
      link: { jobId: JOB, requisitionId: 'lr-1', code: 'ENG-1', synced: {}, direction: 'outbound' },
      result: { requisitionId: 'lr-1' },
    });
    expect(s.requisition('lr-1')?.status).toBe('closed');
    expect(s.afterWrites()).toBe(1);
  });

  it('writes nothing to a requisition already closed', async () => {
    const s = await start([seededRequisition('lr-1', 'ENG-1', { status: 'closed' })]);
    await executeOp(close(true), s.ctx);
    expect(s.leverWrites()).toEqual([]);
    expect(s.afterWrites()).toBe(0);
  });

  it('drops the link when the job is gone, saying the requisition was found', async () => {
    const s = await start([seededRequisition('lr-1', 'ENG-1')]);
    expect(await executeOp(close(false), s.ctx)).toEqual({ unlinkRequisition: 'lr-1', result: { requisitionId: 'lr-1', found: true } });
    expect(s.requisition('lr-1')?.status).toBe('closed');
  });

  it('drops the link when the requisition is gone from Lever, writing nothing', async () => {
    const s = await start([]);
    expect(await executeOp(close(true), s.ctx)).toEqual({ unlinkRequisition: 'lr-1', result: { requisitionId: 'lr-1', found: false } });
    expect(s.leverWrites()).toEqual([]);
  });

  it('fails the row when the requisition cannot be read for another reason', async () => {
    const s = await start([seededRequisition('lr-1', 'ENG-1')]);
    s.lever.control.setFault({ method: 'GET', path: '/v1/requisitions/lr-1', action: { kind: 'status', status: 403 } });
    await expect(executeOp(close(true), s.ctx)).rejects.toMatchObject({ kind: 'forbidden' });
    expect(s.leverWrites()).toEqual([]);
  });
});

describe('deleting a requisition the run created', () => {
  it('deletes a requisition with no posting', async () => {
    const s = await start([seededRequisition('lr-1', 'ENG-1')]);
    expect(await executeOp(del, s.ctx)).toEqual({ unlinkRequisition: 'lr-1', result: { requisitionId: 'lr-1', deleted: true } });
    expect(s.requisition('lr-1')).toBeUndefined();
  });

  it('counts a requisition already gone as done', async () => {
    const s = await start([]);
    expect(await executeOp(del, s.ctx)).toEqual({ unlinkRequisition: 'lr-1', result: { requisitionId: 'lr-1', found: false } });
    expect(s.leverWrites()).toEqual([]);
  });

  it('deletes a requisition answered without its postings list', async () => {
    const s = await start([seededRequisition('lr-1', 'ENG-1')]);
    await answerWithoutPostings(s);
    expect(await executeOp(del, s.ctx)).toEqual({ unlinkRequisition: 'lr-1', result: { requisitionId: 'lr-1', deleted: true } });
    expect(s.leverWrites()).toEqual([{ method: 'DELETE', path: '/v1/requisitions/lr-1' }]);
  });

  it('closes instead when postings now hang on it, and says how many', async () => {
    const s = await start([seededRequisition('lr-1', 'ENG-1')]);
    addPostings(s, ['p-1', 'p-2']);
    expect(await executeOp(del, s.ctx)).toEqual({
      unlinkRequisition: 'lr-1',
      result: { requisitionId: 'lr-1', closedInstead: true },
      note: 'Closed instead of deleted: the requisition now has 2 posting(s).',
    });
    expect(s.requisition('lr-1')?.status).toBe('closed');
    expect(s.leverWrites()).toEqual([{ method: 'PUT', path: '/v1/requisitions/lr-1' }]);
  });

  it('leaves a closed requisition with postings untouched', async () => {
    const s = await start([seededRequisition('lr-1', 'ENG-1', { status: 'closed' })]);
    addPostings(s, ['p-1']);
    const effect = await executeOp(del, s.ctx);
    expect(effect.result).toEqual({ requisitionId: 'lr-1', closedInstead: true });
    expect(s.leverWrites()).toEqual([]);
  });
});

describe('creating a requisition', () => {
  it('records the id Lever gave before writing it back to the job', async () => {
    const s = await start([]);
    const records: CreatedRecord[] = [];
    const started = await startOp(
      {
        kind: 'lever.create',
        jobId: JOB,
        code: 'ENG-1',
        input: { requisitionCode: 'ENG-1', name: 'Engineer 1', headcountTotal: 1, status: 'open' },
        writeBack: {},
        synced: {},
      },
      { ...s.ctx, created: (record) => records.push(record) },
    );
    const id = s.lever.control.state().requisitions[0]?.id;
    expect(records).toEqual([{ requisitionId: id }]);
    expect(s.charthopWrites()).toEqual([]);
    await started.complete();
    expect(s.job(JOB)?.['leverReqId']).toBe(id);
  });
});
