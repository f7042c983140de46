// Which rows and ChartHop writes the inbound planner produces: nothing created or matched on a guess while
// some job's identity is unreadable, a job created again when its linked one is gone, a filled job left to its
// person, exactly the changed fields (and the Lever Req ID only when missing) in each update, the linked count
// the safety share divides by, and which jobs of deleted requisitions stop recruiting.
import { describe, expect, it } from 'vitest';
import type { JobRecord, LinkRecord, RequisitionRecord } from '../../../src/main/core/sync/model.ts';
import { planInbound } from '../../../src/main/core/sync/plan-inbound.ts';
import { inboundCtx, job, leverSnapshot, link, linked, requisition } from './builders.ts';

const inboundLink = (id: string, extra: Partial<LinkRecord> = {}): LinkRecord => ({ ...link(id), syncedDirection: 'inbound', ...extra });
const inbound = (jobs: JobRecord[], reqs: RequisitionRecord[], links: LinkRecord[] = []) =>
  planInbound({ jobs, lever: leverSnapshot(reqs), links, map: inboundCtx() });
const summary = (rows: { view: { id: string; action: string; reason: string } }[]) =>
  rows.map((r) => [r.view.id, r.view.action, r.view.reason]);

const unreadableText = (count: string) =>
  `ChartHop's answer did not show the Requisition ID and Lever Req ID of ${count} in a shape ReqBridge can read, so it cannot tell whether one of them already belongs to this requisition and writes nothing for it. Run Check connection: its identity check shows what ChartHop answers.`;

describe('inbound rows while a job’s identity is unreadable', () => {
  const blind = (id: string) => job(id, { req: null, title: `Unreadable ${id}`, identityUnreadable: 'no requisition fields' });

  it('creates nothing and matches nothing: the open requisitions need a person, closed new ones are left out, linked ones still update', () => {
    const reqs = [
      requisition('1', { code: 'LVR-1', name: 'Writer' }),
      requisition('2', { code: 'LVR-2', name: 'New role' }),
      requisition('3', { code: 'LVR-3', name: 'Old role', status: 'closed' }),
      requisition('4', { name: 'Renamed' }),
    ];
    const jobs = [blind('x'), job('w', { req: null, title: 'Writer' }), linked('4')];
    const plan = inbound(jobs, reqs, [inboundLink('4')]);
    expect(summary(plan.rows)).toEqual([
      ['req:r-4', 'update', 'fields_changed'],
      ['req:r-1', 'needs_attention', 'identity_unreadable'],
      ['req:r-2', 'needs_attention', 'identity_unreadable'],
    ]);
    expect(plan.rows.slice(1).map((r) => [r.view.reasonText, r.view.jobId, r.op])).toEqual([
      [unreadableText('1 job'), null, null],
      [unreadableText('1 job'), null, null],
    ]);
  });

  it('counts the unreadable jobs in the sentence', () => {
    const plan = inbound([blind('x'), blind('y')], [requisition('2', { code: 'LVR-2', name: 'New role' })]);
    expect(plan.rows.map((r) => r.view.reasonText)).toEqual([unreadableText('2 jobs')]);
  });
});

describe('inbound creates', () => {
  it('creates the job again, saying so, when the linked job no longer exists and the requisition is open', () => {
    const plan = inbound([], [requisition('1'), requisition('2', { code: 'LVR-2' })], [inboundLink('1')]);
    expect(plan.rows.map((r) => [r.view.id, r.view.action, r.view.reason, r.view.reasonText])).toEqual([
      [
        'req:r-1',
        'create',
        'job_missing',
        'The linked ChartHop job no longer exists, but the requisition is open in Lever: an open Active job will be created again.',
      ],
      ['req:r-2', 'create', 'requisition_open_unlinked', 'Open in Lever with no ChartHop job: an open Active job will be created.'],
    ]);
    expect(plan.rows[0]?.op).toMatchObject({ kind: 'charthop.create', requisitionId: 'r-1', code: 'ENG-1', body: { leverReqId: 'r-1' } });
  });

  it('lists the rows by requisition code and shows the title as trimmed', () => {
    const reqs = [requisition('b', { code: 'LVR-B', name: '  Second role ' }), requisition('a', { code: 'LVR-A', name: 'First role' })];
    expect(inbound([], reqs).rows.map((r) => [r.view.requisitionCode, r.view.title])).toEqual([
      ['LVR-A', 'First role'],
      ['LVR-B', 'Second role'],
    ]);
  });
});

