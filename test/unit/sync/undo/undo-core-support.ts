// Inputs for the undo's pure tests: a requisition as Lever answers it, and a run as the run log lists it.
import type { LeverRequisition } from '../../../../src/main/core/lever/schemas.ts';
import { emptyRunCounts } from '../../../../src/main/core/sync/run-log.ts';
import type { RunSummary } from '../../../../src/shared/api/sync-views.ts';

/** ENG-7 as Lever answers it: open, non-confidential, Engineering/Platform in New York, Grace hiring, Rick owning, 150000 USD a year. */
export function leverRequisition(extra: Partial<LeverRequisition> = {}): LeverRequisition {
  return {
    id: 'r-7',
    requisitionCode: 'ENG-7',
    name: 'Engineer 7',
    status: 'open',
    headcountTotal: 1,
    confidentiality: 'non-confidential',
    employmentStatus: 'full-time',
    department: 'Engineering',
    team: 'Platform',
    location: 'New York',
    hiringManager: 'u-grace',
    owner: 'u-rick',
    compensationBand: { currency: 'USD', interval: 'per-year-salary', min: 150_000, max: 150_000 },
    postings: [],
    createdAt: Date.UTC(2026, 0, 5),
    ...extra,
  } as LeverRequisition;
}

/** Run #12, a finished outbound sync started by hand. */
export function runSummary(extra: Partial<RunSummary> = {}): RunSummary {
  return {
    id: 12,
    profileId: 'p-1',
    trigger: 'manual',
    direction: 'outbound',
    status: 'succeeded',
    startedAt: '2026-01-05T09:00:00.000Z',
    finishedAt: '2026-01-05T09:01:00.000Z',
    counts: emptyRunCounts(),
    error: null,
    ...extra,
  };
}
