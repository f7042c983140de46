// Undoing what a run wrote onto an existing ChartHop job: the code, title and recruiting status put back
// to their values before the run, the link the run made removed with the Lever Req ID it set, and
// nothing overwritten when the job changed since, when a field needs a person, or when it is gone.
import { describe, expect, it } from 'vitest';
import { job } from '../builders.ts';
import { undoRow } from '../../../../src/main/core/sync/undo/undo-rows.ts';
import { RUN_ID, appliedChartHopWrite, change, inboundLink, jobUpdateOp, chartHopUndoWorld } from './undo-support.ts';

const head = { id: 'undo:11', title: 'Analyst', jobId: 'j-1', requisitionId: 'lr-1', requisitionCode: 'LVR-1' };
/** Job j-1 as the run left it: linked to lr-1, coded LVR-1. */
const current = (extra: Parameters<typeof job>[1] = {}) =>
  job('j-1', { title: 'Senior Analyst', req: 'LVR-1', leverReqId: 'lr-1', ...extra });

describe('undo of an update of a linked ChartHop job', () => {
  it('restores the one field the run changed and the link’s synced values as they were before the run', () => {
    const diff = [change('title', 'Analyst', 'Senior Analyst')];
    const record = appliedChartHopWrite(jobUpdateOp({ title: 'Senior Analyst' }, { code: 'LVR-1', title: 'Senior Analyst' }), {
      reason: 'fields_changed',
      diff,
    });
    const links = [
      inboundLink('j-2', 'lr-2', { code: 'LVR-2', title: 'Designer' }),
      inboundLink('j-1', 'lr-1', { code: 'LVR-1', title: 'Senior Analyst', status: 'Active' }),
    ];
    expect(undoRow(record, chartHopUndoWorld([current()], { links }))).toEqual({
      view: {
        ...head,
        action: 'update',
        reason: 'undo_restore',
        diff: [change('title', 'Senior Analyst', 'Analyst')],
        reasonText: `Restores what run #${RUN_ID} changed. 1 field restored (Title).`,
      },
      op: {
        kind: 'charthop.restore',
        jobId: 'j-1',
        requisitionId: 'lr-1',
        code: 'LVR-1',
        body: { title: 'Analyst' },
        expected: { leverReqId: 'lr-1', title: 'Senior Analyst' },
        synced: { code: 'LVR-1', title: 'Analyst', status: 'Active' },
      },
    });
  });

  it('restores every field the run changed, naming them all, from the run’s synced values when the link is gone', () => {
    const diff = [change('title', 'Analyst', 'Senior Analyst'), change('status', 'Passive', 'Active')];
    const record = appliedChartHopWrite(
      jobUpdateOp({ title: 'Senior Analyst', recruit: 'Active' }, { code: 'LVR-1', title: 'Senior Analyst', status: 'Active' }),
      {
        reason: 'status_changed',
        diff,
      },
    );
    const links = [inboundLink('j-2', 'lr-2', { code: 'LVR-2', title: 'Designer' })];
    const row = undoRow(record, chartHopUndoWorld([current({ recruit: 'Active' })], { links }));
    expect(row.view.reasonText).toBe(`Restores what run #${RUN_ID} changed. 2 fields restored (Title, Status).`);
    expect(row.op).toEqual({
      kind: 'charthop.restore',
      jobId: 'j-1',
      requisitionId: 'lr-1',
      code: 'LVR-1',
      body: { title: 'Analyst', recruit: 'Passive' },
      expected: { leverReqId: 'lr-1', title: 'Senior Analyst', recruit: 'Active' },
      synced: { code: 'LVR-1', title: 'Analyst', status: 'Passive' },
    });
  });

  it('overwrites nothing when a field the run wrote holds another value now, showing all three values', () => {
    const diff = [change('title', 'Analyst', 'Senior Analyst'), change('status', 'Passive', 'Active')];
    const record = appliedChartHopWrite(jobUpdateOp({ title: 'Senior Analyst', recruit: 'Active' }), { reason: 'status_changed', diff });
    expect(undoRow(record, chartHopUndoWorld([current({ title: 'Lead Analyst', recruit: 'Inactive' })]))).toEqual({
      view: {
        ...head,
        action: 'needs_attention',
        reason: 'undo_changed_since',
        diff: [change('title', 'Senior Analyst', 'Analyst'), change('status', 'Active', 'Passive')],
        reasonText: `Changed in ChartHop since run #${RUN_ID}, so nothing is overwritten: Title: before the run "Analyst", the run wrote "Senior Analyst", now "Lead Analyst"; Status: before the run "Passive", the run wrote "Active", now "Inactive". Decide in ChartHop which value is right.`,
      },
      op: null,
    });
  });

  it('asks a person to set back the fields it cannot restore (one that needs a person, a title that was empty) and writes none', () => {
    const diff = [
      change('title', null, 'Senior Analyst'),
      change('status', 'Passive', 'Active'),
      change('department', 'Sales', 'Engineering'),
    ];
    const record = appliedChartHopWrite(jobUpdateOp({ title: 'Senior Analyst', recruit: 'Active', department: 'd-eng' }), {
      reason: 'status_changed',
      diff,
    });
    expect(undoRow(record, chartHopUndoWorld([current()]))).toEqual({
      view: {
        ...head,
        action: 'needs_attention',
        reason: 'not_undoable',
        diff: [
          change('title', 'Senior Analyst', null),
          change('status', 'Active', 'Passive'),
          change('department', 'Engineering', 'Sales'),
        ],
        reasonText:
          'ReqBridge does not restore these ChartHop job fields automatically. Set them back by hand in ChartHop: Title to (empty) (the run wrote "Senior Analyst"); Department to "Sales" (the run wrote "Engineering").',
      },
      op: null,
    });
  });

  it('asks a person about a field that needs one even when it had a value before the run', () => {
    const diff = [change('department', 'Sales', 'Engineering')];
    const record = appliedChartHopWrite(jobUpdateOp({ department: 'd-eng' }), { reason: 'fields_changed', diff });
    const row = undoRow(record, chartHopUndoWorld([current()]));
    expect(row.op).toBeNull();
    expect(row.view.reasonText).toBe(
      'ReqBridge does not restore these ChartHop job fields automatically. Set them back by hand in ChartHop: Department to "Sales" (the run wrote "Engineering").',
    );
  });

  it('takes nothing back when the job now carries another Lever Req ID than the one the run set', () => {
    const diff = [change('title', 'Analyst', 'Senior Analyst')];
    const record = appliedChartHopWrite(jobUpdateOp({ title: 'Senior Analyst', leverReqId: 'lr-1' }), {
      action: 'update',
      reason: 'code_matched_drifted',
      diff,
    });
    expect(undoRow(record, chartHopUndoWorld([current({ leverReqId: 'lr-9' })]))).toEqual({
      view: {
        ...head,
        action: 'needs_attention',
        reason: 'undo_changed_since',
        diff: [],
        reasonText:
          "Changed since the run: the job's Lever Req ID is now lr-9, not the lr-1 the run set. Nothing is taken back; check the job in ChartHop.",
      },
      op: null,
    });
  });

  it('restores nothing when the job is gone from ChartHop', () => {
    const record = appliedChartHopWrite(jobUpdateOp({ title: 'Senior Analyst' }), { diff: [change('title', 'Analyst', 'Senior Analyst')] });
    expect(undoRow(record, chartHopUndoWorld([]))).toEqual({
      view: {
        ...head,
        action: 'needs_attention',
        reason: 'undo_unreadable',
        diff: [],
        reasonText: 'ReqBridge cannot find this ChartHop job any more, so it restores nothing. Check the job in ChartHop.',
      },
      op: null,
    });
  });

  it('skips a write-back of the Lever Req ID on a link that already existed: no field changed, nothing to restore', () => {
    const record = appliedChartHopWrite(jobUpdateOp({ leverReqId: 'lr-1' }), { action: 'link', reason: 'link_write_back', diff: [] });
    expect(undoRow(record, chartHopUndoWorld([current()]))).toEqual({
      view: {
        ...head,
        action: 'skip',
        reason: 'undo_nothing',
        diff: [],
        reasonText: `Run #${RUN_ID} changed no field of this job (it wrote back the Lever Req ID of a link that already existed), so there is nothing to restore.`,
      },
      op: null,
    });
  });
});

