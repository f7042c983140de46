/**
 * The outbound field map (ChartHop is the source of truth): what a job's
 * requisition should hold in Lever, as display values for the diff and as
 * the writes that produce them; and what a Lever requisition holds now, in
 * the same display vocabulary. Pure: no I/O.
 */
import type { Crosswalk, Miss } from './crosswalk.ts';
import type { FieldKey, FieldValues } from './fields.ts';
import {
  CONFIDENTIAL_SENSITIVITIES,
  EMPLOYMENT_TO_LEVER,
  INTERVAL_TO_LEVER,
  LEVER_REMOTE_LOCATION,
  canonical,
  compDisplay,
  intervalFromLever,
  yesNo,
} from './fields.ts';
import type { JobRecord, LeverUserRecord, PersonRef, RequisitionRecord } from './model.ts';
import { leverStatusFor } from './status-map.ts';

/** The Lever-side writes of the mapped fields (null clears a field). */
export interface LeverChanges {
  requisitionCode?: string;
  name?: string;
  status?: string;
  confidentiality?: 'confidential' | 'non-confidential';
  employmentStatus?: string | null;
  department?: string | null;
  team?: string | null;
  location?: string | null;
  hiringManager?: string | null;
  owner?: string | null;
  compensation?: { currency: string; interval: string; max: number } | null;
}

/** Which Lever write each field key produces. */
export const LEVER_WRITE_KEYS: Record<FieldKey, keyof LeverChanges> = {
  code: 'requisitionCode',
  title: 'name',
  status: 'status',
  confidential: 'confidentiality',
  employment: 'employmentStatus',
  department: 'department',
  team: 'team',
  location: 'location',
  hiringManager: 'hiringManager',
  recruiter: 'owner',
  compensation: 'compensation',
};

/** What the outbound mapping needs besides the job. */
export interface OutboundMapContext {
  crosswalk: Crosswalk;
  /** Lever users by canonical email (deactivated ones marked: never chosen, a warning instead). */
  usersByEmail: ReadonlyMap<string, LeverUserRecord>;
  remoteDefault: boolean;
  /** The code for a job without `req` (deterministic, so a retry looks for the same code). */
  generatedCode(jobId: string): string;
}

/** A mapped record: display values and writes, or why it cannot be mapped. */
export type MappedRecord<W> =
  /** `warnings`: odd data the record is written despite (a deactivated user left out, a name matched after normalising). */
  { ok: true; values: FieldValues; write: W; warnings: string[] } | { ok: false; misses: Miss[]; problems: string[] };

/** True when a job's sensitivity makes its requisition confidential. */
export function isConfidentialJob(job: Pick<JobRecord, 'sensitive'>): boolean {
  return job.sensitive !== null && CONFIDENTIAL_SENSITIVITIES.has(job.sensitive.toUpperCase());
}

/**
 * What the job's requisition should hold. `create` manages every field (the Remote default
 * applies to a job without location when the option is on); `update` leaves alone what cannot
 * or should not be overwritten: confidentiality (fixed at creation in Lever), an empty hiring
 * manager, recruiter or compensation in ChartHop, and an empty location under the Remote default.
 */
