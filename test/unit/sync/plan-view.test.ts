// What the UI is shown of a plan: a plan that takes nothing away never stops to ask, a plan that undoes no
// run says nothing about undoing, and a row written without odd data carries no warnings.
import { describe, expect, it } from 'vitest';
import type { EnginePlan, PlannedRow } from '../../../src/main/core/sync/plan-types.ts';
import { planView, rowView, safetyOf, withWarnings } from '../../../src/main/core/sync/plan-types.ts';

const planned = (action: PlannedRow['view']['action']): PlannedRow => ({
  view: rowView({
    id: `job:${action}`,
    title: 'Engineer',
    jobId: '1',
    requisitionId: null,
    requisitionCode: null,
    action,
    reason: '',
    reasonText: '',
  }),
  op: null,
});

const plan = (extra: Partial<EnginePlan> = {}): EnginePlan => ({
  id: 'plan-1',
  profileId: 'acme',
  direction: 'outbound',
  createdAt: '2026-01-05T10:00:00.000Z',
  rows: [planned('update')],
  unmapped: [],
  linked: 4,
  limit: 0.1,
  ...extra,
});

describe('the safety figures', () => {
  it('never ask to confirm a plan that closes and deletes nothing, whatever the limit', () => {
    expect(safetyOf([planned('update'), planned('create')], 3, -1)).toEqual({
      closesOrDeletes: 0,
      linked: 3,
      share: 0,
      limit: -1,
      needsConfirmation: false,
    });
  });
});

describe('the plan view', () => {
  it('of a plan that undoes no run has no undoes entry; an undo plan names its run', () => {
    expect(planView(plan())).not.toHaveProperty('undoes');
    expect(planView(plan({ undoes: 7 })).undoes).toBe(7);
  });
});

describe('row warnings', () => {
  it('are left off a row with none, and copied onto a row with some', () => {
    const row = planned('update');
    expect(withWarnings(row, [])).toBe(row);
    expect(withWarnings(row, []).view).not.toHaveProperty('warnings');
    expect(withWarnings(row, ['The hiring manager is deactivated.']).view.warnings).toEqual(['The hiring manager is deactivated.']);
  });
});
