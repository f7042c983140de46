// Outbound pairing's claims: a job finds its unlinked requisition by the Lever Req ID on it or by its code,
// a requisition linked to another job is reported, and a requisition claimed by two jobs stays with the
// linked one while the other is reported, naming the job it collides with.
import { describe, expect, it } from 'vitest';
import { pairJobs } from '../../../src/main/core/sync/outbound-pairing.ts';
import { planOutbound } from '../../../src/main/core/sync/plan-outbound.ts';
import type { JobRecord, LinkRecord, RequisitionRecord } from '../../../src/main/core/sync/model.ts';
import { job, leverSnapshot, link, linked, outboundCtx, requisition } from './builders.ts';

const generated = (jobId: string) => `GEN-${jobId}`;
const plan = (jobs: JobRecord[], reqs: RequisitionRecord[], links: LinkRecord[] = []) =>
  planOutbound({ mode: 'sync', jobs, jobIds: null, lever: leverSnapshot(reqs), links, map: outboundCtx() }).rows.map((r) => ({
    id: r.view.id,
    action: r.view.action,
    reason: r.view.reason,
    text: r.view.reasonText,
  }));

describe('outbound pairing claims', () => {
  it('finds an unlinked requisition by the Lever Req ID on the job, else by its code (any case, trimmed)', () => {
    const pairings = pairJobs(
      [job('1', { leverReqId: 'r-1', req: null }), job('2', { req: ' eng-2 ' })],
      [requisition('1', { code: 'OTHER-1' }), requisition('2')],
      [],
      generated,
    );
    expect(pairings.get('1')).toMatchObject({ kind: 'pair', via: 'id', req: { id: 'r-1' } });
    expect(pairings.get('2')).toMatchObject({ kind: 'pair', via: 'code', req: { id: 'r-2' } });
  });

  it('finds a lost create by the code ReqBridge generates for a job without one', () => {
    const pairings = pairJobs([job('7', { req: null })], [requisition('7', { code: 'GEN-7' })], [], generated);
    expect(pairings.get('7')).toMatchObject({ kind: 'pair', via: 'code', req: { id: 'r-7' } });
  });

  it('a job whose requisition code is only spaces has no code: it is found by the generated one, not by a blank code', () => {
    const reqs = [requisition('9', { code: '' }), requisition('7', { code: 'GEN-7' })];
    const pairings = pairJobs([job('7', { req: '   ' })], reqs, [], generated);
    expect(pairings.get('7')).toMatchObject({ kind: 'pair', via: 'code', req: { id: 'r-7' } });
  });

  it('reports a job whose Lever Req ID names a requisition linked to another job, naming that job', () => {
    const rows = plan([linked('1'), job('2', { leverReqId: 'r-1', req: null })], [requisition('1')], [link('1')]);
    expect(rows).toEqual([
      expect.objectContaining({
        id: 'job:2',
        action: 'needs_attention',
        reason: 'requisition_linked_elsewhere',
        text: expect.stringContaining('ENG-1 this job points to is already linked to another ChartHop job (1)'),
      }),
    ]);
  });

  it('a requisition two linked jobs claim (a duplicated link) stays with one; the other is reported with its title', () => {
    const jobs = [linked('1'), linked('2', { leverReqId: 'r-1', req: 'ENG-1', title: 'Second opening' })];
    const rows = plan(jobs, [requisition('1')], [link('1'), link('2', { requisitionId: 'r-1', requisitionCode: 'ENG-1' })]);
    expect(rows).toEqual([
      expect.objectContaining({
        id: 'job:2',
        action: 'needs_attention',
        reason: 'duplicate_code',
        text: 'The requisition code ENG-1 is also used by "Engineer 1" in ChartHop; one requisition cannot belong to two jobs. Give each job its own requisition code.',
      }),
    ]);
  });

  it('a requisition two unlinked jobs claim goes to neither: both are reported, each naming the other', () => {
    const rows = plan([job('1', { title: 'First' }), job('2', { req: 'ENG-1', title: 'Second' })], [requisition('1')]);
    expect(rows.map((r) => [r.id, r.reason])).toEqual([
      ['job:1', 'duplicate_code'],
      ['job:2', 'duplicate_code'],
    ]);
    expect(rows[0]?.text).toContain('also used by "Second"');
    expect(rows[1]?.text).toContain('also used by "First"');
  });

  it('three jobs claiming one requisition: each report names both others, in job order', () => {
    const jobs = [job('1', { title: 'First' }), job('2', { req: 'ENG-1', title: 'Second' }), job('3', { req: 'ENG-1', title: 'Third' })];
    const rows = plan(jobs, [requisition('1')]);
    expect(rows.map((r) => r.text)).toEqual([
      'The requisition code ENG-1 is also used by "Second", "Third" in ChartHop; one requisition cannot belong to two jobs. Give each job its own requisition code.',
      'The requisition code ENG-1 is also used by "First", "Third" in ChartHop; one requisition cannot belong to two jobs. Give each job its own requisition code.',
      'The requisition code ENG-1 is also used by "First", "Second" in ChartHop; one requisition cannot belong to two jobs. Give each job its own requisition code.',
    ]);
  });

  it('two requisitions with one code in Lever: the job is reported, never paired with either', () => {
    const rows = plan([job('1')], [requisition('1'), requisition('9', { code: 'ENG-1' })]);
    expect(rows).toEqual([
      expect.objectContaining({
        id: 'job:1',
        reason: 'duplicate_code',
        text: expect.stringContaining('Lever has 2 requisitions with the code ENG-1'),
      }),
    ]);
  });
});

