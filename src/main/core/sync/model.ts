/**
 * The engine's own view of the two systems' records, independent of the wire
 * shapes: readers turn client responses into these, planners compare them.
 */

/** ChartHop recruiting statuses (charthop-api.md §3.3). */
export type RecruitStatus = 'Active' | 'Passive' | 'Inactive' | 'Offer' | 'Pending' | 'Closed';

/** A person reference with the email used to match across systems. */
export interface PersonRef {
  id: string;
  email: string | null;
  name: string | null;
}

/** Target base compensation of a job. */
export interface BaseComp {
  amount: number;
  currency: string;
  interval: string;
}

/** A ChartHop job as the engine needs it. */
export interface JobRecord {
  id: string;
  title: string;
  /** True while the seat is open (no occupant, no announced hire). */
  open: boolean;
  recruit: RecruitStatus | null;
  req: string | null;
  leverReqId: string | null;
  sensitive: boolean;
  employment: string | null;
  department: string | null;
  team: string | null;
  location: string | null;
  hiringManager: PersonRef | null;
  recruiter: PersonRef | null;
  baseComp: BaseComp | null;
}

/** A Lever requisition as the engine needs it. */
export interface RequisitionRecord {
  id: string;
  code: string;
  name: string;
  status: string;
  confidential: boolean;
  employmentStatus: string | null;
  department: string | null;
  team: string | null;
  location: string | null;
  hiringManagerId: string | null;
  ownerId: string | null;
  compensationBand: { currency: string; interval: string; min: number; max: number } | null;
  headcountTotal: number | 'unlimited';
  postings: string[];
}

/** A Lever user, for matching managers and recruiters by email. */
export interface LeverUserRecord {
  id: string;
  email: string;
  name: string;
}

/** ChartHop groups by kind, for name ↔ id and the Remote location. */
export interface GroupRecord {
  id: string;
  name: string;
  kind: 'department' | 'team' | 'location';
  remote: boolean;
}

/** A link kept in the state DB between a ChartHop job and a Lever requisition. */
export interface LinkRecord {
  jobId: string;
  requisitionId: string;
  requisitionCode: string | null;
  createdByReqBridge: boolean;
  /** Field values as last synced (field → value), to tell which side changed. */
  synced: Record<string, string | null>;
}
