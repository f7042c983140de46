/**
 * Unmapped values for Home: from the last plan of this session (structured), or
 * from the skipped items of the profile's last sync run, whose reason sentences
 * name each value as `department "R&D"` (the engine's fixed wording).
 */
import type { SystemSide } from '../../../shared/api/mapping-views.ts';
import type { RunItemView, UnmappedValue } from '../../../shared/api/sync-views.ts';
import { listAnd, plural } from './wording.ts';

/** The unmapped values Home knows of for a profile, and where they come from. */
export interface UnmappedNote {
  source: 'plan' | 'run';
  /** The run whose items were read (source `run`). */
  runId: number | null;
  /** When the plan was made or the run started, to prefer the newer of the two. */
  at: string;
  values: UnmappedValue[];
}

const KINDS: ReadonlyArray<UnmappedValue['kind']> = ['department', 'team', 'location', 'employment', 'user'];
const NAMED = /\b(department|team|location|employment|user) "([^"]*)"/g;

const KIND_WORDS: Record<UnmappedValue['kind'], string> = {
  department: 'department',
  team: 'team',
  location: 'location',
  employment: 'employment type',
  user: 'user',
};

/** Tally the values named by a run's `unmapped_value` items (each record counts once per value); `from`: the system they come from. */
export function unmappedFromItems(items: readonly RunItemView[], from?: SystemSide): UnmappedValue[] {
  const tally = new Map<string, UnmappedValue>();
  for (const item of items) {
    if (item.reason !== 'unmapped_value') continue;
    const seen = new Set<string>();
    for (const [, kind, value] of item.reasonText.matchAll(NAMED)) {
      if (!kind || value === undefined || !KINDS.includes(kind as UnmappedValue['kind'])) continue;
      const key = `${kind}\u0000${value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = tally.get(key) ?? { kind: kind as UnmappedValue['kind'], value, records: 0, ...(from ? { from } : {}) };
      entry.records += 1;
      tally.set(key, entry);
    }
  }
  return [...tally.values()].sort((a, b) => b.records - a.records || a.value.localeCompare(b.value));
}

/** `user “a@b” (7 records), department “R&D” (1 record) and 2 more`. */
export function unmappedList(values: readonly UnmappedValue[], max = 3): string {
  const shown = values.slice(0, max).map((v) => `${KIND_WORDS[v.kind]} “${v.value}” (${plural(v.records, 'record')})`);
  const more = values.length - shown.length;
  return listAnd(more > 0 ? [...shown, `${more} more`] : shown);
}
