// The Reconcile sheet's pure helpers: the rows of the new plan that the last Apply sent carry a badge with their outcome.
import { describe, expect, it } from 'vitest';
import type { PlanRowView } from '../../src/shared/api/sync-views.ts';
import { appliedBadge } from '../../src/renderer/src/lib/plan-selection.ts';

function row(id: string, requisitionCode: string | null): PlanRowView {
  return {
    id,
    action: 'update',
    reason: 'fields_drifted',
    reasonText: '',
    title: id,
    jobId: null,
    requisitionId: null,
    requisitionCode,
    diff: [],
  };
}

describe('appliedBadge', () => {
  const applied = {
    run: { id: 7 },
    items: [
      { recordKey: 'ENG-1', outcome: 'applied' as const },
      { recordKey: 'ENG-2', outcome: 'failed' as const },
      { recordKey: 'job:9', outcome: 'cancelled' as const },
    ],
    rowIds: new Set(['job:1', 'job:2', 'job:9']),
  };

  it('marks a row the Apply sent with how it came out in that run, matched by requisition code or row id', () => {
    expect(appliedBadge(row('job:1', 'ENG-1'), applied)).toBe('Applied in run 7');
    expect(appliedBadge(row('job:2', 'ENG-2'), applied)).toBe('Failed in run 7');
    expect(appliedBadge(row('job:9', null), applied)).toBe('Cancelled in run 7');
  });

  it('leaves a row the Apply did not send, and every row when nothing was applied', () => {
    expect(appliedBadge(row('job:3', 'ENG-1'), applied)).toBeNull();
    expect(appliedBadge(row('job:1', 'ENG-1'), null)).toBeNull();
  });
});
