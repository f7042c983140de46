// How a hire row reads on the Hires page: a row still waiting (queued, or being processed, also
// when it is a replay of a decided row) shows no old decision, date or reason, only where it is;
// a decided row shows its own; a row without an opportunity shows an empty id rather than a guess.
import { describe, expect, it } from 'vitest';
import type { InboxRow } from '../../../src/main/core/hires/inbox.ts';
import { hireView } from '../../../src/main/core/hires/views.ts';

/** A replayed row: decided once (created, with a date and reason), then put back in the queue. */
const row = (over: Partial<InboxRow> = {}): InboxRow => ({
  id: 12,
  dedupeKey: 'lever:tok:1',
  source: 'replay',
  kind: 'hire',
  receivedAt: '2026-11-02T09:00:00.000Z',
  status: 'queued',
  attempts: 0,
  opportunityId: 'opp-12',
  triggeredAt: 1,
  decision: 'created',
  reason: 'Created person p-1 in ChartHop job j-1.',
  decidedAt: '2026-11-02T09:01:00.000Z',
  jobId: 'j-1',
  personId: 'p-1',
  detail: { candidateName: 'Ada Lovelace', jobTitle: 'Engineer', startDate: '2026-12-01' },
  replayOf: null,
  claimedBy: null,
  claimedAt: null,
  ...over,
});

const shared = {
  id: '12',
  profileId: 'acme',
  source: 'replay',
  receivedAt: '2026-11-02T09:00:00.000Z',
  opportunityId: 'opp-12',
  candidateName: 'Ada Lovelace',
  jobId: 'j-1',
  jobTitle: 'Engineer',
  personId: 'p-1',
  startDate: '2026-12-01',
};

describe('the view of a hire row', () => {
  it('shows a queued row as waiting, without its earlier decision, date or reason', () => {
    expect(hireView('acme', row())).toEqual({ ...shared, decidedAt: null, decision: 'pending', reason: 'Waiting to be processed.' });
  });

  it('shows a row being processed as such, without its earlier decision, date or reason', () => {
    expect(hireView('acme', row({ status: 'processing' }))).toEqual({
      ...shared,
      decidedAt: null,
      decision: 'pending',
      reason: 'Being processed.',
    });
  });

  it('shows a decided row with its own decision, date and reason', () => {
    expect(hireView('acme', row({ status: 'done' }))).toEqual({
      ...shared,
      decidedAt: '2026-11-02T09:01:00.000Z',
      decision: 'created',
      reason: 'Created person p-1 in ChartHop job j-1.',
    });
  });

  it('shows an empty reason and id, not a made-up one, when a decided row has none', () => {
    const view = hireView('acme', row({ status: 'failed', decision: null, reason: null, opportunityId: null, detail: {} }));
    expect(view).toEqual({
      ...shared,
      opportunityId: '',
      candidateName: null,
      jobTitle: null,
      startDate: null,
      decidedAt: '2026-11-02T09:01:00.000Z',
      decision: 'pending',
      reason: '',
    });
  });
});
