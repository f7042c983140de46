import { describe, expect, it } from 'vitest';
import { computeMetrics, isInterviewStage } from '../../../src/main/core/metrics/compute-metrics.ts';
import type { MetricOpportunity } from '../../../src/main/core/metrics/compute-metrics.ts';

const stages = new Map([
  ['applicant-new', 'New applicant'],
  ['phone', 'Phone screen'],
  ['onsite', 'On-site interview'],
  ['offer', 'Offer'],
]);
const opp = (id: string, postingId: string, extra: Partial<MetricOpportunity> = {}): MetricOpportunity => ({
  id,
  postingId,
  archived: false,
  stageId: 'applicant-new',
  hiredForRequisitionId: null,
  offerStatuses: [],
  ...extra,
});

describe('candidate metrics', () => {
  it('classifies interview stages by name', () => {
    expect(['Phone screen', 'On-site interview', 'Panel', 'Take-home assessment'].every(isInterviewStage)).toBe(true);
    expect(['New applicant', 'Offer', 'Reached out'].some(isInterviewStage)).toBe(false);
  });

  it('counts active, interviewing, active offers and total offers', () => {
    const [result] = computeMetrics(
      [{ id: 'r1', code: 'ENG-1', jobId: 'j1', postingIds: ['p1'] }],
      [
        opp('a', 'p1'),
        opp('b', 'p1', { stageId: 'phone' }),
        opp('c', 'p1', { stageId: 'onsite' }),
        opp('d', 'p1', { stageId: 'offer', offerStatuses: ['draft', 'sent'] }),
        opp('e', 'p1', { archived: true, offerStatuses: ['sent', 'denied'] }),
        opp('f', 'p1', { archived: true, stageId: 'onsite' }),
        opp('g', 'p1', { stageId: 'offer', offerStatuses: ['draft'] }),
        opp('a', 'p1'), // a duplicate row from the active ∪ archived listing
      ],
      stages,
    );
    expect(result?.metrics).toEqual({ active: 5, interview: 2, activeOffers: 1, totalOffers: 2 });
    expect(result?.explanation).toContain('5 active candidates');
  });

  it('says one candidate in the singular', () => {
    const [result] = computeMetrics(
      [{ id: 'r1', code: 'ENG-1', jobId: 'j1', postingIds: ['p1'] }],
      [opp('a', 'p1', { offerStatuses: ['sent'] })],
      stages,
    );
    expect(result?.explanation).toMatch(
      /^From 1 posting: 1 active candidate \(not archived\), 0 of them in interview stages, 1 with an offer out; 1 candidate ever extended an offer\.$/,
    );
  });

  it('counts a candidate on a shared posting once: for the requisition hired against, else the first by code', () => {
    const results = computeMetrics(
      [
        { id: 'r2', code: 'ENG-2', jobId: 'j2', postingIds: ['shared'] },
        { id: 'r1', code: 'ENG-1', jobId: 'j1', postingIds: ['shared', 'own'] },
      ],
      [opp('x', 'shared'), opp('y', 'shared', { archived: true, hiredForRequisitionId: 'r2', offerStatuses: ['signed'] }), opp('z', 'own')],
      stages,
    );
    const byCode = Object.fromEntries(results.map((r) => [r.code, r.metrics]));
    expect(byCode['ENG-1']).toEqual({ active: 2, interview: 0, activeOffers: 0, totalOffers: 0 });
    expect(byCode['ENG-2']).toEqual({ active: 0, interview: 0, activeOffers: 0, totalOffers: 1 });
    const total = results.reduce((sum, r) => sum + r.metrics.active + r.metrics.totalOffers, 0);
    expect(total).toBe(3);
    expect(results.every((r) => r.explanation.includes('counted once'))).toBe(true);
  });

  it('a requisition without postings has zeros and says why', () => {
    const [result] = computeMetrics([{ id: 'r', code: 'X', jobId: 'j', postingIds: [] }], [], stages);
    expect(result?.metrics).toEqual({ active: 0, interview: 0, activeOffers: 0, totalOffers: 0 });
    expect(result?.explanation).toMatch(/No postings/);
  });
});

describe('offer statuses', () => {
  const one = (extra: Partial<MetricOpportunity>) =>
    computeMetrics([{ id: 'r1', code: 'ENG-1', jobId: 'j1', postingIds: ['p1'] }], [opp('a', 'p1', extra)], stages)[0]?.metrics;

  it.each(['approved', 'sent', 'sent-manually', 'opened', 'signed', 'SENT'])(
    'an active candidate whose newest offer is %s has an offer out',
    (status) => {
      expect(one({ offerStatuses: ['draft', status] })?.activeOffers).toBe(1);
      // Only the newest status counts for an offer out, and an archived candidate has none out.
      expect(one({ offerStatuses: [status, 'draft'] })?.activeOffers).toBe(0);
      expect(one({ archived: true, offerStatuses: [status] })?.activeOffers).toBe(0);
    },
  );

  it.each(['draft', 'approval-sent', 'denied', 'pending'])('a newest offer that is %s is not out', (status) => {
    expect(one({ offerStatuses: [status] })?.activeOffers).toBe(0);
  });

  it.each(['sent', 'sent-manually', 'opened', 'signed', 'denied', 'Signed'])(
    'an offer that was ever %s counts as extended, archived or not',
    (status) => {
      expect(one({ offerStatuses: ['draft', status, 'draft'] })?.totalOffers).toBe(1);
      expect(one({ archived: true, offerStatuses: [status] })?.totalOffers).toBe(1);
    },
  );

  it.each(['draft', 'approved', 'approval-sent'])('an offer only ever %s was never extended', (status) => {
    expect(one({ offerStatuses: [status] })?.totalOffers).toBe(0);
  });

  it('an active candidate in a stage with no known name is counted active, not interviewing', () => {
    expect(one({ stageId: 'unknown-stage' })).toMatchObject({ active: 1, interview: 0 });
    expect(one({ stageId: null })).toMatchObject({ active: 1, interview: 0 });
  });
});
