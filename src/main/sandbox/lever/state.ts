/**
 * The fake Lever's data model and seed type. The demo-data generator builds a {@link LeverSeed};
 * `control.seed(seed)` loads it and `control.state()` returns a complete {@link LeverState}
 * (every optional field filled), which is itself a valid seed — so `seed(state())` round-trips.
 * Shapes follow lever-api.md (GET shapes); derived fields (`requisition.postings`,
 * `headcountInfinite`, `opportunity.applications`, urls) are computed on read, not stored.
 */

/** Milliseconds since the Unix epoch (Lever's timestamp format everywhere). */
export type Ms = number;

/**
 * API-key permissions, named as in Lever's key settings (the vendor guide names the write ones:
 * "Create requisitions", "Delete requisitions", "Update posting", "Update requisition fields").
 * Read permission names are our choice (the guide only says "Select all read"); "Manage webhooks"
 * is a guess for the webhook-management write permission.
 */
export type LeverPermission =
  | 'Read requisitions'
  | 'Read requisition fields'
  | 'Read postings'
  | 'Read opportunities'
  | 'Read applications'
  | 'Read offers'
  | 'Read stages'
  | 'Read archive reasons'
  | 'Read users'
  | 'Read contacts'
  | 'Read webhooks'
  | 'Create requisitions'
  | 'Delete requisitions'
  | 'Update posting'
  | 'Update requisition fields'
  | 'Manage webhooks'
  /** The guide's preset: grants every `Read …` permission. */
  | 'Select all read';

/** Every read permission: what Lever's "Select all read" preset enables. */
export const LEVER_ALL_READ: readonly LeverPermission[] = [
  'Read requisitions',
  'Read requisition fields',
  'Read postings',
  'Read opportunities',
  'Read applications',
  'Read offers',
  'Read stages',
  'Read archive reasons',
  'Read users',
  'Read contacts',
  'Read webhooks',
];

/** The write permissions the vendor guide tells admins to enable for the ChartHop integration. */
export const LEVER_INTEGRATION_WRITES: readonly LeverPermission[] = [
  'Create requisitions',
  'Delete requisitions',
  'Update posting',
  'Update requisition fields',
];

/**
 * An API key. `secret` is what clients send as the Basic-auth username; `id` is what the request
 * log shows. `confidentialAccess` mirrors Lever's "allow access to confidential data" checkbox
 * (default false, as in Lever): without it confidential records are hidden/refused.
 */
export interface LeverApiKey {
  id: string;
  secret: string;
  name: string;
  permissions: LeverPermission[];
  confidentialAccess: boolean;
}

/** A Lever user (`/users`). */
export interface LeverUser {
  id: string;
  name: string;
  username: string;
  email: string;
  accessRole: string;
  photo: string | null;
  createdAt: Ms;
  deactivatedAt: Ms | null;
  externalDirectoryId: string | null;
  jobTitle: string | null;
  managerId: string | null;
}

/** Custom-field types of requisition fields. */
export type LeverRequisitionFieldType = 'text' | 'number' | 'date' | 'dropdown' | 'object';

/** A requisition custom-field definition (`/requisition_fields`); `id` is a caller-chosen slug. */
export interface LeverRequisitionField {
  id: string;
  text: string;
  type: LeverRequisitionFieldType;
  isRequired: boolean;
  /** Dropdown only: allowed values (a requisition stores the option's `text`). */
  options?: { text: string }[];
  /** Object only: nested fields, each text/number/date. */
  subfields?: { id: string; text: string; type: string }[];
  createdAt: Ms;
  updatedAt: Ms;
}

/** Requisition statuses, including the approval states seen in real data. */
export type LeverRequisitionStatus = 'draft' | 'pending' | 'rejected' | 'onHold' | 'open' | 'closed';

/** A compensation band: ISO-4217 currency, interval such as `per-year-salary`. */
export interface LeverCompensationBand {
  currency: string;
  interval: string;
  min: number;
  max: number;
}

