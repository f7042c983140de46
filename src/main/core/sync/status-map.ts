/**
 * The status maps of ChartHop's Lever integration (charthop-api.md §10.2,
 * architecture.md §3).
 */
import type { RecruitStatus } from './model.ts';

/** Outbound: ChartHop recruiting status → Lever requisition status; null leaves Lever's as is. */
export function leverStatusFor(recruit: RecruitStatus | null, open: boolean): string | null {
  if (!open) return 'closed';
  switch (recruit) {
    case 'Active':
    case 'Offer':
      return 'open';
    case 'Passive':
    case 'Inactive':
      return 'onHold';
    case 'Closed':
      return 'closed';
    default:
      // Pending (hired, not started) and unknown statuses: Lever's status is not ours to change.
      return null;
  }
}

/** Inbound: Lever requisition status → ChartHop recruiting status. */
export function recruitStatusFor(leverStatus: string): RecruitStatus {
  switch (leverStatus.toLowerCase()) {
    case 'open':
      return 'Active';
    default:
      // onHold, draft, closed, pending, rejected: not recruiting.
      return 'Inactive';
  }
}

/** True when a ChartHop job should have a requisition in Lever (outbound creates one). */
export function wantsRequisition(recruit: RecruitStatus | null, open: boolean): boolean {
  return open && (recruit === 'Active' || recruit === 'Offer');
}
