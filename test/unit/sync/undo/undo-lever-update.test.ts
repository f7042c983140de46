// Undoing an update or a link the run made in Lever: the fields go back to their values before the
// run (and the postings follow a restored department, team or location), the link the run made is
// removed, and only what the run wrote on the ChartHop job is cleared. A field edited since the run, a
// value that cannot be turned back into a Lever write, a requisition no longer visible or a job now
// pointing elsewhere makes the row ask a person and writes nothing.
import { describe, expect, it } from 'vitest';
import type { FieldDiff } from '../../../../src/shared/api/sync-views.ts';
import type { JobRecord, LinkRecord, RequisitionRecord } from '../../../../src/main/core/sync/model.ts';
import type { LeverChanges } from '../../../../src/main/core/sync/outbound-map.ts';
import type { RowOp } from '../../../../src/main/core/sync/plan-types.ts';
import { undoRow } from '../../../../src/main/core/sync/undo/undo-rows.ts';
import { job, link, requisition } from '../builders.ts';
import { appliedLeverWrite, change, leverUndoWorld } from './undo-support.ts';

type UpdateOp = Extract<RowOp, { kind: 'lever.update' }>;

/** The values the run synced for job 5 (what the link held after the run). */
const SYNCED = { ...link('5').synced };

/** The update of requisition ENG-5 as the run journalled it. */
const updateOp = (changes: LeverChanges, writeBack: Record<string, unknown> | null = null): UpdateOp => ({
  kind: 'lever.update',
  jobId: '5',
  requisitionId: 'r-5',
  code: 'ENG-5',
  changes,
  writeBack,
  synced: SYNCED,
});

/** The run brought department and location in line with ChartHop. */
const MOVED: FieldDiff[] = [change('department', 'Sales', 'Engineering'), change('location', 'Remote', 'New York')];
const MOVED_WRITE: LeverChanges = { department: 'Engineering', location: 'New York' };

const updated = (diff: FieldDiff[], changes: LeverChanges, opts: { reason?: string; writeBack?: Record<string, unknown> | null } = {}) =>
  appliedLeverWrite(updateOp(changes, opts.writeBack ?? null), {
    title: 'Engineer 5',
    action: opts.reason && opts.reason !== 'fields_drifted' ? 'link' : 'update',
    reason: opts.reason ?? 'fields_drifted',
    diff,
    jobId: '5',
    requisitionId: 'r-5',
    requisitionCode: 'ENG-5',
  });

const HEAD = { id: 'undo:41', title: 'Engineer 5', jobId: '5', requisitionId: 'r-5', requisitionCode: 'ENG-5' };
const REVERSED: FieldDiff[] = [change('department', 'Engineering', 'Sales'), change('location', 'New York', 'Remote')];

/** The undo's restore of requisition r-5 (ENG-5) of job 5. */
const restoreOp = (changes: LeverChanges, expected: LeverChanges, synced: typeof SYNCED, jobReset: Record<string, null> | null = null) => ({
  kind: 'lever.restore',
  jobId: '5',
  requisitionId: 'r-5',
  code: 'ENG-5',
  changes,
  expected,
  jobReset,
  synced,
});

const plan = (
  record: ReturnType<typeof updated>,
  init: { requisitions?: RequisitionRecord[]; jobs?: JobRecord[]; links?: LinkRecord[]; confidentialVisible?: boolean },
) => undoRow(record, leverUndoWorld(init));

describe('undo of an update: when it asks a person and writes nothing', () => {
  it('a requisition no longer in Lever: says so, and that the key may not see it when it cannot read confidential ones', () => {
    const record = updated(MOVED, MOVED_WRITE);
    const attention = (reasonText: string) => ({
      view: { ...HEAD, action: 'needs_attention', reason: 'undo_unreadable', reasonText, diff: [] },
      op: null,
    });
    expect(plan(record, { requisitions: [] })).toEqual(
      attention('The requisition ENG-5 is no longer in Lever, so nothing is restored. Check it in Lever.'),
    );
    expect(plan(record, { requisitions: [], confidentialVisible: false })).toEqual(
      attention('The requisition ENG-5 is no longer in Lever (or the key cannot see it), so nothing is restored. Check it in Lever.'),
    );
  });

  it('fields edited in Lever since the run: shows each with its three values and the values the undo would write', () => {
    const edited = requisition('5', { department: 'Marketing', location: 'Remote' });
    expect(plan(updated(MOVED, MOVED_WRITE), { requisitions: [edited] })).toEqual({
      view: {
        ...HEAD,
        action: 'needs_attention',
        reason: 'undo_changed_since',
        reasonText:
          'Changed since run #7, so nothing is overwritten: Department: before the run "Sales", the run wrote "Engineering", now "Marketing"; Location: before the run "Remote", the run wrote "New York", now "Remote". Decide in Lever which value is right.',
        diff: REVERSED,
      },
      op: null,
    });
  });

  it('values before the run that Lever cannot take back (an unknown person, a free-text pay): names every such field', () => {
    const diff = [
      change('hiringManager', 'ghost@acme.example', 'grace@acme.example'),
      change('compensation', 'about 100k', '150000 USD per year'),
    ];
    expect(plan(updated(diff, { hiringManager: 'u-grace' }), { requisitions: [requisition('5')] })).toEqual({
      view: {
        ...HEAD,
        action: 'needs_attention',
        reason: 'undo_unreadable',
        reasonText:
          'ReqBridge cannot turn the value before the run back into a Lever value for Hiring manager, Compensation, so nothing is restored. Set Hiring manager, Compensation by hand in Lever.',
        diff: [
          change('hiringManager', 'grace@acme.example', 'ghost@acme.example'),
          change('compensation', '150000 USD per year', 'about 100k'),
        ],
      },
      op: null,
    });
  });

  it('a job that now holds another Lever Req ID than the one the run wrote: takes nothing back', () => {
    const record = updated(MOVED, MOVED_WRITE, { writeBack: { leverReqId: 'r-5' } });
    expect(plan(record, { requisitions: [requisition('5')], jobs: [job('5', { leverReqId: 'r-9' })] })).toEqual({
      view: {
        ...HEAD,
        action: 'needs_attention',
        reason: 'undo_changed_since',
        reasonText:
          "Changed since the run: the job's Lever Req ID is now r-9, not the r-5 the run set. Nothing is taken back; check the job in ChartHop.",
        diff: [],
      },
      op: null,
    });
  });
});