describe('undo of a link the run made to an existing ChartHop job', () => {
  it('removes the link and clears the Lever Req ID the run set on the job', () => {
    const record = appliedChartHopWrite(jobUpdateOp({ leverReqId: 'lr-1' }), { action: 'link', reason: 'code_matched', diff: [] });
    expect(undoRow(record, chartHopUndoWorld([current()]))).toEqual({
      view: {
        ...head,
        action: 'update',
        reason: 'undo_link',
        diff: [],
        reasonText: `Linked in run #${RUN_ID}: the link is removed and the Lever Req ID cleared on the job.`,
      },
      op: {
        kind: 'charthop.unlink',
        jobId: 'j-1',
        requisitionId: 'lr-1',
        jobReset: { leverReqId: null },
        expected: { leverReqId: 'lr-1' },
      },
    });
  });

  it('removes only the link when the job carried its Lever Req ID before the run', () => {
    const record = appliedChartHopWrite(jobUpdateOp({}), { action: 'link', reason: 'id_on_job', diff: [] });
    const row = undoRow(record, chartHopUndoWorld([current()]));
    expect(row.view.reasonText).toBe(`Linked in run #${RUN_ID}: the link is removed.`);
    expect(row.op).toEqual({
      kind: 'charthop.unlink',
      jobId: 'j-1',
      requisitionId: 'lr-1',
      jobReset: {},
      expected: { leverReqId: 'lr-1' },
    });
  });

  it('removes the link without clearing anything when the Lever Req ID the run set was cleared in ChartHop since', () => {
    const record = appliedChartHopWrite(jobUpdateOp({ leverReqId: 'lr-1' }), { action: 'link', reason: 'title_manager_match', diff: [] });
    const row = undoRow(record, chartHopUndoWorld([current({ leverReqId: null })]));
    expect(row.view).toMatchObject({ action: 'update', reason: 'undo_link', reasonText: `Linked in run #${RUN_ID}: the link is removed.` });
    expect(row.op).toMatchObject({ kind: 'charthop.unlink', jobReset: {} });
  });

  it('clears a code the run wrote on a job that had none, with the Lever Req ID, and names the field restored', () => {
    const diff = [change('code', null, 'LVR-1')];
    const record = appliedChartHopWrite(jobUpdateOp({ req: 'LVR-1', leverReqId: 'lr-1' }), {
      action: 'link',
      reason: 'title_manager_match',
      diff,
    });
    expect(undoRow(record, chartHopUndoWorld([current()]))).toEqual({
      view: {
        ...head,
        action: 'update',
        reason: 'undo_link',
        diff: [change('code', 'LVR-1', null)],
        reasonText: `Linked in run #${RUN_ID}: the link is removed and the Lever Req ID cleared on the job. 1 field restored (Requisition code).`,
      },
      op: {
        kind: 'charthop.unlink',
        jobId: 'j-1',
        requisitionId: 'lr-1',
        jobReset: { req: null, leverReqId: null },
        expected: { leverReqId: 'lr-1', req: 'LVR-1' },
      },
    });
  });

  it('puts back the code a job had before the run replaced it when linking, rather than clearing it', () => {
    const diff = [change('code', 'OLD-1', 'LVR-1')];
    const record = appliedChartHopWrite(jobUpdateOp({ req: 'LVR-1' }), { action: 'link', reason: 'id_on_job', diff });
    const row = undoRow(record, chartHopUndoWorld([current()]));
    expect(row.view.reasonText).toBe(`Linked in run #${RUN_ID}: the link is removed. 1 field restored (Requisition code).`);
    expect(row.op).toEqual({
      kind: 'charthop.unlink',
      jobId: 'j-1',
      requisitionId: 'lr-1',
      jobReset: { req: 'OLD-1' },
      expected: { leverReqId: 'lr-1', req: 'LVR-1' },
    });
  });
});
