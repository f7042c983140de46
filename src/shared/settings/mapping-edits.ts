/**
 * Edits of a profile's value crosswalks (ChartHop value → Lever value), shared by the core's
 * `mappings:set` / `mappings:remove`, the CLI's `reqbridge mapping` and the Map… dialog. Keys are
 * compared as the engine compares names (case, runs of spaces and Unicode forms aside), so setting
 * "r&d" replaces an existing "R&D" instead of adding a second, conflicting key.
 */
import type { MappableValue, MappingKind } from '../api/mapping-views.ts';
import type { ProfileSettings } from './schema.ts';

/** A profile's crosswalks, one table per kind. */
export type Mappings = ProfileSettings['mappings'];

/** Every kind of crosswalk, in the order Setup lists them. */
export const MAPPING_KINDS: readonly MappingKind[] = ['department', 'team', 'location', 'employment', 'user'];

/** The settings key of each kind's table. */
export const MAPPING_TABLES: Readonly<Record<MappingKind, keyof Mappings>> = {
  department: 'departments',
  team: 'teams',
  location: 'locations',
  employment: 'employmentTypes',
  user: 'users',
};

/** Each kind in words: "department", "employment type", "user". */
export const MAPPING_KIND_WORDS: Readonly<Record<MappingKind, string>> = {
  department: 'department',
  team: 'team',
  location: 'location',
  employment: 'employment type',
  user: 'user',
};

/** The longest value a mapping takes. */
export const MAPPING_VALUE_MAX = 300;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A name as the engine compares it: Unicode-normalised, runs of white space as one, trimmed, lower case. */
export function mappingKey(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The kind a word names, singular or plural, any case: `department(s)`, `team(s)`, `location(s)`,
 * `employment`, `employment-type(s)`, `employmentTypes`, `user(s)`; null for anything else.
 */
export function mappingKindOf(word: string): MappingKind | null {
  const w = word
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  if (w === 'employment' || w === 'employmenttype' || w === 'employmenttypes') return 'employment';
  const singular = w.endsWith('s') ? w.slice(0, -1) : w;
  return MAPPING_KINDS.find((kind) => kind === singular && kind !== 'employment') ?? null;
}

/**
 * Why a value cannot be stored as `kind`'s mapping, as a sentence; null when it can. A user
 * mapping maps an email to an email: anything else could never match a person.
 */
export function mappingValueProblem(kind: MappingKind, value: string, system: 'ChartHop' | 'Lever'): string | null {
  const v = value.trim();
  if (!v) return `Give the ${system} ${MAPPING_KIND_WORDS[kind]}: it is empty.`;
  if (v.length > MAPPING_VALUE_MAX) {
    return `The ${system} ${MAPPING_KIND_WORDS[kind]} is longer than ${MAPPING_VALUE_MAX} characters: copy the exact value from ${system}.`;
  }
  if (kind === 'user' && !EMAIL.test(v))
    return `A user mapping pairs email addresses; "${v}" is not one. Give the person's ${system} email.`;
  return null;
}

/** The key of `table` that names `value` (compared as the engine compares), or undefined. */
function keyFor(table: Readonly<Record<string, string>>, value: string): string | undefined {
  const wanted = mappingKey(value);
  return Object.keys(table).find((key) => mappingKey(key) === wanted);
}

/** The Lever value `charthopValue` maps to now, or undefined. */
export function mappedValue(mappings: Mappings, kind: MappingKind, charthopValue: string): string | undefined {
  const table = mappings[MAPPING_TABLES[kind]];
  const key = keyFor(table, charthopValue);
  return key === undefined ? undefined : table[key];
}

/** `kind`'s table with ChartHop `charthopValue` → Lever `leverValue` (an existing key for the same name is replaced). */
export function withMapping(mappings: Mappings, kind: MappingKind, charthopValue: string, leverValue: string): Record<string, string> {
  const table = { ...mappings[MAPPING_TABLES[kind]] };
  const old = keyFor(table, charthopValue);
  if (old !== undefined) delete table[old];
  table[charthopValue.trim()] = leverValue.trim();
  return table;
}

/** `kind`'s table without the mapping of `charthopValue`; null when there is none to remove. */
export function withoutMapping(mappings: Mappings, kind: MappingKind, charthopValue: string): Record<string, string> | null {
  const table = { ...mappings[MAPPING_TABLES[kind]] };
  const old = keyFor(table, charthopValue);
  if (old === undefined) return null;
  delete table[old];
  return table;
}

/** The ChartHop → Lever pair a Map… choice makes: the unmapped value on its own side, the picked counterpart on the other. */
export function mappingPair(value: MappableValue, counterpart: string): { charthop: string; lever: string } {
  return value.from === 'charthop' ? { charthop: value.value, lever: counterpart } : { charthop: counterpart, lever: value.value };
}

/** True when a value shown as unmapped names something a mapping can fix (not "a person without email" or "matches 2 teams"). */
export function isMappableValue(kind: MappingKind, value: string): boolean {
  if (/\(matches \d+ ChartHop \w+\)$/.test(value) || /\(no work email\)$/.test(value)) return false;
  return mappingValueProblem(kind, value, 'ChartHop') === null;
}
