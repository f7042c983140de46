// Outbound rows for linked jobs deleted in ChartHop: the row shows the requisition's trimmed name and says in
// full why it is deleted, and each such requisition counts as a linked record for the safety share.
import { describe, expect, it } from 'vitest';
import { planOutbound } from '../../../src/main/core/sync/plan-outbound.ts';
import { job, leverSnapshot, link, outboundCtx, requisition } from './builders.ts';

describe('a linked job deleted in ChartHop', () => {
  it("deletes the requisition ReqBridge created, showing its name without Lever's stray spaces and saying why", () => {
    const out = planOutbound({
      mode: 'sync',
      jobs: [],
      jobIds: null,
      lever: leverSnapshot([requisition('1', { name: '  Engineer 1 ' })]),
      links: [link('1')],
      map: outboundCtx(),
    });
    expect(out.rows.map((r) => r.view)).toEqual([
      {
        id: 'job:1',
        title: 'Engineer 1',
        jobId: '1',
        requisitionId: 'r-1',
        requisitionCode: 'ENG-1',
        action: 'delete',
        reason: 'job_deleted',
        reasonText:
          'The job was deleted in ChartHop, and ReqBridge created this requisition, which has no postings: it will be deleted in Lever.',
        diff: [{ field: 'status', label: 'Status', before: 'open', after: 'deleted' }],
      },
    ]);
  });

  it('counts as a linked record next to the requisitions found without a link', () => {
    const out = planOutbound({
      mode: 'sync',
      jobs: [job('5')],
      jobIds: null,
      lever: leverSnapshot([requisition('5'), requisition('2')]),
      links: [link('2')],
      map: outboundCtx(),
    });
    expect(out.rows.map((r) => [r.view.id, r.view.action])).toEqual([
      ['job:5', 'link'],
      ['job:2', 'delete'],
    ]);
    expect(out.linked).toBe(2);
  });
});