export function desiredRequisition(job: JobRecord, ctx: OutboundMapContext, purpose: 'create' | 'update'): MappedRecord<LeverChanges> {
  const values: FieldValues = {};
  const write: LeverChanges = {};
  const misses: Miss[] = [];
  const problems: string[] = [];
  const warnings: string[] = [];
  const set = (key: FieldKey, display: string | null, value: unknown): void => {
    values[key] = display;
    (write as Record<string, unknown>)[LEVER_WRITE_KEYS[key]] = value;
  };

  const code = job.req?.trim() || (purpose === 'create' ? ctx.generatedCode(job.id) : null);
  if (code) set('code', code, code);
  set('title', job.title.trim(), job.title.trim());
  const status = leverStatusFor(job.recruit, job.open);
  if (status) set('status', status, status);
  if (purpose === 'create') {
    const confidential = isConfidentialJob(job);
    set('confidential', yesNo(confidential), confidential ? 'confidential' : 'non-confidential');
  }

  if (job.employment) {
    const mapped = ctx.crosswalk.toLever('employment', job.employment) ?? EMPLOYMENT_TO_LEVER[job.employment.trim().toUpperCase()];
    if (mapped) set('employment', mapped, mapped);
    else misses.push({ kind: 'employment', value: job.employment });
  } else {
    set('employment', null, null);
  }

  for (const kind of ['department', 'team'] as const) {
    const value = job[kind];
    const mapped = value ? (ctx.crosswalk.toLever(kind, value) ?? value.trim()) : null;
    set(kind, mapped, mapped);
  }
  if (job.location) {
    const mapped = ctx.crosswalk.toLever('location', job.location) ?? job.location.trim();
    set('location', mapped, mapped);
  } else if (!ctx.remoteDefault) {
    set('location', null, null);
  } else if (purpose === 'create') {
    set('location', LEVER_REMOTE_LOCATION, LEVER_REMOTE_LOCATION);
  }

  for (const [key, person, role] of [
    ['hiringManager', job.hiringManager, 'hiring manager'],
    ['recruiter', job.recruiter, 'recruiter'],
  ] as const) {
    if (!person) {
      if (purpose === 'create') set(key, null, null);
      continue;
    }
    const user = leverUserFor(person, role, ctx, misses, warnings);
    if (user) set(key, canonical(user.email), user.id);
  }

  if (job.baseComp) {
    const interval = INTERVAL_TO_LEVER[job.baseComp.interval.toUpperCase()];
    if (!interval) problems.push(`the pay interval ${job.baseComp.interval} has no Lever equivalent`);
    else {
      const { amount, currency } = job.baseComp;
      set('compensation', compDisplay(amount, currency, job.baseComp.interval), {
        currency: currency.toUpperCase(),
        interval,
        max: amount,
      });
    }
  } else if (purpose === 'create') {
    set('compensation', null, null);
  }

  if (misses.length > 0 || problems.length > 0) return { ok: false, misses, problems };
  return { ok: true, values, write, warnings };
}

function leverUserFor(
  person: PersonRef,
  role: string,
  ctx: OutboundMapContext,
  misses: Miss[],
  warnings: string[],
): LeverUserRecord | null {
  if (!person.email) {
    misses.push({ kind: 'user', value: `ChartHop person ${person.id} (no work email)` });
    return null;
  }
  const email = ctx.crosswalk.toLever('user', person.email) ?? person.email;
  const user = ctx.usersByEmail.get(canonical(email));
  if (!user) misses.push({ kind: 'user', value: canonical(person.email) });
  // A deactivated user cannot hold the requisition, but the rest of it still syncs: the field is left out.
  if (user?.deactivated) {
    warnings.push(
      `The job's ${role}, ${user.name} (${canonical(user.email)}), is deactivated in Lever, so the requisition's ${role} was left as it is. Reactivate the user in Lever or set another ${role} on the job in ChartHop.`,
    );
    return null;
  }
  return user ?? null;
}

/** What a Lever requisition holds now, in display values. */
export function currentRequisition(req: RequisitionRecord, usersById: ReadonlyMap<string, LeverUserRecord>): FieldValues {
  const user = (id: string | null): string | null => (id ? (usersById.get(id)?.email.toLowerCase() ?? `Lever user ${id}`) : null);
  const band = req.compensationBand;
  return {
    code: req.code,
    title: req.name,
    status: req.status,
    confidential: yesNo(req.confidential),
    employment: req.employmentStatus,
    department: req.department,
    team: req.team,
    location: req.location,
    hiringManager: user(req.hiringManagerId),
    recruiter: user(req.ownerId),
    compensation:
      // Stryker disable next-line StringLiteral: equivalent; intervalFromLever reads a missing interval as yearly, so the last fallback is never reached.
      band && band.max !== null ? compDisplay(band.max, band.currency, intervalFromLever(band.interval) ?? band.interval ?? '') : null,
  };
}
