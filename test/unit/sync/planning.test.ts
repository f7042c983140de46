// The pure planners: pairing, actions and reason codes, sync vs reconcile (three-way with the
// last-synced values), deletes vs closes, ambiguity, unmapped records, and the safety figures.
import { describe, expect, it } from 'vitest';
import type { PlanAction } from '../../../src/shared/api/sync-views.ts';
import { generatedRequisitionCode } from '../../../src/main/core/sync/codes.ts';
import type { JobRecord, LinkRecord, RequisitionRecord } from '../../../src/main/core/sync/model.ts';
import { planInbound } from '../../../src/main/core/sync/plan-inbound.ts';
import { planOutbound } from '../../../src/main/core/sync/plan-outbound.ts';
import { safetyOf } from '../../../src/main/core/sync/plan-types.ts';
import { inboundCtx, job, leverSnapshot, link, linked, outboundCtx, requisition } from './builders.ts';

function outbound(
  jobs: JobRecord[],
  reqs: RequisitionRecord[],
  links: LinkRecord[] = [],
  options: { mode?: 'sync' | 'reconcile'; confidentialVisible?: boolean; jobIds?: string[] } = {},
) {
  return planOutbound({
    mode: options.mode ?? 'sync',
    jobs,
    jobIds: options.jobIds ?? null,
    lever: leverSnapshot(reqs, options.confidentialVisible),
    links,
    map: outboundCtx(),
  });
}
const summary = (rows: { view: { id: string; action: PlanAction; reason: string } }[]) =>
  rows.map((r) => [r.view.id, r.view.action, r.view.reason]);

