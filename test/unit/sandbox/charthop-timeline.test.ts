import { describe, expect, it } from 'vitest';
import type { ChartHopChange } from '../../../src/main/sandbox/charthop/state.ts';
import { applyJobPatch, viewJob } from '../../../src/main/sandbox/charthop/timeline.ts';
import { timelineProblem } from '../../../src/main/sandbox/charthop/timeline-write.ts';

const AT = '2025-01-01T00:00:00Z';
let n = 0;
const c = (type: ChartHopChange['type'], date: string, extra: Partial<ChartHopChange> = {}): ChartHopChange => {
  n += 1;
  return { id: `c${n}`, orgId: 'o', jobId: 'j', type, date, status: 'ACTIVE', createId: 'u', createAt: AT, updateAt: AT, ...extra };
};
const created = c('CREATE', '2025-01-01', { job: { title: 'Engineer', groupIds: ['g1'], fields: { recruit: 'Active' } } });

describe('job timeline', () => {
  it('does not show a job before its effective create date or after its delete', () => {
    const log = [created, c('DELETE', '2025-03-01')];
    expect(viewJob('j', 'o', log, '2024-12-31')).toBeUndefined();
    expect(viewJob('j', 'o', log, '2025-02-01')?.data.title).toBe('Engineer');
    expect(viewJob('j', 'o', log, '2025-03-01')).toBeUndefined();
  });

  it('applies updates from their effective date on', () => {
    const log = [created, c('UPDATE', '2025-02-01', { update: { title: 'Senior Engineer', fields: { recruit: 'Offer' } } })];
    expect(viewJob('j', 'o', log, '2025-01-31')?.data.title).toBe('Engineer');
    const after = viewJob('j', 'o', log, '2025-02-01');
    expect(after?.data.title).toBe('Senior Engineer');
    expect(after?.data.fields.recruit).toBe('Offer');
  });

  it('a future HIRE leaves the job open with the announced person, then fills it on the date', () => {
    const log = [created, c('HIRE', '2025-04-01', { personId: 'p1' })];
    const before = viewJob('j', 'o', log, '2025-03-31');
    expect(before?.open).toBe('open');
    expect(before?.personId).toBe('p1');
    expect(before?.occupantId).toBeUndefined();
    expect(before?.upcoming).toEqual([{ id: log[1]?.id, type: 'HIRE', date: '2025-04-01', personId: 'p1' }]);
    const on = viewJob('j', 'o', log, '2025-04-01');
    expect(on?.open).toBe('filled');
    expect(on?.occupantId).toBe('p1');
    expect(on?.upcoming).toEqual([]);
  });

  it('a departure reopens the seat and counts the open time from then', () => {
    const log = [created, c('HIRE', '2025-01-10', { personId: 'p1' }), c('DEPART', '2025-05-01', { personId: 'p1' })];
    const view = viewJob('j', 'o', log, '2025-06-01');
    expect(view?.open).toBe('open');
    expect(view?.personId).toBeUndefined();
    expect(view?.openSince).toBe('2025-05-01');
  });

  it('ignores cancelled (INACTIVE) changes', () => {
    const log = [created, c('HIRE', '2025-02-01', { personId: 'p1', status: 'INACTIVE' })];
    expect(viewJob('j', 'o', log, '2025-03-01')?.open).toBe('open');
  });

  it('patches groups and fields without touching the input', () => {
    const data = { title: 'A', groupIds: ['g1', 'g2'], fields: { req: 'X', recruit: 'Active' } };
    const next = applyJobPatch(data, { removeGroupIds: ['g1'], addGroupIds: ['g3'], fields: { req: null, leverReqId: 'L' } });
    expect(next.groupIds).toEqual(['g2', 'g3']);
    expect(next.fields).toEqual({ recruit: 'Active', leverReqId: 'L' });
    expect(data.groupIds).toEqual(['g1', 'g2']);
  });

  it('detects impossible timelines', () => {
    expect(timelineProblem([created, c('HIRE', '2025-02-01', { personId: 'p1' })])).toBeUndefined();
    expect(timelineProblem([created, c('HIRE', '2025-02-01', { personId: 'p1' }), c('HIRE', '2025-03-01', { personId: 'p2' })])).toMatch(
      /already filled/,
    );
    expect(timelineProblem([created, c('DEPART', '2025-02-01')])).toMatch(/no one holds/);
    expect(timelineProblem([created, c('HIRE', '2025-02-01', { personId: 'p1' }), c('DELETE', '2025-03-01')])).toMatch(/filled/);
    expect(timelineProblem([c('UPDATE', '2025-02-01'), created])).toMatch(/does not exist/);
  });
});
