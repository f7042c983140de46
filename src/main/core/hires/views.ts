/** Inbox rows as the Hires page sees them (`HireView`). */
import type { HireView } from '../../../shared/api/hires-views.ts';
import type { InboxRow } from './inbox.ts';

/** The view of one hire row. */
export function hireView(profileId: string, row: InboxRow): HireView {
  const waiting = row.status === 'queued' || row.status === 'processing';
  return {
    id: String(row.id),
    profileId,
    source: row.source,
    receivedAt: row.receivedAt,
    decidedAt: waiting ? null : row.decidedAt,
    opportunityId: row.opportunityId ?? '',
    candidateName: row.detail.candidateName ?? null,
    jobId: row.jobId,
    jobTitle: row.detail.jobTitle ?? null,
    decision: waiting ? 'pending' : (row.decision ?? 'pending'),
    reason: waiting ? (row.status === 'processing' ? 'Being processed.' : 'Waiting to be processed.') : (row.reason ?? ''),
    personId: row.personId,
    startDate: row.detail.startDate ?? null,
  };
}
