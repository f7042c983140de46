/**
 * Reading the values that decide "does this record already exist?" from every
 * shape ChartHop documents for them (charthop-api.md §1.6, §4.2): flat rows
 * keyed by the requested field codes (in any letter case), a nested `contact`
 * object, the typed `contacts[]` array, and job codes top-level or under
 * `fields`. A row that holds none of those shapes is *unreadable*: its answer
 * means "cannot tell", never "not found" — so nothing is created on a guess.
 */
import { AppError, isAppError } from '../errors.ts';

/** A value read from an answer, or why the answer could not be read. */
export type IdentityRead<T> = { readable: true; value: T } | { readable: false; why: string };

/** The kinds of a person's email address, as ChartHop names their codes (`contact.workEmail` …). */
export type EmailKind = 'work' | 'home' | 'personal';

const EMAIL_KINDS: readonly EmailKind[] = ['work', 'home', 'personal'];

/** The contact types of each kind in `contacts[]` (ChartHop stores personal addresses as HOME_EMAIL). */
const CONTACT_TYPES: Record<EmailKind, readonly string[]> = {
  work: ['WORK_EMAIL'],
  home: ['HOME_EMAIL'],
  personal: ['PERSONAL_EMAIL', 'HOME_EMAIL'],
};

/** The contact code ReqBridge's Lever mark is read from in flat and nested shapes. */
const LEVER_CODE = 'lever';

type Bag = Record<string, unknown>;

const isBag = (value: unknown): value is Bag => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The own keys of `row` whose lower-cased name is in `names`, with their values. */
function entriesNamed(row: Bag, names: ReadonlySet<string>): unknown[] {
  return Object.entries(row)
    .filter(([key]) => names.has(key.toLowerCase()))
    .map(([, value]) => value);
}

/** The value of the first own key of `row` equal to `name` in any letter case (and whether there was one). */
function keyOf(row: Bag, name: string): { present: boolean; value: unknown } {
  const lower = name.toLowerCase();
  const key = Object.keys(row).find((k) => k.toLowerCase() === lower);
  return key === undefined ? { present: false, value: undefined } : { present: true, value: row[key] };
}

const strings = (values: readonly unknown[]): string[] =>
  values
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** The contact values of `contacts[]` entries that `accept` takes. */
function contactValues(contacts: unknown[], accept: (type: string, format: string) => boolean): string[] {
  const out: unknown[] = [];
  for (const c of contacts) {
    if (!isBag(c)) continue;
    const type = typeof c['type'] === 'string' ? c['type'].toUpperCase() : '';
    const format = typeof c['format'] === 'string' ? c['format'].toUpperCase() : '';
    if (accept(type, format)) out.push(c['value']);
  }
  return strings(out);
}

/**
 * The email addresses of a person row or write body (all kinds, or only `kinds`), from whichever
 * documented shape it holds: flat `contact.workEmail` / `contact.homeEmail` / `contact.personalEmail`
 * keys (any case), top-level `workEmail`-style keys, a nested `contact` object, and `contacts[]`
 * entries (every entry of format EMAIL when all kinds are asked for, else those of the kinds' types).
 * Unreadable when the row holds none of those shapes (e.g. a row without the projected keys).
 */
export function personEmails(row: unknown, kinds: readonly EmailKind[] = EMAIL_KINDS): IdentityRead<string[]> {
  if (!isBag(row)) return { readable: false, why: 'the answer is not an object' };
  const codes = kinds.map((kind) => `${kind}email`);
  const found: unknown[] = entriesNamed(row, new Set(codes.flatMap((code) => [`contact.${code}`, code])));
  let shapes = found.length;
  const nested = keyOf(row, 'contact');
  if (isBag(nested.value)) {
    shapes += 1;
    found.push(...entriesNamed(nested.value, new Set(codes)));
  }
  const contacts = keyOf(row, 'contacts');
  if (Array.isArray(contacts.value)) {
    shapes += 1;
    const types = new Set(kinds.flatMap((kind) => CONTACT_TYPES[kind]));
    const all = kinds.length === EMAIL_KINDS.length;
    found.push(
      ...contactValues(contacts.value, (type, format) => types.has(type) || (all && (format === 'EMAIL' || /(^|_)EMAIL$/.test(type)))),
    );
  }
  if (shapes === 0)
    return {
      readable: false,
      why: 'it holds no email field (no contact.workEmail / contact.homeEmail keys, no contact object, no contacts list)',
    };
  return { readable: true, value: [...new Set(strings(found))] };
}

