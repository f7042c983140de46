// A ChartHop job belongs to one Lever requisition: once linked, it is never matched by title and
// hiring manager to another requisition, whether its own requisition is still in Lever or was deleted.
import { describe, expect, it } from 'vitest';
import { pairRequisitions } from '../../../src/main/core/sync/inbound-pairing.ts';
import type { JobRecord, LinkRecord, RequisitionRecord } from '../../../src/main/core/sync/model.ts';
import { planInbound } from '../../../src/main/core/sync/plan-inbound.ts';
import { inboundCtx, job, leverSnapshot, link, requisition, USERS } from './builders.ts';

const inboundLink = (id: string): LinkRecord => ({ ...link(id), syncedDirection: 'inbound' });

/** Job 1, linked to requisition r-1 in the state DB only (no Lever id or code on the job). */
const linkedJob = job('1', { req: null, title: 'Data Engineer' });
/** A new open requisition with the same title and hiring manager (grace) as job 1. */
const newcomer = requisition('2', { code: 'LVR-2', name: 'Data Engineer' });

function pairings(reqs: RequisitionRecord[], jobs: JobRecord[] = [linkedJob]) {
  return pairRequisitions({
    requisitions: reqs,
    jobs,
    links: [inboundLink('1')],
    usersById: new Map(USERS.map((u) => [u.id, u])),
    crosswalk: inboundCtx().crosswalk,
  });
}

const plan = (reqs: RequisitionRecord[]) =>
  planInbound({ jobs: [linkedJob], lever: leverSnapshot(reqs), links: [inboundLink('1')], map: inboundCtx() });
const summary = (rows: { view: { id: string; action: string; reason: string } }[]) =>
  rows.map((r) => [r.view.id, r.view.action, r.view.reason]);

describe('inbound pairing of a job already linked', () => {
  it('leaves a linked job out of title + manager matching while its requisition is in Lever: the newcomer gets a job of its own', () => {
    const own = requisition('1', { code: 'LVR-1', name: 'Data Engineer' });
    const result = pairings([own, newcomer]);
    expect(result.get('r-1')).toMatchObject({ kind: 'pair', via: 'link', job: { id: '1' } });
    expect(result.get('r-2')).toEqual({ kind: 'none', missingLink: null });
    expect(summary(plan([own, newcomer]).rows).find(([id]) => id === 'req:r-2')).toEqual([
      'req:r-2',
      'create',
      'requisition_open_unlinked',
    ]);
  });

  it('never hands a linked job to another requisition after its own was deleted in Lever', () => {
    const result = pairings([newcomer]);
    expect(result.get('r-2')).toEqual({ kind: 'none', missingLink: null });
    expect(summary(plan([newcomer]).rows)).toEqual([
      ['req:r-2', 'create', 'requisition_open_unlinked'],
      ['req:r-1', 'close', 'requisition_deleted'],
    ]);
  });

  it('matches the one unlinked job with the same title and manager, never the linked one beside it', () => {
    const free = job('3', { req: null, title: 'Data Engineer' });
    expect(pairings([newcomer], [linkedJob, free]).get('r-2')).toMatchObject({ kind: 'pair', via: 'match', job: { id: '3' } });
  });
});