/** A stored requisition (GET shape minus the derived `postings` and `headcountInfinite`). */
export interface LeverRequisition {
  id: string;
  requisitionCode: string;
  name: string;
  backfill: boolean;
  confidentiality: 'confidential' | 'non-confidential';
  status: LeverRequisitionStatus;
  headcountTotal: number | 'unlimited';
  headcountHired: number;
  creator: string | null;
  owner: string | null;
  hiringManager: string | null;
  employmentStatus: string | null;
  location: string | null;
  department: string | null;
  team: string | null;
  internalNotes: string;
  compensationBand: LeverCompensationBand | null;
  offerIds: string[];
  approval: { steps: unknown[]; [k: string]: unknown };
  customFields: Record<string, unknown>;
  createdAt: Ms;
  updatedAt: Ms;
  closedAt: Ms | null;
  timeToFillStartAt: Ms | null;
  timeToFillEndAt: Ms | null;
}

/** Posting categories; `requisitionCodes` on the posting is the posting→requisition link. */
export interface LeverPostingCategories {
  team: string | null;
  department: string | null;
  location: string | null;
  commitment: string | null;
  level: string | null;
  allLocations: string[];
}

/** A stored posting (`/postings`). */
export interface LeverPosting {
  id: string;
  text: string;
  state: 'published' | 'internal' | 'closed' | 'draft' | 'pending' | 'rejected';
  distributionChannels: ('public' | 'internal')[] | null;
  confidentiality: 'confidential' | 'non-confidential';
  user: string | null;
  owner: string | null;
  hiringManager: string | null;
  followers: string[];
  categories: LeverPostingCategories;
  tags: string[];
  content: {
    description: string;
    descriptionHtml: string;
    lists: { text: string; content: string }[];
    closing: string;
    closingHtml: string;
  };
  country: string | null;
  reqCode: string | null;
  requisitionCodes: string[];
  salaryRange: { min: number; max: number; currency: string; interval: string } | null;
  workplaceType: string;
  createdAt: Ms;
  updatedAt: Ms;
}

/** A pipeline stage; built-in ids are slugs (`applicant-new`, `offer`), custom ones UUIDs. */
export interface LeverStage {
  id: string;
  text: string;
}

/** An archive reason; hires are archived with a reason of `type: 'hired'`. */
export interface LeverArchiveReason {
  id: string;
  text: string;
  status: 'active' | 'inactive';
  type: 'hired' | 'non-hired';
}

/** `{ reason, archivedAt }` when archived. */
export interface LeverArchived {
  reason: string;
  archivedAt: Ms;
}

/** The single application linking an opportunity to a posting (stored inside the opportunity). */
export interface LeverApplication {
  id: string;
  type: 'posting' | 'user' | 'referral' | 'agency';
  posting: string | null;
  user: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  createdAt: Ms;
  requisitionForHire: { id: string; requisitionCode: string; hiringManagerOnHire: string | null } | null;
}

/** One offer-form field; start date and compensation live here (dates in ms). */
export interface LeverOfferField {
  text: string;
  identifier: string;
  value: string | number | null;
}

/** Offer statuses. */
export type LeverOfferStatus = 'draft' | 'approval-sent' | 'approved' | 'sent' | 'sent-manually' | 'opened' | 'denied' | 'signed';

/** An offer (stored inside its opportunity; `GET /opportunities/:id/offers`). */
export interface LeverOffer {
  id: string;
  posting: string | null;
  createdAt: Ms;
  status: LeverOfferStatus;
  creator: string | null;
  fields: LeverOfferField[];
  approved: boolean;
  approvedAt: Ms | null;
  sentAt: Ms | null;
  sentDocument: null | { fileName: string; uploadedAt: Ms; downloadUrl: string };
  signedDocument: null | { fileName: string; uploadedAt: Ms; downloadUrl: string };
}

/** A stage change in the opportunity's history. */
export interface LeverStageChange {
  toStageId: string;
  toStageIndex: number;
  updatedAt: Ms;
  userId: string | null;
}