describe('outbound rows for jobs deleted in ChartHop', () => {
  const rowsFor = (reqs: RequisitionRecord[], links: LinkRecord[]) =>
    planOutbound({ mode: 'sync', jobs: [], jobIds: null, lever: leverSnapshot(reqs), links, map: outboundCtx() }).rows;

  it('deletes a requisition ReqBridge created that has no postings, showing the status change and saying why', () => {
    const [row] = rowsFor([requisition('1', { name: '  Engineer 1 ' })], [link('1')]);
    expect(row?.view).toMatchObject({
      action: 'delete',
      reason: 'job_deleted',
      title: 'Engineer 1',
      reasonText:
        'The job was deleted in ChartHop, and ReqBridge created this requisition, which has no postings: it will be deleted in Lever.',
      diff: [{ field: 'status', label: 'Status', before: 'open', after: 'deleted' }],
    });
    expect(row?.op).toEqual({ kind: 'lever.delete', jobId: '1', requisitionId: 'r-1', code: 'ENG-1' });
  });

  it('closes one with postings or not created by ReqBridge, says why, and writes nothing back to the gone job', () => {
    const posted = (n: number) => requisition('1', { postings: Array.from({ length: n }, (_, i) => `p-${i}`) });
    const [one] = rowsFor([posted(1)], [link('1')]);
    expect(one?.view).toMatchObject({
      action: 'close',
      reason: 'job_deleted_close',
      diff: [{ field: 'status', label: 'Status', before: 'open', after: 'closed' }],
      reasonText: 'The job was deleted in ChartHop; the requisition will be closed rather than deleted because it has 1 posting.',
    });
    expect(one?.op).toEqual({ kind: 'lever.close', jobId: '1', jobExists: false, requisitionId: 'r-1', code: 'ENG-1', synced: {} });
    expect(rowsFor([posted(2)], [link('1')])[0]?.view.reasonText).toContain('because it has 2 postings.');
    expect(rowsFor([requisition('1')], [link('1', { createdByReqBridge: false })])[0]?.view.reasonText).toContain(
      'because it was not created by ReqBridge.',
    );
  });

  it('leaves a closed requisition, and a link outside a Sync On Change scope, alone', () => {
    expect(rowsFor([requisition('1', { status: 'closed' })], [link('1')])).toEqual([]);
    const scoped = planOutbound({
      mode: 'sync',
      jobs: [],
      jobIds: ['2'],
      lever: leverSnapshot([requisition('1')]),
      links: [link('1')],
      map: outboundCtx(),
    });
    expect(scoped.rows).toEqual([]);
  });
});
