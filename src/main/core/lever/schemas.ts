/**
 * zod schemas for the Lever responses ReqBridge reads (lever-api.md §7–13).
 * Written from the reference, not from the sandbox. Objects are loose: fields
 * Lever adds later are kept, not rejected. Fields the engine relies on are
 * required; everything the reference saw as optional or null is nullish.
 */
import { z } from 'zod';

const ms = z.number();
const idList = z.array(z.string());
const nullableString = z.string().nullish();

/** `{ currency, interval, min, max }`; amounts may come back as strings. */
export const compensationBandSchema = z.looseObject({
  currency: z.string(),
  interval: z.string().nullish(),
  min: z.union([z.number(), z.string()]).nullish(),
  max: z.union([z.number(), z.string()]).nullish(),
});

/** A requisition in its GET shape (§7.2). */
export const requisitionSchema = z.looseObject({
  id: z.string(),
  requisitionCode: z.string(),
  name: z.string(),
  status: z.string(),
  headcountTotal: z.union([z.number(), z.literal('unlimited')]),
  headcountHired: z.number().nullish(),
  headcountInfinite: z.boolean().nullish(),
  backfill: z.boolean().nullish(),
  confidentiality: z.string().nullish(),
  creator: nullableString,
  owner: nullableString,
  hiringManager: nullableString,
  employmentStatus: nullableString,
  location: nullableString,
  department: nullableString,
  team: nullableString,
  internalNotes: nullableString,
  compensationBand: compensationBandSchema.nullish(),
  postings: idList.nullish(),
  offerIds: idList.nullish(),
  customFields: z.record(z.string(), z.unknown()).nullish(),
  createdAt: ms,
  updatedAt: ms.nullish(),
  closedAt: ms.nullish(),
});

/** A requisition custom-field definition (§8). */
export const requisitionFieldSchema = z.looseObject({
  id: z.string(),
  text: z.string(),
  type: z.string(),
  isRequired: z.boolean().nullish(),
  options: z.array(z.looseObject({ text: z.string() })).nullish(),
  subfields: z.array(z.looseObject({ id: z.string(), text: z.string(), type: z.string() })).nullish(),
});

/** Posting categories (§9.2). */
export const postingCategoriesSchema = z.looseObject({
  team: nullableString,
  department: nullableString,
  location: nullableString,
  commitment: nullableString,
  allLocations: z.array(z.string()).nullish(),
});

/** A posting (§9.2). */
export const postingSchema = z.looseObject({
  id: z.string(),
  text: z.string(),
  state: z.string(),
  confidentiality: z.string().nullish(),
  owner: nullableString,
  hiringManager: nullableString,
  categories: postingCategoriesSchema.nullish(),
  tags: z.array(z.string()).nullish(),
  requisitionCodes: z.array(z.string()).nullish(),
  createdAt: ms.nullish(),
  updatedAt: ms.nullish(),
});

/** A user (§13). */
export const userSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  accessRole: z.string().nullish(),
  deactivatedAt: ms.nullish(),
});

/** A pipeline stage (§10.6). */
export const stageSchema = z.looseObject({ id: z.string(), text: z.string() });

/** An archive reason; `type: 'hired'` marks hires (§10.6). */
export const archiveReasonSchema = z.looseObject({
  id: z.string(),
  text: z.string(),
  status: z.string().nullish(),
  type: z.string().nullish(),
});

const archivedSchema = z.looseObject({ reason: z.string().nullish(), archivedAt: ms.nullish() });

/** An application (§10.5); `requisitionForHire` is set once hired against a requisition. */
export const applicationSchema = z.looseObject({
  id: z.string(),
  type: z.string().nullish(),
  opportunityId: z.string().nullish(),
  posting: z.string().nullish(),
  requisitionForHire: z
    .looseObject({ id: z.string(), requisitionCode: z.string().nullish(), hiringManagerOnHire: nullableString })
    .nullish(),
});

/** A contact (§10.4): here `location` is an object. */
export const contactSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  emails: z.array(z.string()).nullish(),
  phones: z.array(z.looseObject({ type: z.string().nullish(), value: z.string() })).nullish(),
  location: z.union([z.looseObject({ name: z.string().nullish() }), z.string()]).nullish(),
});

/** An opportunity (§10.3); expandable fields are ids or objects. */
export const opportunitySchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  contact: z.union([z.string(), contactSchema]).nullish(),
  stage: z.union([z.string(), stageSchema]).nullish(),
  confidentiality: z.string().nullish(),
  location: nullableString,
  emails: z.array(z.string()).nullish(),
  phones: z.array(z.looseObject({ type: z.string().nullish(), value: z.string() })).nullish(),
  tags: z.array(z.string()).nullish(),
  origin: z.string().nullish(),
  archived: archivedSchema.nullish(),
  owner: z.union([z.string(), userSchema]).nullish(),
  applications: z.array(z.union([z.string(), applicationSchema])).nullish(),
  stageChanges: z.array(z.looseObject({ toStageId: z.string(), updatedAt: ms.nullish() })).nullish(),
  createdAt: ms,
  updatedAt: ms.nullish(),
});

/** An offer (§10.8): start date and compensation live in `fields`. */
export const offerSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  createdAt: ms,
  posting: nullableString,
  fields: z.array(z.looseObject({ text: z.string().nullish(), identifier: z.string().nullish(), value: z.unknown() })),
  sentAt: ms.nullish(),
  approvedAt: ms.nullish(),
});

/** A webhook (§12.5); `configuration.signatureToken` only in the create response. */
export const webhookSchema = z.looseObject({
  id: z.string(),
  event: z.string(),
  url: z.string(),
  configuration: z
    .looseObject({
      conditions: z.looseObject({ origins: z.array(z.string()).nullish() }).nullish(),
      signatureToken: z.string().nullish(),
    })
    .nullish(),
  createdAt: ms.nullish(),
});

/** `{ data: T }`. */
export function single<T extends z.ZodType>(item: T) {
  return z.looseObject({ data: item });
}

/** `{ data: T[], hasNext?, next? }` (§1.3: some lists omit hasNext). */
export function list<T extends z.ZodType>(item: T) {
  return z.looseObject({ data: z.array(item), hasNext: z.boolean().nullish(), next: z.string().nullish() });
}

/** A write response: only `data.id` is trusted (§7.3: write shapes differ from GET). */
export const writeResultSchema = single(z.looseObject({ id: z.string() }));

/** A requisition (GET shape). */
export type LeverRequisition = z.output<typeof requisitionSchema>;
/** A requisition custom-field definition. */
export type LeverRequisitionField = z.output<typeof requisitionFieldSchema>;
/** A posting. */
export type LeverPosting = z.output<typeof postingSchema>;
/** A Lever user. */
export type LeverUser = z.output<typeof userSchema>;
/** A pipeline stage. */
export type LeverStage = z.output<typeof stageSchema>;
/** An archive reason. */
export type LeverArchiveReason = z.output<typeof archiveReasonSchema>;
/** An application. */
export type LeverApplication = z.output<typeof applicationSchema>;
/** A contact. */
export type LeverContact = z.output<typeof contactSchema>;
/** An opportunity. */
export type LeverOpportunity = z.output<typeof opportunitySchema>;
/** An offer. */
export type LeverOffer = z.output<typeof offerSchema>;
/** A webhook. */
export type LeverWebhook = z.output<typeof webhookSchema>;
