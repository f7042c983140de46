/**
 * Value crosswalks between the systems (departments, teams, locations,
 * employment types, user emails), per profile. The profile's mappings are
 * written ChartHop value → Lever value; inbound looks them up in reverse.
 * A value with no counterpart is reported as "unmapped", and the record it
 * belongs to is skipped rather than written with a wrong value.
 */
import { nameKey } from './fields.ts';
import type { MappableValue, SystemSide } from '../../../shared/api/mapping-views.ts';
import type { UnmappedValue } from '../../../shared/api/sync-views.ts';
import { isMappableValue } from '../../../shared/settings/mapping-edits.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';

/** The kinds of values that are crosswalked. */
export type CrosswalkKind = UnmappedValue['kind'];

/** A value of one record that could not be mapped. */
export interface Miss {
  kind: CrosswalkKind;
  value: string;
}

const KIND_KEYS: Record<CrosswalkKind, keyof ProfileSettings['mappings']> = {
  department: 'departments',
  team: 'teams',
  location: 'locations',
  employment: 'employmentTypes',
  user: 'users',
};

const norm = nameKey;

/** Looks values up in a profile's explicit mappings, both ways, case-insensitively. */
export interface Crosswalk {
  /** The Lever value the profile maps a ChartHop value to, or undefined when it has no mapping. */
  toLever(kind: CrosswalkKind, charthopValue: string): string | undefined;
  /** The ChartHop values the profile maps to this Lever value (usually none or one). */
  toCharthop(kind: CrosswalkKind, leverValue: string): string[];
}

/** Create a crosswalk over the profile's mappings (ChartHop value → Lever value). */
export function createCrosswalk(mappings: Partial<ProfileSettings['mappings']>): Crosswalk {
  const forward = new Map<CrosswalkKind, Map<string, string>>();
  const reverse = new Map<CrosswalkKind, Map<string, string[]>>();
  for (const kind of Object.keys(KIND_KEYS) as CrosswalkKind[]) {
    const table = mappings[KIND_KEYS[kind]] ?? {};
    const f = new Map<string, string>();
    const r = new Map<string, string[]>();
    for (const [from, to] of Object.entries(table)) {
      if (!from.trim() || !to.trim()) continue;
      f.set(norm(from), to.trim());
      r.set(norm(to), [...(r.get(norm(to)) ?? []), from.trim()]);
    }
    forward.set(kind, f);
    reverse.set(kind, r);
  }
  return {
    toLever: (kind, value) => forward.get(kind)?.get(norm(value)),
    toCharthop: (kind, value) => reverse.get(kind)?.get(norm(value)) ?? [],
  };
}

/** Counts unmapped values over records (each record counts once per value); `from`: the system the values come from. */
export function tallyUnmapped(perRecord: Iterable<readonly Miss[]>, from?: SystemSide): UnmappedValue[] {
  const tally = new Map<string, UnmappedValue>();
  for (const misses of perRecord) {
    const seen = new Set<string>();
    for (const miss of misses) {
      const key = `${miss.kind}\u0000${miss.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = tally.get(key) ?? { kind: miss.kind, value: miss.value, records: 0, ...(from ? { from } : {}) };
      entry.records += 1;
      tally.set(key, entry);
    }
  }
  return [...tally.values()].sort((a, b) => a.kind.localeCompare(b.kind) || b.records - a.records || a.value.localeCompare(b.value));
}

/** "department "R&D", user "nora@x.example"": misses as a phrase for a reason sentence. */
export function describeMisses(misses: readonly Miss[]): string {
  return misses.map((m) => `${m.kind} "${m.value}"`).join(', ');
}

/** A record's misses that a mapping can fix, once each (a person without email or an ambiguous name cannot be mapped). */
export function mappableMisses(misses: readonly Miss[], from: SystemSide): MappableValue[] {
  const seen = new Set<string>();
  const out: MappableValue[] = [];
  for (const miss of misses) {
    const key = `${miss.kind}\u0000${miss.value}`;
    if (seen.has(key) || !isMappableValue(miss.kind, miss.value)) continue;
    seen.add(key);
    out.push({ kind: miss.kind, value: miss.value, from });
  }
  return out;
}
