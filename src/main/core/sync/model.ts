/**
 * The engine's own view of the two systems' records, independent of the wire
 * shapes: readers turn client responses into these, planners compare them.
 */

/** ChartHop recruiting statuses (charthop-api.md §3.3). */
export type RecruitStatus = 'Active' | 'Passive' | 'Inactive' | 'Offer' | 'Pending' | 'Closed';

/** Every recruiting status, canonical spelling. */
export const RECRUIT_STATUSES: readonly RecruitStatus[] = ['Active', 'Passive', 'Inactive', 'Offer', 'Pending', 'Closed'];

/** A person reference with the email used to match across systems. */
export interface PersonRef {
  id: string;
  email: string | null;
}

/** Target base compensation of a job. */
export interface BaseComp {
  amount: number;
  currency: string;
  /** ChartHop pay interval: YEARLY, MONTHLY, WEEKLY, DAILY or HOURLY. */
  interval: string;
}

/** A ChartHop job as the engine needs it. */
export interface JobRecord {
  id: string;
  title: string;
  /** True while the seat is open (no occupant; an announced hire still counts as open). */
  open: boolean;
  recruit: RecruitStatus | null;
  req: string | null;
  leverReqId: string | null;
  /** The raw sensitivity (GLOBAL, ORG, MANAGER, HIGH, PRIVATE) or null. */
  sensitive: string | null;
  /** Employment enum (FULL, PART, TEMP, CONTRACT, INTERN, EXPAT) or null. */
  employment: string | null;
  department: string | null;
  team: string | null;
  location: string | null;
  hiringManager: PersonRef | null;
  recruiter: PersonRef | null;
  baseComp: BaseComp | null;
  /**
   * Set (to why) when ChartHop's row did not show the job's requisition code and Lever Req ID in any
   * readable shape: ReqBridge cannot tell which requisition the job belongs to, so it writes nothing
   * that depends on it.
   */
  identityUnreadable?: string;
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
  compensationBand: { currency: string; interval: string | null; min: number | null; max: number | null } | null;
  headcountTotal: number | 'unlimited';
  postings: string[];
}

/** A Lever user, for matching managers and recruiters by email. */
export interface LeverUserRecord {
  id: string;
  email: string;
  name: string;
  /** Deactivated in Lever: known by id, never chosen as a requisition's user. */
  deactivated?: boolean;
}

/** A ChartHop person, for matching Lever users to hiring managers and recruiters. */
export interface PersonRecord {
  id: string;
  email: string;
}

/** ChartHop groups by kind, for name ↔ id and the Remote location. */
export interface GroupRecord {
  id: string;
  name: string;
  kind: 'department' | 'team' | 'location';
  /** Other names the group answers to (aliases, code). */
  aliases: string[];
  /** Teams: the department they belong to. */
  parentId: string | null;
  /** Locations: true for the org's REMOTE location. */
  remote: boolean;
}

/** What was read from ChartHop for a plan. */
export interface ChartHopSnapshot {
  jobs: JobRecord[];
  /** Only when the plan needs them (inbound). */
  people: PersonRecord[];
  groups: GroupRecord[];
  /** Set when the listing was limited to these jobs (Sync On Change). */
  jobIds: string[] | null;
}

/** What was read from Lever for a plan. */
export interface LeverSnapshot {
  requisitions: RequisitionRecord[];
  users: LeverUserRecord[];
  /** False when the key may not read confidential requisitions (they are then invisible). */
  confidentialVisible: boolean;
}

/** A link kept in the state DB between a ChartHop job and a Lever requisition. */
export interface LinkRecord {
  jobId: string;
  requisitionId: string;
  requisitionCode: string | null;
  createdByReqBridge: boolean;
  /** Field values as last synced (field → display value), to tell which side changed. */
  synced: Record<string, string | null>;
  /** The direction whose vocabulary `synced` is in (values are compared only within one). */
  syncedDirection: 'outbound' | 'inbound' | null;
}