/**
 * The Lever ids a person carries as contacts (ReqBridge's mark of the opportunity it created the
 * person for): `contacts[]` entries of type LEVER, a flat `contact.lever` key, or `lever` in a
 * nested `contact` object. Unreadable when the person holds no contact data in any shape.
 */
export function personLeverIds(row: unknown): IdentityRead<string[]> {
  if (!isBag(row)) return { readable: false, why: 'the answer is not an object' };
  const found: unknown[] = [];
  let shapes = 0;
  const flat = entriesNamed(row, new Set([`contact.${LEVER_CODE}`]));
  if (flat.length > 0) {
    shapes += 1;
    found.push(...flat);
  }
  const nested = keyOf(row, 'contact');
  if (isBag(nested.value)) {
    shapes += 1;
    found.push(...entriesNamed(nested.value, new Set([LEVER_CODE])));
  }
  const contacts = keyOf(row, 'contacts');
  if (Array.isArray(contacts.value)) {
    shapes += 1;
    found.push(...contactValues(contacts.value, (type) => type === LEVER_CODE.toUpperCase()));
  }
  if (shapes === 0) return { readable: false, why: 'it holds no contact data (no contacts list, no contact object, no contact.lever key)' };
  return { readable: true, value: [...new Set(strings(found))] };
}

/**
 * A job's identifying field (`req`, `leverReqId`, a custom link field): a flat key of that code in
 * any case (projected rows, and built-in codes top-level in default JSON), or the code under
 * `fields`. Null when present but empty. Unreadable when the row holds the code nowhere.
 */
export function jobKeyValue(row: unknown, field: string): IdentityRead<string | null> {
  if (!isBag(row)) return { readable: false, why: 'the answer is not an object' };
  const candidates = [keyOf(row, field)];
  const fields = keyOf(row, 'fields');
  if (isBag(fields.value)) candidates.push(keyOf(fields.value, field));
  const present = candidates.filter((c) => c.present);
  if (present.length === 0)
    return { readable: false, why: `it holds no "${field}" field (the answer did not project the field asked for)` };
  const [value] = strings(present.map((c) => c.value));
  return { readable: true, value: value ?? null };
}

/** What a lookup that could not read its answer was looking for, for the sentence. */
export interface UnreadableLookup {
  /** The system that answered. */
  system: 'ChartHop' | 'Lever';
  /** e.g. "a ChartHop person with the email ada@example.com". */
  what: string;
  /** Why the answer could not be read (from {@link IdentityRead}). */
  why: string;
  /** How many rows of the answer could not be read. */
  rows: number;
}

/**
 * A lookup that decides between "exists" and "create" got an answer it cannot read: ReqBridge
 * cannot tell whether the record exists, so it writes nothing and asks (fail closed).
 */
export class IdentityUnreadableError extends AppError {
  readonly lookup: UnreadableLookup;

  constructor(lookup: UnreadableLookup) {
    super(
      'identity.unreadable',
      `ReqBridge could not tell whether ${lookup.what} already exists: ${lookup.system} answered the search with ${lookup.rows === 1 ? 'a row' : `${lookup.rows} rows`} it cannot read (${lookup.why}), so nothing was created.`,
    );
    this.lookup = lookup;
  }
}

/** True when `error` is an {@link IdentityUnreadableError} (also across module copies). */
export function isIdentityUnreadable(error: unknown): error is IdentityUnreadableError {
  return isAppError(error) && error.code === 'identity.unreadable';
}
