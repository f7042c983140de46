// Outbound rows for jobs that have their requisition in Lever: a close carries the values last synced, a
// requisition found by the job's Lever Req ID or code is linked (and brought in line when it drifted), a
// missing Lever Req ID or code is written back to the job, and each row says in full what it will do.
import { describe, expect, it } from 'vitest';
import type { JobRecord, LinkRecord, RequisitionRecord } from '../../../src/main/core/sync/model.ts';
import { planOutbound } from '../../../src/main/core/sync/plan-outbound.ts';
import { job, leverSnapshot, link, linked, outboundCtx, requisition } from './builders.ts';

const plan = (jobs: JobRecord[], reqs: RequisitionRecord[], links: LinkRecord[] = [], mode: 'sync' | 'reconcile' = 'sync') =>
  planOutbound({ mode, jobs, jobIds: null, lever: leverSnapshot(reqs), links, map: outboundCtx() });

describe('a job that stops recruiting', () => {
  it('closes its requisition: a Closed job and a filled one each say why, and the link keeps its values with the status closed', () => {
    const out = plan(
      [linked('1', { recruit: 'Closed' }), linked('2', { open: false })],
      [requisition('1'), requisition('2', { status: 'onHold' })],
      [link('1'), link('2')],
    );
    expect(out.rows.map((r) => [r.view.action, r.view.reason, r.view.reasonText, r.view.diff])).toEqual([
      [
        'close',
        'job_closed',
        'The job is Closed in ChartHop: its requisition will be closed.',
        [{ field: 'status', label: 'Status', before: 'open', after: 'closed' }],
      ],
      [
        'close',
        'job_filled',
        'The job is filled in ChartHop: its requisition will be closed.',
        [{ field: 'status', label: 'Status', before: 'onHold', after: 'closed' }],
      ],
    ]);
    expect(out.rows[0]?.op).toEqual({
      kind: 'lever.close',
      jobId: '1',
      jobExists: true,
      requisitionId: 'r-1',
      code: 'ENG-1',
      synced: { ...link('1').synced, status: 'closed' },
    });
  });

  it('found by its code while its link names a requisition Lever no longer has, keeps nothing of that old link', () => {
    const staleLink = link('4', { requisitionId: 'r-gone', requisitionCode: 'OLD-4' });
    const out = plan([job('4', { recruit: 'Closed' })], [requisition('4')], [staleLink]);
    expect(out.rows[0]?.op).toEqual({
      kind: 'lever.close',
      jobId: '4',
      jobExists: true,
      requisitionId: 'r-4',
      code: 'ENG-4',
      synced: { status: 'closed' },
    });
  });
});

describe('a requisition found without a link', () => {
  it('found by the Lever Req ID on the job and alike in every field, is linked with nothing else written', () => {
    const out = plan([linked('5')], [requisition('5')]);
    expect(out.rows.map((r) => r.view)).toEqual([
      {
        id: 'job:5',
        title: 'Engineer 5',
        jobId: '5',
        requisitionId: 'r-5',
        requisitionCode: 'ENG-5',
        action: 'link',
        reason: 'id_on_job',
        reasonText: 'Found in Lever by the Lever Req ID on the job: it will be linked to the job.',
        diff: [],
      },
    ]);
    expect(out.rows[0]?.op).toMatchObject({ kind: 'lever.update', changes: {}, writeBack: null });
  });

  it('found by its code, is linked and says by which code', () => {
    const [found] = plan([job('6')], [requisition('6')]).rows;
    expect(found?.view).toMatchObject({ action: 'link', reason: 'code_matched' });
    expect(found?.view.reasonText).toBe('Found in Lever by its requisition code ENG-6: it will be linked to the job.');
  });

  it('that drifted from ChartHop, is linked and brought in line, counting and naming the fields', () => {
    const out = plan(
      [job('8'), linked('9')],
      [requisition('8', { name: 'Eng. 8', location: 'Berlin' }), requisition('9', { name: 'Eng. 9' })],
    );
    expect(out.rows.map((r) => [r.view.action, r.view.reason, r.view.reasonText])).toEqual([
      [
        'update',
        'code_matched_drifted',
        'Found in Lever by its requisition code ENG-8, but its copy drifted from ChartHop: it will be linked to the job and 2 fields brought in line with ChartHop (Title, Location).',
      ],
      [
        'update',
        'id_on_job_drifted',
        'Found in Lever by the Lever Req ID on the job, but its copy drifted from ChartHop: it will be linked to the job and 1 field brought in line with ChartHop (Title).',
      ],
    ]);
    expect(out.rows[0]?.op).toMatchObject({ changes: { name: 'Engineer 8', location: 'New York' } });
  });
});

describe('a linked job missing its Lever Req ID or code', () => {
  it('gets them written back, in a link row that says so, with the requisition left as it is', () => {
    const out = plan([job('9', { req: '  ' }), job('10')], [requisition('9'), requisition('10')], [link('9'), link('10')]);
    const text = 'Linked, but the job lacks the Lever Req ID or requisition code: it will be written back to ChartHop.';
    expect(out.rows.map((r) => [r.view.id, r.view.action, r.view.reason, r.view.reasonText])).toEqual([
      ['job:9', 'link', 'link_write_back', text],
      ['job:10', 'link', 'link_write_back', text],
    ]);
    expect(out.rows.map((r) => r.op)).toEqual([
      {
        kind: 'lever.update',
        jobId: '9',
        requisitionId: 'r-9',
        code: 'ENG-9',
        changes: {},
        writeBack: { leverReqId: 'r-9', req: 'ENG-9' },
        synced: link('9').synced,
      },
      {
        kind: 'lever.update',
        jobId: '10',
        requisitionId: 'r-10',
        code: 'ENG-10',
        changes: {},
        writeBack: { leverReqId: 'r-10' },
        synced: link('10').synced,
      },
    ]);
  });
});

