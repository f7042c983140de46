/**
 * The mapped fields of a requisition ⇄ job pair, their display values and the
 * field-level diff. Both directions compare display strings in one shared
 * vocabulary (e.g. the hiring manager as an email, compensation as
 * "150000 USD per year"), so "what changed" means the same on both sides.
 */
import type { FieldDiff } from '../../../shared/api/sync-views.ts';

/** The fields of the field map (architecture.md §3), in display order. */
export const FIELD_KEYS = [
  'code',
  'title',
  'status',
  'confidential',
  'employment',
  'department',
  'team',
  'location',
  'hiringManager',
  'recruiter',
  'compensation',
] as const;

/** One mapped field. */
export type FieldKey = (typeof FIELD_KEYS)[number];

/** Display values of the mapped fields; a missing key means "not managed". */
export type FieldValues = Partial<Record<FieldKey, string | null>>;

/** Labels as the Reconcile sheet and the run log show them. */
export const FIELD_LABELS: Record<FieldKey, string> = {
  code: 'Requisition code',
  title: 'Title',
  status: 'Status',
  confidential: 'Confidential',
  employment: 'Employment type',
  department: 'Department',
  team: 'Team',
  location: 'Location',
  hiringManager: 'Hiring manager',
  recruiter: 'Recruiter',
  compensation: 'Compensation',
};

/** Fields compared without letter case (emails, enums). */
const CASELESS: ReadonlySet<FieldKey> = new Set(['hiringManager', 'recruiter', 'employment', 'confidential']);

/** ChartHop employment enum → Lever `employmentStatus` (lever-api.md §7.2). */
export const EMPLOYMENT_TO_LEVER: Readonly<Record<string, string>> = {
  FULL: 'full-time',
  PART: 'part-time',
  TEMP: 'temp-worker',
  CONTRACT: 'contractor',
  INTERN: 'intern',
};

/** ChartHop pay interval → Lever compensation interval. */
export const INTERVAL_TO_LEVER: Readonly<Record<string, string>> = {
  YEARLY: 'per-year-salary',
  MONTHLY: 'per-month-salary',
  WEEKLY: 'per-week-salary',
  DAILY: 'per-day-wage',
  HOURLY: 'per-hour-wage',
};

const INTERVAL_LABELS: Readonly<Record<string, string>> = {
  YEARLY: 'per year',
  MONTHLY: 'per month',
  WEEKLY: 'per week',
  DAILY: 'per day',
  HOURLY: 'per hour',
};

/** ChartHop sensitivities that mean "confidential" in Lever (Lever Confidential ⇒ Highly Sensitive). */
export const CONFIDENTIAL_SENSITIVITIES: ReadonlySet<string> = new Set(['HIGH', 'PRIVATE']);

/** The sensitivity written to a ChartHop job for a confidential requisition. */
export const CONFIDENTIAL_SENSITIVITY = 'HIGH';

/** The Lever location written by Remote Location As Default. */
export const LEVER_REMOTE_LOCATION = 'Remote';

/** The ChartHop pay interval for a Lever compensation interval, or null when there is none. */
export function intervalFromLever(interval: string | null | undefined): string | null {
  if (!interval) return 'YEARLY';
  const hit = Object.entries(INTERVAL_TO_LEVER).find(([, lever]) => lever === interval.trim().toLowerCase());
  return hit ? hit[0] : null;
}

/** "147000 USD per year": compensation in the shared vocabulary (ChartHop interval codes). */
export function compDisplay(amount: number, currency: string, interval: string): string {
  const label = INTERVAL_LABELS[interval.toUpperCase()] ?? interval;
  return `${String(Number(amount))} ${currency.toUpperCase()} ${label}`;
}

/** "yes"/"no" for the confidential flag. */
export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/**
 * A name as compared across the systems: Unicode-normalised (NFC, so "é" typed as one code point or
 * as "e" + accent is the same), runs of white space as one space, trimmed, lower case.
 */
export function nameKey(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Canonical email (trimmed, lower case). */
export function canonical(email: string): string {
  return email.trim().toLowerCase();
}

/** The value as compared: trimmed, empty as null, lower case where case does not matter. */
export function normalizeValue(key: FieldKey, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (trimmed === '') return null;
  return CASELESS.has(key) ? trimmed.toLowerCase() : trimmed;
}

/** True when two display values are the same for `key`. */
export function sameValue(key: FieldKey, a: string | null | undefined, b: string | null | undefined): boolean {
  return normalizeValue(key, a) === normalizeValue(key, b);
}

/** The fields of `desired` whose value differs from `current`, in display order. */
export function diffValues(current: FieldValues, desired: FieldValues, only?: (key: FieldKey) => boolean): FieldDiff[] {
  const out: FieldDiff[] = [];
  for (const key of FIELD_KEYS) {
    if (!(key in desired)) continue;
    if (only && !only(key)) continue;
    const after = desired[key] ?? null;
    const before = current[key] ?? null;
    if (sameValue(key, before, after)) continue;
    out.push({ field: key, label: FIELD_LABELS[key], before: trimOrNull(before), after: trimOrNull(after) });
  }
  return out;
}

/** Every managed field of `desired` as a diff from nothing (for creates). */
export function creationDiff(desired: FieldValues): FieldDiff[] {
  return diffValues({}, desired);
}

function trimOrNull(value: string | null): string | null {
  const v = value?.trim();
  return v ? v : null;
}

/** The field keys of a diff. */
export function diffKeys(diff: readonly FieldDiff[]): FieldKey[] {
  return diff.map((d) => d.field as FieldKey);
}
