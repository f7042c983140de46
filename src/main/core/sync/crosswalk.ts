/**
 * Value crosswalks between the systems (departments, teams, locations,
 * employment types, user emails), per profile. A value with no counterpart is
 * collected as "unmapped", and the record it belongs to is skipped rather than
 * written with a wrong value.
 */
import type { UnmappedValue } from '../../../shared/api/sync-views.ts';

/** The kinds of values that are crosswalked. */
export type CrosswalkKind = UnmappedValue['kind'];

/** Looks values up and collects the ones that could not be mapped. */
export interface Crosswalk {
  /**
   * Map `value` (from the source system) to the target system: the profile's
   * explicit mapping first, then an exact (case-insensitive) name match among
   * `targets`. Returns null and records the value when neither exists.
   */
  map(kind: CrosswalkKind, value: string, targets: ReadonlyMap<string, string>): string | null;
  unmapped(): UnmappedValue[];
}

/** Create a crosswalk over the profile's explicit mappings (source value → target value). */
export function createCrosswalk(explicit: Partial<Record<CrosswalkKind, Record<string, string>>>): Crosswalk {
  const misses = new Map<string, UnmappedValue>();
  return {
    map(kind, value, targets) {
      const mapped = explicit[kind]?.[value] ?? Object.entries(explicit[kind] ?? {}).find(([k]) => k.toLowerCase() === value.toLowerCase())?.[1];
      const wanted = (mapped ?? value).toLowerCase();
      const hit = targets.get(wanted);
      if (hit !== undefined) return hit;
      const key = `${kind}\u0000${value}`;
      const miss = misses.get(key) ?? { kind, value, records: 0 };
      miss.records += 1;
      misses.set(key, miss);
      return null;
    },
    unmapped: () => [...misses.values()].sort((a, b) => a.kind.localeCompare(b.kind) || b.records - a.records || a.value.localeCompare(b.value)),
  };
}

/** Index target values by lower-cased name (value → canonical value or id). */
export function indexByName<T>(items: Iterable<T>, name: (item: T) => string, value: (item: T) => string): Map<string, string> {
  const index = new Map<string, string>();
  for (const item of items) index.set(name(item).toLowerCase(), value(item));
  return index;
}