describe('outbound planner', () => {
  it('creates for open Active/Offer jobs only, links what Lever already has, and is silent when in sync', () => {
    const jobs = [
      job('1'),
      job('2', { recruit: 'Offer' }),
      job('3', { recruit: 'Passive' }),
      job('4', { open: false }),
      job('5'),
      job('6', { req: null }),
      linked('7'),
    ];
    const reqs = [requisition('5'), requisition('6', { code: generatedRequisitionCode('6') }), requisition('7')];
    const plan = outbound(jobs, reqs, [link('7')]);
    expect(summary(plan.rows)).toEqual([
      ['job:1', 'create', 'job_active_unlinked'],
      ['job:2', 'create', 'job_active_unlinked'],
      ['job:5', 'link', 'code_matched'],
      ['job:6', 'link', 'code_matched'],
    ]);
    expect(plan.rows[0]?.op).toMatchObject({
      kind: 'lever.create',
      code: 'ENG-1',
      writeBack: {},
      input: { requisitionCode: 'ENG-1', headcountTotal: 1, status: 'open' },
    });
    expect(plan.rows[3]?.op).toMatchObject({
      kind: 'lever.update',
      changes: {},
      writeBack: { leverReqId: 'r-6', req: generatedRequisitionCode('6') },
    });
    expect(plan.linked).toBe(3);
  });

  it('a requisition found by its code whose Lever copy drifted is an update that also links; an alike one is a link', () => {
    const plan = outbound([job('5'), job('8')], [requisition('5'), requisition('8', { name: 'Eng. 8' })], []);
    expect(summary(plan.rows)).toEqual([
      ['job:5', 'link', 'code_matched'],
      ['job:8', 'update', 'code_matched_drifted'],
    ]);
    expect(plan.rows[1]?.view.diff).toEqual([{ field: 'title', label: 'Title', before: 'Eng. 8', after: 'Engineer 8' }]);
    expect(plan.rows[1]?.view.reasonText).toContain(
      'its copy drifted from ChartHop: it will be linked to the job and 1 field brought in line with ChartHop (Title)',
    );
    expect(plan.rows[1]?.op).toMatchObject({
      kind: 'lever.update',
      requisitionId: 'r-8',
      changes: { name: 'Engineer 8' },
      writeBack: { leverReqId: 'r-8' },
    });
  });

  it('updates only what changed in ChartHop since the last sync, with the status reasons', () => {
    const reqs = ['1', '2', '3', '4'].map((id) => requisition(id));
    const plan = outbound(
      [
        linked('1', { title: 'Staff Engineer' }),
        linked('2', { recruit: 'Inactive' }),
        linked('3', { open: false }),
        linked('4', { recruit: 'Closed' }),
      ],
      reqs,
      ['1', '2', '3', '4'].map((id) => link(id)),
    );
    expect(summary(plan.rows)).toEqual([
      ['job:1', 'update', 'fields_changed'],
      ['job:2', 'update', 'job_on_hold'],
      ['job:3', 'close', 'job_filled'],
      ['job:4', 'close', 'job_closed'],
    ]);
    expect(plan.rows[0]?.view.diff).toEqual([{ field: 'title', label: 'Title', before: 'Engineer 1', after: 'Staff Engineer' }]);
    expect(plan.rows[0]?.op).toMatchObject({ kind: 'lever.update', changes: { name: 'Staff Engineer' }, writeBack: null });
    expect(plan.rows[1]?.op).toMatchObject({ changes: { status: 'onHold' } });
    const reopened = outbound(
      [linked('1')],
      [requisition('1', { status: 'onHold' })],
      [link('1', { synced: { ...link('1').synced, status: 'onHold' } })],
    );
    expect(summary(reopened.rows)).toEqual([['job:1', 'update', 'job_reopened']]);
  });

  it('leaves Lever-side edits alone in sync mode; Reconcile repairs them and says which side changed', () => {
    const jobs = [linked('1'), linked('2', { title: 'ChartHop title' }), linked('3')];
    const reqs = [requisition('1', { location: 'Berlin' }), requisition('2', { name: 'Lever title' }), requisition('3', { team: 'Data' })];
    const links = [link('1'), link('2'), link('3', { synced: {} })];
    expect(outbound(jobs, reqs, links).rows.map((r) => r.view.id)).toEqual(['job:2', 'job:3']);
    const plan = outbound(jobs, reqs, links, { mode: 'reconcile' });
    expect(summary(plan.rows)).toEqual([
      ['job:1', 'update', 'fields_drifted'],
      ['job:2', 'update', 'fields_conflict'],
      ['job:3', 'update', 'fields_drifted'],
    ]);
    expect(plan.rows[0]?.view).toMatchObject({
      diff: [{ field: 'location', before: 'Berlin', after: 'New York' }],
      reasonText: expect.stringContaining('Lever-side edits to Location'),
    });
  });

  it('recreates a linked requisition missing from Lever only in Reconcile; Sync flags it', () => {
    expect(summary(outbound([job('1')], [], [link('1')]).rows)).toEqual([['job:1', 'needs_attention', 'requisition_missing']]);
    expect(summary(outbound([job('1')], [], [link('1')], { mode: 'reconcile' }).rows)).toEqual([
      ['job:1', 'create', 'requisition_missing'],
    ]);
  });

  it('deletes the requisition of a deleted job only when ReqBridge created it and it has no postings, else closes it', () => {
    const reqs = [requisition('1'), requisition('2', { postings: ['p1'] }), requisition('3'), requisition('4', { status: 'closed' })];
    const links = [link('1'), link('2'), link('3', { createdByReqBridge: false }), link('4')];
    const plan = outbound([], reqs, links);
    expect(summary(plan.rows)).toEqual([
      ['job:1', 'delete', 'job_deleted'],
      ['job:2', 'close', 'job_deleted_close'],
      ['job:3', 'close', 'job_deleted_close'],
    ]);
    expect(plan.rows[1]?.view.reasonText).toContain('it has 1 posting');
    expect(plan.rows[2]?.view.reasonText).toContain('not created by ReqBridge');
    // Limited to changed jobs (Sync On Change), other links are not inferred deleted.
    expect(outbound([], reqs, links, { jobIds: ['1'] }).rows.map((r) => r.view.id)).toEqual(['job:1']);
  });

  it('reports duplicate codes and shared claims, skips unmapped records and confidential jobs the key cannot see', () => {
    const dupes = outbound([job('1')], [requisition('1'), requisition('1', { id: 'r-other' })]);
    expect(summary(dupes.rows)).toEqual([['job:1', 'needs_attention', 'duplicate_code']]);
    const taken = outbound([linked('1'), job('2', { req: 'ENG-1' })], [requisition('1')], [link('1')]);
    expect(summary(taken.rows)).toEqual([['job:2', 'needs_attention', 'requisition_linked_elsewhere']]);
    const shared = outbound([job('1'), job('2', { req: 'eng-1 ' })], [requisition('1')]);
    expect(summary(shared.rows)).toEqual([
      ['job:1', 'needs_attention', 'duplicate_code'],
      ['job:2', 'needs_attention', 'duplicate_code'],
    ]);
    const unmapped = outbound([job('1', { hiringManager: { id: 'p-x', email: 'x@acme.example' } })], []);
    expect(summary(unmapped.rows)).toEqual([['job:1', 'skip', 'unmapped_value']]);
    expect(unmapped.unmapped).toEqual([{ kind: 'user', value: 'x@acme.example', records: 1, from: 'charthop' }]);
    expect(unmapped.rows[0]?.view.unmapped).toEqual([{ kind: 'user', value: 'x@acme.example', from: 'charthop' }]);
    const hidden = outbound([job('1', { sensitive: 'HIGH' }), job('2')], [], [], { confidentialVisible: false });
    expect(summary(hidden.rows)).toEqual([
      ['job:1', 'skip', 'confidential_hidden'],
      ['job:2', 'create', 'job_active_unlinked'],
    ]);
    // A Pending job (hire announced) is left alone.
    expect(outbound([linked('1', { recruit: 'Pending', title: 'Changed' })], [requisition('1')], [link('1')]).rows).toEqual([]);
  });
});

