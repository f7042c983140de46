// What an undo clears on a ChartHop job: only what the run wrote there (its Lever Req ID, a code it wrote
// back) and only while the job still holds it; a job now pointing at another requisition is a conflict.
import { describe, expect, it } from 'vitest';
import { job } from '../builders.ts';
import { jobResetOf } from '../../../../src/main/core/sync/undo/undo-row-parts.ts';

describe('what an undo clears on a ChartHop job', () => {
  it('clears the Lever Req ID and the code the run wrote back, even when ChartHop returns the code padded with spaces', () => {
    expect(jobResetOf(job('j-1', { req: ' ENG-0003 ', leverReqId: 'lr-3' }), { req: 'ENG-0003', leverReqId: 'lr-3' })).toEqual({
      reset: { leverReqId: null, req: null },
      conflict: null,
    });
  });

  it('leaves a code the consultant changed since the run, clearing only the Lever Req ID', () => {
    expect(jobResetOf(job('j-1', { req: 'ENG-0099', leverReqId: 'lr-3' }), { req: 'ENG-0003', leverReqId: 'lr-3' })).toEqual({
      reset: { leverReqId: null },
      conflict: null,
    });
  });

  it('clears nothing and names the conflict when the job now points at another requisition', () => {
    expect(jobResetOf(job('j-1', { req: 'ENG-0003', leverReqId: 'lr-9' }), { req: 'ENG-0003', leverReqId: 'lr-3' })).toEqual({
      reset: null,
      conflict: "the job's Lever Req ID is now lr-9, not the lr-3 the run set",
    });
  });
});