describe('undo of an update: what it restores', () => {
  it('puts both fields back, counts them in the sentence, and keeps the link at the values before the run', () => {
    expect(plan(updated(MOVED, MOVED_WRITE), { requisitions: [requisition('5')] })).toEqual({
      view: {
        ...HEAD,
        action: 'update',
        reason: 'undo_restore',
        diff: REVERSED,
        reasonText: 'Restores what run #7 changed. 2 fields restored (Department, Location).',
      },
      op: restoreOp({ department: 'Sales', location: 'Remote' }, MOVED_WRITE, { ...SYNCED, department: 'Sales', location: 'Remote' }),
    });
  });

  it("starts the link's values from the link this requisition has now, not another one nor the run's", () => {
    const now = { ...SYNCED, title: 'Engineer 5 (renamed in a later run)' };
    const links = [link('4'), link('5', { synced: now })];
    const row = plan(updated([MOVED[0] as FieldDiff], { department: 'Engineering' }), { requisitions: [requisition('5')], links });
    expect(row.view.reasonText).toBe('Restores what run #7 changed. 1 field restored (Department).');
    expect(row.op).toEqual(restoreOp({ department: 'Sales' }, { department: 'Engineering' }, { ...now, department: 'Sales' }));
  });

  it("brings the requisition's postings back to the restored department and location, and leaves postings alone when there are none", () => {
    const withPostings = plan(updated(MOVED, MOVED_WRITE), { requisitions: [requisition('5', { postings: ['p-1'] })] });
    const restore = restoreOp({ department: 'Sales', location: 'Remote' }, MOVED_WRITE, {
      ...SYNCED,
      department: 'Sales',
      location: 'Remote',
    });
    expect(withPostings.op).toEqual({ ...restore, postings: { department: 'Sales', location: 'Remote' } });
    const without = plan(updated(MOVED, MOVED_WRITE), { requisitions: [requisition('5')] });
    expect(without.op).toEqual(restore);
  });

  it('a run that changed no field of it and wrote nothing on the job: nothing to restore, nothing written', () => {
    expect(plan(updated([], {}, { reason: 'postings_follow' }), { requisitions: [requisition('5')], jobs: [job('5')] })).toEqual({
      view: {
        ...HEAD,
        action: 'skip',
        reason: 'undo_nothing',
        reasonText: 'Run #7 changed no field of this requisition (it brought postings in line), so there is nothing to restore.',
        diff: [],
      },
      op: null,
    });
  });

  it('a run that changed no field but wrote a code on the job: clears that code and restores no field', () => {
    const record = updated([], {}, { reason: 'postings_follow', writeBack: { req: 'ENG-5' } });
    expect(plan(record, { requisitions: [requisition('5')], jobs: [job('5')] })).toEqual({
      view: { ...HEAD, action: 'update', reason: 'undo_restore', diff: [], reasonText: 'Restores what run #7 changed.' },
      op: restoreOp({}, {}, SYNCED, { req: null }),
    });
  });
});

describe('undo of a link the run made', () => {
  it('removes the link and clears the Lever Req ID the run wrote on the job; no field to restore is named', () => {
    const record = updated([], {}, { reason: 'id_on_job', writeBack: { leverReqId: 'r-5' } });
    expect(plan(record, { requisitions: [requisition('5')], jobs: [job('5', { leverReqId: 'r-5' })] })).toEqual({
      view: {
        ...HEAD,
        action: 'update',
        reason: 'undo_link',
        diff: [],
        reasonText: 'Linked in run #7: the link is removed and the Lever Req ID cleared on the job.',
      },
      op: {
        kind: 'lever.unlink',
        jobId: '5',
        requisitionId: 'r-5',
        code: 'ENG-5',
        changes: {},
        expected: {},
        jobReset: { leverReqId: null },
      },
    });
  });

  it('restores the field it brought in line and does not claim to clear a Lever Req ID it only found on the job', () => {
    const record = updated(
      [MOVED[0] as FieldDiff],
      { department: 'Engineering' },
      { reason: 'code_matched_drifted', writeBack: { req: 'ENG-5' } },
    );
    expect(plan(record, { requisitions: [requisition('5')], jobs: [job('5', { leverReqId: 'r-5' })] })).toEqual({
      view: {
        ...HEAD,
        action: 'update',
        reason: 'undo_link',
        diff: [change('department', 'Engineering', 'Sales')],
        reasonText: 'Linked in run #7: the link is removed. 1 field restored (Department).',
      },
      op: {
        kind: 'lever.unlink',
        jobId: '5',
        requisitionId: 'r-5',
        code: 'ENG-5',
        changes: { department: 'Sales' },
        expected: { department: 'Engineering' },
        jobReset: { req: null },
      },
    });
  });
});