describe('inbound updates of linked and found jobs', () => {
  it('leaves a filled job to its person even when its requisition changed', () => {
    expect(inbound([linked('1', { open: false })], [requisition('1', { name: 'Renamed' })], [inboundLink('1')]).rows).toEqual([]);
  });

  it('skips a linked job whose requisition has an unmapped value, naming the job', () => {
    const plan = inbound([linked('1')], [requisition('1', { department: 'Skunkworks' })], [inboundLink('1')]);
    expect(summary(plan.rows)).toEqual([['req:r-1', 'skip', 'unmapped_value']]);
    expect(plan.rows[0]?.view.jobId).toBe('1');
    expect(plan.unmapped).toEqual([{ kind: 'department', value: 'Skunkworks', records: 1, from: 'lever' }]);
  });

  it('writes nothing for a linked job in step that carries its Lever Req ID', () => {
    expect(inbound([linked('1')], [requisition('1')], [inboundLink('1')]).rows).toEqual([]);
  });

  it('writes only the Lever Req ID back to a linked job in step that lacks it', () => {
    const plan = inbound([job('1')], [requisition('1')], [inboundLink('1')]);
    expect(summary(plan.rows)).toEqual([['req:r-1', 'link', 'link_write_back']]);
    expect(plan.rows[0]?.view.reasonText).toBe('Linked, but the job lacks the Lever Req ID: it will be written back to ChartHop.');
    expect(plan.rows[0]?.view.diff).toEqual([]);
    expect(plan.rows[0]?.op).toEqual({
      kind: 'charthop.update',
      jobId: '1',
      requisitionId: 'r-1',
      code: 'ENG-1',
      body: { leverReqId: 'r-1' },
      synced: expect.objectContaining({ code: 'ENG-1', title: 'Engineer 1', status: 'Active' }),
    });
  });

  it('sends a linked job that carries its Lever Req ID only the changed fields', () => {
    const plan = inbound([linked('1')], [requisition('1', { name: 'Renamed', location: 'Remote' })], [inboundLink('1')]);
    expect(summary(plan.rows)).toEqual([['req:r-1', 'update', 'fields_changed']]);
    expect(plan.rows[0]?.op).toMatchObject({ body: { title: 'Renamed', location: 'l-remote' } });
    expect((plan.rows[0]?.op as { body: unknown }).body).toEqual({ title: 'Renamed', location: 'l-remote' });
  });

  it('still links a job found by its Lever Req ID when nothing differs, writing nothing to it', () => {
    const plan = inbound([linked('1')], [requisition('1')]);
    expect(summary(plan.rows)).toEqual([['req:r-1', 'link', 'id_on_job']]);
    expect(plan.rows[0]?.op).toMatchObject({ kind: 'charthop.update', jobId: '1', requisitionId: 'r-1', body: {} });
    expect((plan.rows[0]?.op as { body: unknown }).body).toEqual({});
  });

  it('links a job found by its code, writing its Lever Req ID back', () => {
    const plan = inbound([job('1')], [requisition('1')]);
    expect(summary(plan.rows)).toEqual([['req:r-1', 'link', 'code_matched']]);
    expect((plan.rows[0]?.op as { body: unknown }).body).toEqual({ leverReqId: 'r-1' });
  });
});

describe('inbound linked count (the safety share’s denominator)', () => {
  it('counts the pairs found without a link, beyond the links the state DB holds', () => {
    expect(inbound([job('1'), job('2')], [requisition('1'), requisition('2')]).linked).toBe(2);
  });

  it('counts a job whose requisition was deleted besides the pairs found', () => {
    const plan = inbound([job('1'), job('2')], [requisition('2')], [inboundLink('1')]);
    expect(summary(plan.rows)).toEqual([
      ['req:r-2', 'link', 'code_matched'],
      ['req:r-1', 'close', 'requisition_deleted'],
    ]);
    expect(plan.linked).toBe(2);
  });
});

describe('inbound: jobs whose requisition was deleted in Lever', () => {
  it('stops recruiting on an open recruiting job, with the status change and the sentence', () => {
    const plan = inbound([job('1', { recruit: 'Offer', title: 'Staff Writer' })], [], [inboundLink('1', { requisitionCode: 'LVR-1' })]);
    expect(plan.rows).toEqual([
      {
        view: {
          id: 'req:r-1',
          title: 'Staff Writer',
          jobId: '1',
          requisitionId: 'r-1',
          requisitionCode: 'LVR-1',
          action: 'close',
          reason: 'requisition_deleted',
          diff: [{ field: 'status', label: 'Status', before: 'Offer', after: 'Inactive' }],
          reasonText: 'The linked requisition was deleted in Lever: the job stops recruiting (Inactive) and is unlinked.',
        },
        op: { kind: 'charthop.close', jobId: '1', requisitionId: 'r-1' },
      },
    ]);
  });

  it('leaves alone a job that is gone, filled, already not recruiting, or has a hire announced', () => {
    const jobs = [
      job('2', { open: false }),
      job('3', { recruit: 'Inactive' }),
      job('4', { recruit: 'Pending' }),
      job('5', { recruit: 'Closed' }),
    ];
    const links = ['1', '2', '3', '4', '5'].map((id) => inboundLink(id));
    expect(inbound(jobs, [], links).rows).toEqual([]);
  });

  it('stops no job for a requisition still listed, even one a stale second link names', () => {
    // Two links name r-1: the later one pairs it with job 2; r-1 was not deleted, so job 1 is not stopped either.
    const plan = inbound([linked('1'), job('2')], [requisition('1')], [inboundLink('1'), inboundLink('1', { jobId: '2' })]);
    expect(plan.rows.map((r) => [r.view.action, r.view.jobId])).toEqual([['update', '2']]);
  });
});