/** A stored opportunity with its contact data, application and offers. */
export interface LeverOpportunity {
  id: string;
  name: string;
  headline: string;
  /** Contact (person) id; `GET /contacts/:id` is derived from the opportunities sharing it. */
  contact: string;
  stage: string;
  confidentiality: 'confidential' | 'non-confidential';
  location: string | null;
  emails: string[];
  phones: { type?: string; value: string }[];
  links: string[];
  tags: string[];
  sources: string[];
  origin: 'agency' | 'applied' | 'internal' | 'referred' | 'sourced' | 'university';
  archived: LeverArchived | null;
  stageChanges: LeverStageChange[];
  sourcedBy: string | null;
  owner: string | null;
  followers: string[];
  createdAt: Ms;
  updatedAt: Ms;
  lastInteractionAt: Ms;
  lastAdvancedAt: Ms;
  snoozedUntil: Ms | null;
  isAnonymized: boolean;
  application: LeverApplication | null;
  offers: LeverOffer[];
}

/** Webhook events Lever can deliver. */
export type LeverWebhookEvent =
  | 'applicationCreated'
  | 'candidateStageChange'
  | 'candidateArchiveChange'
  | 'candidateHired'
  | 'candidateDeleted'
  | 'interviewCreated'
  | 'interviewUpdated'
  | 'interviewDeleted'
  | 'contactCreated'
  | 'contactUpdated';

/** Opportunity origins a webhook can be conditioned on. */
export type LeverOrigin = LeverOpportunity['origin'];

/** A registered webhook; `signatureToken` is only ever returned by the create call. */
export interface LeverWebhook {
  id: string;
  event: LeverWebhookEvent;
  url: string;
  configuration: { conditions: { origins: LeverOrigin[] } };
  signatureToken: string;
  createdAt: Ms;
  updatedAt: Ms;
}

/** The complete state of the fake Lever. */
export interface LeverState {
  keys: LeverApiKey[];
  users: LeverUser[];
  requisitionFields: LeverRequisitionField[];
  requisitions: LeverRequisition[];
  postings: LeverPosting[];
  stages: LeverStage[];
  archiveReasons: LeverArchiveReason[];
  opportunities: LeverOpportunity[];
  webhooks: LeverWebhook[];
}

/** Makes all properties optional except the listed ones. */
export type SeedOf<T, K extends keyof T> = Partial<T> & Pick<T, K>;

/** Seed form of an opportunity: nested application/offers may omit their defaults too. */
export type LeverOpportunitySeed = Omit<SeedOf<LeverOpportunity, 'id' | 'name'>, 'application' | 'offers'> & {
  application?: SeedOf<LeverApplication, 'posting'> | null;
  offers?: SeedOf<LeverOffer, 'fields'>[];
};

/**
 * What `control.seed` accepts: every collection optional (stages and archive reasons default to
 * Lever's built-ins incl. a "Hired" reason), every record needing only its identifying fields;
 * the rest gets Lever's defaults (ids: seeded UUIDs, timestamps: the clock, lists: empty).
 */
export interface LeverSeed {
  keys?: SeedOf<LeverApiKey, 'id' | 'secret'>[];
  users?: SeedOf<LeverUser, 'id' | 'name' | 'email'>[];
  requisitionFields?: SeedOf<LeverRequisitionField, 'id' | 'text' | 'type'>[];
  requisitions?: SeedOf<LeverRequisition, 'requisitionCode' | 'name' | 'headcountTotal'>[];
  postings?: SeedOf<LeverPosting, 'id' | 'text'>[];
  stages?: LeverStage[];
  archiveReasons?: SeedOf<LeverArchiveReason, 'id' | 'text' | 'type'>[];
  opportunities?: LeverOpportunitySeed[];
  webhooks?: SeedOf<LeverWebhook, 'event' | 'url' | 'signatureToken'>[];
}