describe('inbound planner', () => {
  const inbound = (jobs: JobRecord[], reqs: RequisitionRecord[], links: LinkRecord[] = [], confidentialVisible = true) =>
    planInbound({ jobs, lever: leverSnapshot(reqs, confidentialVisible), links, map: inboundCtx() });

  it('creates jobs for new open requisitions, links one title + manager match, and reports several', () => {
    const open = (id: string, extra: Partial<RequisitionRecord> = {}) => requisition(id, { code: `LVR-${id}`, ...extra });
    const jobs = [
      job('a', { req: null, title: 'Designer', recruit: 'Passive' }),
      job('b', { req: null, title: 'Analyst' }),
      job('c', { req: null, title: 'analyst ' }),
      job('d', { req: null, title: 'Writer', hiringManager: { id: 'p-rick', email: 'rick@acme.example' } }),
    ];
    const plan = inbound(jobs, [
      open('1', { name: 'Designer' }),
      open('2', { name: 'Analyst' }),
      open('3', { name: 'Writer' }),
      open('4', { name: 'New role' }),
      open('5', { status: 'closed' }),
    ]);
    expect(summary(plan.rows)).toEqual([
      ['req:r-1', 'update', 'title_manager_match_drifted'],
      ['req:r-2', 'needs_attention', 'ambiguous_match'],
      ['req:r-3', 'create', 'requisition_open_unlinked'],
      ['req:r-4', 'create', 'requisition_open_unlinked'],
    ]);
    expect(plan.rows[0]?.op).toMatchObject({
      kind: 'charthop.update',
      jobId: 'a',
      body: { req: 'LVR-1', recruit: 'Active', leverReqId: 'r-1' },
    });
    expect(plan.rows[0]?.view.diff.map((d) => d.field)).toEqual(['code', 'status']);
    expect(plan.rows[2]?.op).toMatchObject({
      kind: 'charthop.create',
      body: { title: 'Writer', recruit: 'Active', req: 'LVR-3', leverReqId: 'r-3', hireMgr: 'p-grace' },
    });
  });

  it('updates linked jobs from Lever and stops recruiting on jobs whose requisition was deleted', () => {
    const jobs = [job('1'), job('2'), job('3', { recruit: 'Inactive' })];
    const inboundLink = (id: string) => ({ ...link(id), syncedDirection: 'inbound' as const });
    const plan = inbound(
      jobs,
      [requisition('1', { name: 'Renamed', status: 'onHold' })],
      [inboundLink('1'), inboundLink('2'), inboundLink('3')],
    );
    expect(summary(plan.rows)).toEqual([
      ['req:r-1', 'update', 'status_changed'],
      ['req:r-2', 'close', 'requisition_deleted'],
    ]);
    expect(plan.rows[0]?.op).toMatchObject({ body: { title: 'Renamed', recruit: 'Inactive', leverReqId: 'r-1' } });
    // Nothing is inferred deleted when the key cannot see confidential requisitions.
    expect(inbound(jobs, [], [inboundLink('2')], false).rows).toEqual([]);
  });

  it('skips a requisition whose department ChartHop does not know, naming the Lever value a mapping fixes', () => {
    const plan = inbound([], [requisition('9', { department: 'Skunkworks' })]);
    expect(summary(plan.rows)).toEqual([['req:r-9', 'skip', 'unmapped_value']]);
    expect(plan.rows[0]?.view.unmapped).toEqual([{ kind: 'department', value: 'Skunkworks', from: 'lever' }]);
    expect(plan.unmapped).toEqual([{ kind: 'department', value: 'Skunkworks', records: 1, from: 'lever' }]);
  });

  it('counts a match that also changes the title or status as an update; one that only writes the code back is a link', () => {
    const jobs = [
      job('a', { req: 'LVR-1', title: 'Designer' }),
      job('b', { req: 'LVR-2', title: 'Analyst' }),
      job('c', { req: null, title: 'Writer' }),
    ];
    const reqs = [
      requisition('1', { code: 'LVR-1', name: 'Designer' }),
      requisition('2', { code: 'LVR-2', name: 'Senior Analyst' }),
      requisition('3', { code: 'LVR-3', name: 'Writer' }),
    ];
    const plan = inbound(jobs, reqs);
    expect(summary(plan.rows)).toEqual([
      ['req:r-1', 'link', 'code_matched'],
      ['req:r-2', 'update', 'code_matched_drifted'],
      ['req:r-3', 'link', 'title_manager_match'],
    ]);
    expect(plan.rows[1]?.view.diff).toEqual([{ field: 'title', label: 'Title', before: 'Analyst', after: 'Senior Analyst' }]);
    expect(plan.rows[2]?.view.diff.map((d) => d.field)).toEqual(['code']);
  });
});

describe('safety figures', () => {
  const rows = (actions: PlanAction[]) =>
    actions.map((action, i) => ({
      view: {
        id: String(i),
        action,
        reason: '',
        reasonText: '',
        title: '',
        jobId: null,
        requisitionId: null,
        requisitionCode: null,
        diff: [],
      },
      op: null,
    }));
  it('asks for confirmation above the share of linked records, counting closes and deletes', () => {
    expect(safetyOf(rows(['close', 'delete', 'update']), 20, 0.1)).toEqual({
      closesOrDeletes: 2,
      linked: 20,
      share: 0.1,
      limit: 0.1,
      needsConfirmation: false,
    });
    expect(safetyOf(rows(['close', 'delete', 'close']), 20, 0.1).needsConfirmation).toBe(true);
    expect(safetyOf(rows(['close']), 0, 0.1)).toMatchObject({ share: 1, needsConfirmation: true });
    expect(safetyOf(rows(['create']), 0, 0.1)).toMatchObject({ share: 0, needsConfirmation: false });
  });
});
