// Home counts candidates, not rows; a "Job missing" hire's next step depends on the profile's direction.
import { describe, expect, it } from 'vitest';
import type { HireView } from '../../../src/shared/api/hires-views.ts';
import { profileObjectSchema } from '../../../src/shared/settings/schema.ts';
import { attentionItems, latestPerCandidate } from '../../../src/renderer/src/lib/home-attention.ts';
import { DECISION_NEXT_STEPS, nextStepOf } from '../../../src/renderer/src/lib/hire-format.ts';

function hire(id: number, opportunityId: string, decision: HireView['decision']): HireView {
  return {
    id: String(id),
    profileId: 'acme',
    source: 'webhook',
    receivedAt: `2026-12-0${id}T09:00:00.000Z`,
    decidedAt: null,
    opportunityId,
    candidateName: null,
    jobId: null,
    jobTitle: null,
    decision,
    reason: '',
    personId: null,
    startDate: null,
  };
}

describe('hires on Home', () => {
  // Newest first, as hires:list answers: an older log can hold several rows of one candidate.
  const log = [
    hire(4, 'opp-b', 'job_missing'),
    hire(3, 'opp-a', 'created'),
    hire(2, 'opp-a', 'job_missing'),
    hire(1, 'opp-b', 'job_missing'),
  ];

  it('keeps the newest row of each candidate', () => {
    expect(latestPerCandidate(log).map((h) => h.id)).toEqual(['4', '3']);
  });

  it('counts candidates, not rows, in the attention list', () => {
    const settings = profileObjectSchema.parse({ id: 'acme', name: 'Acme', charthop: { org: 'acme' }, options: { syncOnChange: true } });
    const texts = attentionItems({
      settings,
      statuses: null,
      report: undefined,
      hires: log,
      webhook: null,
      runs: null,
      unmapped: null,
    }).map((i) => i.text);
    expect(texts).toContain('1 hire was not processed: no ChartHop job is linked to the requisition.');
    expect(texts.join(' ')).not.toMatch(/[2-9] hires were not processed/);
  });

  it('advises linking the job on an outbound profile, a sync on an inbound one', () => {
    expect(nextStepOf('job_missing', 'outbound')).toContain('Link the requisition to its ChartHop job');
    expect(nextStepOf('job_missing', 'inbound')).toBe(DECISION_NEXT_STEPS.job_missing);
    expect(nextStepOf('no_email', 'outbound')).toBe(DECISION_NEXT_STEPS.no_email);
  });
});