describe('what an update records as synced', () => {
  it('keeps the values of the last outbound sync that this update does not write, under the values it writes', () => {
    const last = link('1', { synced: { ...link('1').synced, confidential: 'no' } });
    const [updated] = plan([linked('1', { title: 'Staff Engineer' })], [requisition('1')], [last]).rows;
    expect(updated?.op).toMatchObject({ synced: { ...last.synced, title: 'Staff Engineer' } });
    expect(updated?.op?.kind === 'lever.update' && updated.op.synced).toEqual({ ...last.synced, title: 'Staff Engineer' });
  });

  it("does not read values synced inbound as ChartHop's: with no outbound record, Sync brings every difference in line", () => {
    const inbound = link('1', { syncedDirection: 'inbound' });
    const [updated] = plan([linked('1')], [requisition('1', { location: 'Berlin' })], [inbound]).rows;
    expect(updated?.view).toMatchObject({
      action: 'update',
      diff: [{ field: 'location', label: 'Location', before: 'Berlin', after: 'New York' }],
    });
    expect(updated?.op?.kind === 'lever.update' && updated.op.synced).not.toHaveProperty('confidential');
  });
});

describe('a requisition naming a user Lever no longer has', () => {
  it('clears the reference when ChartHop names nobody, so the update can be written, and warns in the row', () => {
    const out = plan(
      [linked('1', { title: 'Staff Engineer', hiringManager: null })],
      [requisition('1', { hiringManagerId: 'u-gone' })],
      [link('1')],
    );
    expect(out.rows[0]?.op).toMatchObject({ changes: { name: 'Staff Engineer', hiringManager: null } });
    expect(out.rows[0]?.view.warnings).toEqual([
      "The requisition's hiring manager (Lever user u-gone) is no longer a Lever user; the reference is cleared so the update can be written. Set a current hiring manager on the job in ChartHop.",
    ]);
  });

  it('Sync clears the reference along with a ChartHop change even when ChartHop named nobody at the last sync too', () => {
    // The job had no hiring manager when it was last synced, so that field did not change in ChartHop; the update
    // must still clear Lever's gone user, or Lever refuses it, and the row says so.
    const last = link('1', { synced: { ...link('1').synced, hiringManager: null } });
    const [updated] = plan(
      [linked('1', { title: 'Staff Engineer', hiringManager: null })],
      [requisition('1', { hiringManagerId: 'u-gone' })],
      [last],
    ).rows;
    expect(updated?.op?.kind === 'lever.update' && updated.op.changes).toEqual({ name: 'Staff Engineer', hiringManager: null });
    expect(updated?.view).toMatchObject({
      reasonText: 'Changed in ChartHop since the last sync: Title.',
      diff: [{ field: 'title', label: 'Title', before: 'Engineer 1', after: 'Staff Engineer' }],
      warnings: [
        "The requisition's hiring manager (Lever user u-gone) is no longer a Lever user; the reference is cleared so the update can be written. Set a current hiring manager on the job in ChartHop.",
      ],
    });
  });

  it("Sync writes the job's own user along with a ChartHop change, so Lever accepts the update, and says why", () => {
    // The recruiter did not change in ChartHop, but the requisition's owner is gone from Lever: an update with the
    // title alone would send that owner back and be refused.
    const [updated] = plan([linked('1', { title: 'Staff Engineer' })], [requisition('1', { ownerId: 'u-gone' })], [link('1')]).rows;
    expect(updated?.op?.kind === 'lever.update' && updated.op.changes).toEqual({ name: 'Staff Engineer', owner: 'u-rick' });
    expect(updated?.view).toMatchObject({
      action: 'update',
      reason: 'fields_changed',
      reasonText: 'Changed in ChartHop since the last sync: Title.',
      diff: [
        { field: 'title', label: 'Title', before: 'Engineer 1', after: 'Staff Engineer' },
        { field: 'recruiter', label: 'Recruiter', before: 'Lever user u-gone', after: 'rick@acme.example' },
      ],
      warnings: [
        "The requisition's recruiter (Lever user u-gone) is no longer a Lever user, and Lever refuses a requisition that names one; the job's recruiter is written with this update.",
      ],
    });
  });

  it('Sync writes nothing only to repair a gone user when ChartHop changed nothing (Reconcile repairs it)', () => {
    expect(plan([linked('1')], [requisition('1', { hiringManagerId: 'u-gone' })], [link('1')]).rows).toEqual([]);
  });

  it("Reconcile writes the job's own user instead when ChartHop names one, with no warning", () => {
    const [updated] = plan([linked('1')], [requisition('1', { ownerId: 'u-gone' })], [link('1')], 'reconcile').rows;
    expect(updated?.op?.kind === 'lever.update' && updated.op.changes).toEqual({ owner: 'u-rick' });
    expect(updated?.view).not.toHaveProperty('warnings');
  });
});
