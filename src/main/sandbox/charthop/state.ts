// The fake ChartHop's data, as seeded and as returned by `control.state()`.
// Jobs are not stored as rows: like ChartHop, a job is the fold of its
// effective-dated changes (CREATE, UPDATE, HIRE, DEPART, DELETE), so an
// as-of read (`date=`) and a future-dated hire fall out of the same log.

/** Access level of an installed app's token (ChartHop access levels, reduced to three). */
export type ChartHopAccess = 'OWNER' | 'RECRUIT_EDITOR' | 'READ';

/** An org (ChartHop `Org`, the fields a client meets). */
export interface ChartHopOrg {
  id: string;
  name: string;
  slug: string;
  status: 'ACTIVE' | 'INACTIVE' | 'DISABLED';
  timezone: string;
  currencies: string[];
  domains: string[];
  createAt: string;
  updateAt: string;
}

/** A bearer token, as ChartHop issues one to an installed app (an APP user). */
export interface ChartHopTokenGrant {
  token: string;
  /** The app user behind the token (`GET /v1/user/me`). */
  userId: string;
  name: string;
  access: ChartHopAccess;
  /** Orgs this token may use. */
  orgIds: string[];
}

/** Group types the sandbox models. */
export type ChartHopGroupType = 'DEPARTMENT' | 'TEAM' | 'LOCATION';

/** Postal address (ChartHop `Address`; `country` is a 2-letter ISO code). */
export interface ChartHopAddress {
  country: string;
  street1?: string;
  city?: string;
  state?: string;
  postal?: string;
}

/** A department, team or location group. */
export interface ChartHopGroup {
  id: string;
  orgId: string;
  type: ChartHopGroupType;
  name: string;
  slug: string;
  code?: string;
  aliases: string[];
  /** For teams: the department they belong to. */
  parentGroupId?: string;
  /** Locations only: REMOTE is a non-physical location without a street address. */
  locationType?: 'OFFICE' | 'REMOTE';
  address?: ChartHopAddress;
  timezone?: string;
  createAt: string;
  updateAt: string;
}

/** One contact entry of a person (`type` e.g. WORK_EMAIL, HOME_EMAIL, MOBILE_PHONE). */
export interface ChartHopContact {
  type: string;
  format: 'EMAIL' | 'PHONE' | 'ID';
  value: string;
}

/** A person's name; `last` is the one required part. */
export interface ChartHopPersonName {
  first?: string;
  middle?: string;
  last: string;
  pref?: string;
  prefLast?: string;
}

/** A person record. Where they work is derived from the job timeline. */
export interface ChartHopPerson {
  id: string;
  orgId: string;
  name: ChartHopPersonName;
  contacts: ChartHopContact[];
  address?: ChartHopAddress;
  birthDate?: string;
  gender?: 'MALE' | 'FEMALE' | 'NONBINARY' | 'PREFER_NOT';
  fields: Record<string, unknown>;
  createAt: string;
  updateAt: string;
}

/** Money: `{ amount, currency }`. */
export interface ChartHopMoney {
  amount: number;
  currency: string;
  places?: number;
}

/** Base comp interval (`PayInterval`). */
export interface ChartHopPayInterval {
  interval: 'YEARLY' | 'MONTHLY' | 'WEEKLY' | 'DAILY' | 'HOURLY';
  pay: ChartHopMoney;
  hoursPerWeek?: number;
  weeksPerYear?: number;
}

/** Target comp of a job. */
export interface ChartHopJobComp {
  baseComp?: ChartHopPayInterval;
  variableTargets?: unknown[];
  grantShares?: number;
  grantValue?: ChartHopMoney;
  grantType?: string;
}

/** Employment type of a job. */
export type ChartHopEmployment = 'FULL' | 'PART' | 'TEMP' | 'CONTRACT' | 'INTERN' | 'EXPAT';

/**
 * What a job holds at a point in time. `fields` carries the built-in simple
 * codes (recruit, req, hireMgr, recruiter, leverReqId, apply*, …) and the
 * org's custom field values, keyed by field code.
 */
export interface ChartHopJobData {
  title: string;
  employment?: ChartHopEmployment;
  sensitive?: string;
  placement?: 'NORMAL' | 'ASSISTANT';
  groupIds: string[];
  /** The manager's job (relationship of type MANAGER). */
  managerJobId?: string;
  comp?: ChartHopJobComp;
  startDate?: string;
  startDatePlanned?: string;
  fields: Record<string, unknown>;
}

