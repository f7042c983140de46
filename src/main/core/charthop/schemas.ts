/**
 * zod schemas for the ChartHop responses ReqBridge reads (charthop-api.md
 * §1–8), written from the reference, not from the sandbox. Objects are loose.
 * Job rows expose `id` or `jobId` depending on the caller's `fields`; both are
 * accepted and `id` is always filled in.
 */
import { z } from 'zod';

function withId<T extends { id?: string | null | undefined; jobId?: string | null | undefined }>(
  row: T,
  ctx: z.RefinementCtx,
): T & { id: string } {
  const id = row.id ?? row.jobId;
  if (typeof id !== 'string' || id === '') {
    ctx.addIssue({ code: 'custom', path: ['id'], message: 'expected a string id (id or jobId)' });
    return z.NEVER;
  }
  return { ...row, id };
}

/** A job in ChartHop's default JSON (§3.2); built-in recruiting codes may appear top-level. */
export const jobSchema = z
  .looseObject({
    id: z.string().nullish(),
    jobId: z.string().nullish(),
    title: z.string().nullish(),
    open: z.string().nullish(),
    state: z.string().nullish(),
    groupIds: z.array(z.string()).nullish(),
    personId: z.string().nullish(),
    fields: z.record(z.string(), z.unknown()).nullish(),
  })
  .transform(withId);

/** A job or person row projected with `fields=`: flat keys exactly as requested (§1.6). */
export const rowSchema = z
  .record(z.string(), z.unknown())
  .transform((row, ctx) => withId(row as Record<string, unknown> & { id?: string; jobId?: string }, ctx));

/** A person (§4.2). */
export const personSchema = z.looseObject({
  id: z.string(),
  name: z.looseObject({ first: z.string().nullish(), last: z.string().nullish(), pref: z.string().nullish() }).nullish(),
  contacts: z.array(z.looseObject({ type: z.string(), value: z.string() })).nullish(),
  fields: z.record(z.string(), z.unknown()).nullish(),
  jobId: z.string().nullish(),
});

/** A department, team or location (§5). */
export const groupSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  slug: z.string().nullish(),
  code: z.string().nullish(),
  aliases: z.array(z.string()).nullish(),
  parentGroupId: z.string().nullish(),
  locationType: z.string().nullish(),
});

/** An org (§1.3). */
export const orgSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  slug: z.string().nullish(),
  status: z.string().nullish(),
});

/** The token's own user (`GET /v1/user/me`). */
export const meSchema = z.looseObject({ id: z.string(), type: z.string().nullish(), name: z.string().nullish() });

/** A field definition (§6). */
export const fieldSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  label: z.string().nullish(),
  type: z.string(),
  entityType: z.string().nullish(),
});

/** A change on a job's timeline (§7). */
export const changeSchema = z.looseObject({
  id: z.string(),
  jobId: z.string().nullish(),
  type: z.string(),
  date: z.string().nullish(),
  status: z.string().nullish(),
  personId: z.string().nullish(),
});

/** An entry of the events feed (§8.1); `at` is an integer timestamp. */
export const eventSchema = z.looseObject({
  id: z.string(),
  at: z.number(),
  code: z.string().nullish(),
  type: z.string().nullish(),
  entityType: z.string().nullish(),
  entityId: z.string().nullish(),
  jobId: z.string().nullish(),
  personId: z.string().nullish(),
});

/** `ResultsData`: `{ data, next? }` (§1.5). */
export function results<T extends z.ZodType>(item: T) {
  return z.looseObject({ data: z.array(item), next: z.union([z.string(), z.number()]).nullish() });
}

/** What a create answers: only its id is trusted. */
export const createdSchema = z.looseObject({ id: z.string() });

/** A job (default JSON). */
export type ChartHopJob = z.output<typeof jobSchema>;
/** A projected row (keys as requested). */
export type ChartHopRow = z.output<typeof rowSchema>;
/** A person. */
export type ChartHopPerson = z.output<typeof personSchema>;
/** A group. */
export type ChartHopGroup = z.output<typeof groupSchema>;
/** An org. */
export type ChartHopOrg = z.output<typeof orgSchema>;
/** A field definition. */
export type ChartHopField = z.output<typeof fieldSchema>;
/** A change. */
export type ChartHopChange = z.output<typeof changeSchema>;
/** An event. */
export type ChartHopEvent = z.output<typeof eventSchema>;
