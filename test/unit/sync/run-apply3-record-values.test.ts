// What a record's run item and its postings carry: a run item lists warnings only when the record
// had some, a linked posting follows only a non-blank department, team or location (an emptied
// field in ChartHop never wipes a posting's category), and a pending follow-up is owed only for a
// field the last unconfirmed sync wrote and the requisition now holds.
import { describe, expect, it } from 'vitest';
import { itemOf } from '../../../src/main/core/sync/apply-rows.ts';
import type { PlannedRow } from '../../../src/main/core/sync/plan-types.ts';
import { pendingFollowKeys, postingFollowFor } from '../../../src/main/core/sync/posting-follow.ts';

const ROW: PlannedRow = {
  view: {
    id: 'job-1',
    action: 'update',
    reason: 'fields_differ',
    reasonText: 'Title differs.',
    title: 'Backend Engineer',
    jobId: 'job-1',
    requisitionId: 'lr-1',
    requisitionCode: 'ENG-1',
    diff: [{ field: 'title', label: 'Title', before: 'Engineer', after: 'Backend Engineer' }],
  },
  op: null,
};

describe('the run item of a record', () => {
  it('carries no warnings list when neither the plan nor the write noted odd data', () => {
    expect(itemOf(ROW, 'applied')).toStrictEqual({
      recordKey: 'ENG-1',
      title: 'Backend Engineer',
      action: 'update',
      outcome: 'applied',
      reason: 'fields_differ',
      reasonText: 'Title differs.',
      diff: [{ field: 'title', label: 'Title', before: 'Engineer', after: 'Backend Engineer' }],
      error: null,
      jobId: 'job-1',
      requisitionId: 'lr-1',
      requisitionCode: 'ENG-1',
    });
  });
});

describe('the categories linked postings follow', () => {
  it('follows a written department, team or location, but not one emptied, blank or cleared', () => {
    expect(postingFollowFor(['department', 'team', 'location'], { department: 'Sales', team: '', location: '  ' })).toEqual({
      department: 'Sales',
    });
    expect(postingFollowFor(['department', 'team'], { department: null, team: 'Enterprise' })).toEqual({ team: 'Enterprise' });
  });

  it('has nothing to follow when every followed field was emptied', () => {
    expect(postingFollowFor(['department', 'team', 'location'], { department: '', team: ' ', location: null })).toBeNull();
  });
});

describe('follow-ups owed after an unconfirmed sync', () => {
  it('owes the fields the last sync wrote that the requisition now holds', () => {
    const desired = { department: 'Sales', team: 'Enterprise', location: 'Remote' };
    const current = { department: 'Sales', team: 'Enterprise', location: 'New York' };
    const last = { department: 'Engineering', team: 'Enterprise', location: 'New York' };
    expect(pendingFollowKeys(desired, current, last)).toEqual(['department']);
  });

  it('owes a follow-up only for the fields the last sync recorded', () => {
    expect(
      pendingFollowKeys({ department: 'Sales', team: 'Enterprise' }, { department: 'Sales', team: 'Enterprise' }, { team: 'Platform' }),
    ).toEqual(['team']);
  });

  it('owes nothing for a field the row no longer maps, even when the last sync recorded one', () => {
    expect(pendingFollowKeys({}, {}, { department: 'Engineering' })).toEqual([]);
  });

  it('owes nothing without a last sync', () => {
    expect(pendingFollowKeys({ department: 'Sales' }, { department: 'Sales' }, null)).toEqual([]);
  });
});