/** A partial update of a job (JobUpdate); `null` clears a value. */
export interface ChartHopJobPatch {
  title?: string;
  employment?: ChartHopEmployment | null;
  sensitive?: string | null;
  placement?: 'NORMAL' | 'ASSISTANT' | null;
  setGroupIds?: string[];
  addGroupIds?: string[];
  removeGroupIds?: string[];
  managerJobId?: string | null;
  comp?: ChartHopJobComp | null;
  startDate?: string | null;
  startDatePlanned?: string | null;
  fields?: Record<string, unknown>;
}

/** Change types the sandbox models. */
export type ChartHopChangeType = 'CREATE' | 'UPDATE' | 'DELETE' | 'HIRE' | 'DEPART';

/** One effective-dated change on a job's timeline. */
export interface ChartHopChange {
  id: string;
  orgId: string;
  jobId: string;
  type: ChartHopChangeType;
  /** Effective date, YYYY-MM-DD. */
  date: string;
  /** INACTIVE = cancelled (deleted through the API); ignored by the timeline. */
  status: 'ACTIVE' | 'INACTIVE';
  personId?: string;
  announceDate?: string;
  departType?: 'VOLUNTARY' | 'INVOLUNTARY';
  note?: string;
  /** CREATE: the job as created. */
  job?: ChartHopJobData;
  /** UPDATE: what changed. */
  update?: ChartHopJobPatch;
  createId: string;
  createAt: string;
  updateAt: string;
}

/** Field value types (subset of ChartHop's). */
export type ChartHopFieldType =
  | 'STRING'
  | 'TEXT'
  | 'BOOLEAN'
  | 'DATE'
  | 'INTEGER'
  | 'DECIMAL'
  | 'MONEY'
  | 'PERCENT'
  | 'ENUM'
  | 'ENUM_MULTI'
  | 'EMAIL'
  | 'PHONE'
  | 'URL'
  | 'PERSON'
  | 'JOB'
  | 'GROUP';

/** Which entity a field applies to. */
export type ChartHopFieldEntityType = 'JOB' | 'JOB_OPEN' | 'JOB_FILLED' | 'PERSON';

/** A field definition (custom, or built-in when `builtIn`). */
export interface ChartHopField {
  id: string;
  orgId: string;
  /** The field code: letters and digits, not starting with a digit. */
  name: string;
  label: string;
  type: ChartHopFieldType;
  plural: 'SINGLE' | 'LIST' | 'SET';
  isUnique: boolean;
  isRequired: boolean;
  sensitive: string;
  entityType: ChartHopFieldEntityType;
  values?: string[];
  description?: string;
  builtIn: boolean;
  status: 'ACTIVE' | 'HIDDEN';
  createAt: string;
  updateAt: string;
}

/** One entry of the events feed (`GET /v1/org/{org}/event`). */
export interface ChartHopEvent {
  id: string;
  orgId: string;
  userId: string;
  type: 'create' | 'update' | 'delete';
  subtype?: string;
  entityType: 'JOB' | 'PERSON' | 'CHANGE' | 'GROUP' | 'FIELD';
  entityId: string;
  /** Epoch milliseconds, strictly increasing within a server. */
  at: number;
  /** e.g. `job.update`, `change.create.hire`, `person.create`. */
  code: string;
  jobId?: string;
  personId?: string;
  date?: string;
  payload?: Record<string, unknown>;
}

/** The complete in-memory state of a fake ChartHop. */
export interface ChartHopState {
  orgs: ChartHopOrg[];
  tokens: ChartHopTokenGrant[];
  groups: ChartHopGroup[];
  persons: ChartHopPerson[];
  /** Custom field definitions (built-ins are fixed and not stored). */
  fields: ChartHopField[];
  /** Every job's timeline, in the order the changes were made. */
  changes: ChartHopChange[];
  events: ChartHopEvent[];
}

/** What `control.seed()` and `createFakeChartHop({ seed })` accept. */
export type ChartHopSeed = Omit<ChartHopState, 'events'> & { events?: ChartHopEvent[] };

/** An empty state with no org and no token. */
export function emptyChartHopState(): ChartHopState {
  return { orgs: [], tokens: [], groups: [], persons: [], fields: [], changes: [], events: [] };
}
