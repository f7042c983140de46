// Inbound pairing's claims, which the planner's lean indexes must keep: a job another requisition names by
// id or code is never matched by title, never given to a second requisition, and never a reason to create.
import { describe, expect, it } from 'vitest';
import { pairRequisitions } from '../../../src/main/core/sync/inbound-pairing.ts';
import { planInbound } from '../../../src/main/core/sync/plan-inbound.ts';
import type { JobRecord, LinkRecord, RequisitionRecord } from '../../../src/main/core/sync/model.ts';
import { inboundCtx, job, leverSnapshot, link, requisition } from './builders.ts';

const inboundLink = (id: string, extra: Partial<LinkRecord> = {}): LinkRecord => ({ ...link(id), syncedDirection: 'inbound', ...extra });
const pair = (jobs: JobRecord[], reqs: RequisitionRecord[], links: LinkRecord[] = []) => {
  const map = inboundCtx();
  return pairRequisitions({ requisitions: reqs, jobs, links, usersById: map.usersById, crosswalk: map.crosswalk });
};
const plan = (jobs: JobRecord[], reqs: RequisitionRecord[], links: LinkRecord[] = []) =>
  planInbound({ jobs, lever: leverSnapshot(reqs), links, map: inboundCtx() }).rows.map((r) => [r.view.id, r.view.action, r.view.reason]);

describe('inbound pairing claims', () => {
  it('reports a requisition named by the Lever Req ID of a job linked to another requisition', () => {
    // Job 1 is linked to r-1 but carries r-2's id: r-2 must not get a new job, nor job 1.
    const pairings = pair([job('1', { leverReqId: 'r-2' })], [requisition('1'), requisition('2', { code: 'OTHER-2' })], [inboundLink('1')]);
    expect(pairings.get('r-1')).toMatchObject({ kind: 'pair', via: 'link' });
    expect(pairings.get('r-2')).toMatchObject({ kind: 'attention', reason: 'job_linked_elsewhere' });
  });

  it('a job linked to the requisition its Lever Req ID names pairs through the link and claims nothing else', () => {
    const pairings = pair([job('1', { leverReqId: 'r-1' })], [requisition('1')], [inboundLink('1')]);
    expect(pairings.get('r-1')).toMatchObject({ kind: 'pair', via: 'link' });
  });

  it('a second requisition with a linked job’s code needs a person, and no job is created for it', () => {
    const reqs = [requisition('1'), requisition('2', { code: 'ENG-1', name: 'Engineer 1' })];
    expect(pair([job('1', { leverReqId: 'r-1' })], reqs, [inboundLink('1')]).get('r-2')).toMatchObject({
      kind: 'attention',
      reason: 'job_linked_elsewhere',
    });
    expect(plan([job('1', { leverReqId: 'r-1' })], reqs, [inboundLink('1')])).toEqual([
      ['req:r-2', 'needs_attention', 'job_linked_elsewhere'],
    ]);
  });

  it('an open unlinked job that a listed requisition names by code or id is not matched by title to another one', () => {
    // Jobs a and b have the title of r-3 and its manager, but r-1 names a by code and r-2 names b by id.
    const jobs = [job('a', { req: 'LVR-1', title: 'Writer' }), job('b', { req: null, leverReqId: 'r-2', title: 'Writer' })];
    const reqs = [
      requisition('1', { code: 'LVR-1', name: 'Writer', status: 'closed' }),
      requisition('2', { code: 'LVR-2', name: 'Writer', status: 'closed' }),
      requisition('3', { code: 'LVR-3', name: 'Writer' }),
    ];
    const pairings = pair(jobs, reqs);
    expect(pairings.get('r-1')).toMatchObject({ kind: 'pair', via: 'code', job: { id: 'a' } });
    expect(pairings.get('r-2')).toMatchObject({ kind: 'pair', via: 'id', job: { id: 'b' } });
    expect(pairings.get('r-3')).toMatchObject({ kind: 'none' });
    // Without the claims both jobs are candidates, so the title match is ambiguous: the claims are what decide.
    expect(pair([job('a', { req: null, title: 'Writer' }), job('b', { req: null, title: 'Writer' })], [reqs[2]!]).get('r-3')).toMatchObject(
      {
        kind: 'attention',
        reason: 'ambiguous_match',
      },
    );
  });

  it('a blank requisition code in Lever claims the jobs whose code is blank, as a code match would', () => {
    const reqs = [requisition('1', { code: ' ', name: 'Other', status: 'closed' }), requisition('2', { code: 'LVR-2', name: 'Writer' })];
    expect(pair([job('a', { req: ' ', title: 'Writer' })], reqs).get('r-2')).toMatchObject({ kind: 'none' });
    // A blank code claims, but never pairs: the blank-code requisition is not given the blank-code job.
    expect(pair([job('a', { req: ' ', title: 'Writer' })], reqs).get('r-1')).toMatchObject({ kind: 'none' });
    expect(pair([job('a', { req: ' ', title: 'Writer' })], [reqs[1]!]).get('r-2')).toMatchObject({ kind: 'pair', via: 'match' });
  });

  it('a blank code in Lever leaves jobs with a real code free to be matched by title and manager', () => {
    const reqs = [requisition('1', { code: '', name: 'Other', status: 'closed' }), requisition('2', { code: 'LVR-2', name: 'Writer' })];
    expect(pair([job('a', { req: 'OLD-7', title: 'Writer' })], reqs).get('r-2')).toMatchObject({
      kind: 'pair',
      via: 'match',
      job: { id: 'a' },
    });
  });

  it('only an open requisition is matched by title and manager; a closed one waits for its code or id', () => {
    const jobs = [job('a', { req: null, title: 'Writer' })];
    expect(pair(jobs, [requisition('1', { code: 'LVR-1', name: 'Writer', status: 'closed' })]).get('r-1')).toMatchObject({ kind: 'none' });
    expect(pair(jobs, [requisition('1', { code: 'LVR-1', name: 'Writer', status: 'Open' })]).get('r-1')).toMatchObject({
      kind: 'pair',
      via: 'match',
    });
  });

  it('says which job carries the code when it is linked to another requisition', () => {
    const pairings = pair(
      [job('1', { title: 'Staff Writer' })],
      [requisition('1'), requisition('2', { code: 'ENG-1' })],
      [inboundLink('1')],
    );
    expect(pairings.get('r-2')).toMatchObject({
      reason: 'job_linked_elsewhere',
      text: 'The ChartHop job "Staff Writer" that carries this requisition\'s id or code is already linked to another requisition. Fix the job\'s requisition code or Lever Req ID in ChartHop.',
    });
  });

  it('two open jobs matching one requisition by title and manager: it is reported with its trimmed title and code', () => {
    const jobs = [job('a', { req: null, title: 'Writer' }), job('b', { req: null, title: 'writer ' })];
    expect(pair(jobs, [requisition('3', { code: 'LVR-3', name: ' Writer ' })]).get('r-3')).toMatchObject({
      kind: 'attention',
      reason: 'ambiguous_match',
      job: null,
      text: '2 open ChartHop jobs have the title "Writer" and the same hiring manager; ReqBridge will not guess. Put the requisition code LVR-3 in the right job\'s Requisition ID field.',
    });
  });

  it('a linked requisition missing from Lever closes its job, unless the job is paired with a listed requisition', () => {
    // Job 2 has an old link to r-2 (gone) and a link to r-9 (listed): it belongs to r-9 and is not closed.
    const jobs = [job('1'), job('2', { leverReqId: 'r-9', req: 'ENG-9', title: 'Engineer 9' })];
    const links = [inboundLink('1'), inboundLink('2'), inboundLink('9', { jobId: '2' })];
    expect(plan(jobs, [requisition('9')], links)).toEqual([['req:r-1', 'close', 'requisition_deleted']]);
    // Without the listed requisition both jobs stop recruiting.
    expect(plan(jobs, [], links).map(([id]) => id)).toEqual(expect.arrayContaining(['req:r-1', 'req:r-2']));
  });
});

describe('inbound: a job that several requisitions claim', () => {
  it('two open requisitions matching one job by title and manager: neither gets it, both say so', () => {
    const reqs = [requisition('1', { code: 'LVR-1', name: 'Writer' }), requisition('2', { code: 'LVR-2', name: 'Writer' })];
    const pairings = pair([job('a', { req: null, title: 'Writer' })], reqs);
    for (const id of ['r-1', 'r-2'])
      expect(pairings.get(id)).toMatchObject({
        kind: 'attention',
        reason: 'ambiguous_match',
        job: { id: 'a' },
        text: 'Several Lever requisitions match the ChartHop job "Writer"; ReqBridge will not guess which one it is. Put the right requisition code in the job\'s Requisition ID field.',
      });
    expect(plan([job('a', { req: null, title: 'Writer' })], reqs)).toEqual([
      ['req:r-1', 'needs_attention', 'ambiguous_match'],
      ['req:r-2', 'needs_attention', 'ambiguous_match'],
    ]);
  });

  it('a job carrying one requisition’s code and another’s Lever Req ID: both are reported as duplicates', () => {
    const reqs = [requisition('1', { code: 'LVR-1' }), requisition('2', { code: 'LVR-2' })];
    const pairings = pair([job('a', { req: 'LVR-1', leverReqId: 'r-2' })], reqs);
    expect(pairings.get('r-1')).toMatchObject({ kind: 'attention', reason: 'duplicate_code', job: { id: 'a' } });
    expect(pairings.get('r-2')).toMatchObject({ kind: 'attention', reason: 'duplicate_code', job: { id: 'a' } });
  });

  it('two jobs linked to one requisition’s job (a duplicated link) keep the linked pairing', () => {
    // r-1 is linked to job 1; r-2's link also names job 1: the linked claim that comes first keeps the job.
    const pairings = pair([job('1')], [requisition('1'), requisition('2')], [inboundLink('1'), inboundLink('2', { jobId: '1' })]);
    const kinds = [pairings.get('r-1')?.kind, pairings.get('r-2')?.kind].sort();
    expect(kinds).toEqual(['attention', 'pair']);
  });

  it('several jobs carrying one requisition’s Lever Req ID or code: the requisition is reported, never paired', () => {
    const byId = pair([job('a', { leverReqId: 'r-1', req: null }), job('b', { leverReqId: 'r-1', req: null })], [requisition('1')]);
    expect(byId.get('r-1')).toMatchObject({
      kind: 'attention',
      reason: 'duplicate_code',
      text: expect.stringContaining("2 ChartHop jobs carry this requisition's Lever Req ID"),
    });
    const byCode = pair([job('a', { req: 'ENG-1' }), job('b', { req: 'eng-1 ' })], [requisition('1')]);
    expect(byCode.get('r-1')).toMatchObject({
      kind: 'attention',
      reason: 'duplicate_code',
      text: expect.stringContaining("carry this requisition's code ENG-1"),
    });
  });
});
