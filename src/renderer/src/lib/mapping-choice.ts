/**
 * What the Map… button and dialog need to know: whether a value is mapped now, how to find the
 * counterpart in a long list, what a save would replace, and which values a run item's reason names.
 */
import type { CounterpartChoice, MappableValue, SystemSide } from '../../../shared/api/mapping-views.ts';
import type { SyncDirection } from '../../../shared/api/sync-views.ts';
import type { Mappings } from '../../../shared/settings/mapping-edits.ts';
import {
  MAPPING_KINDS,
  MAPPING_KIND_WORDS,
  MAPPING_TABLES,
  isMappableValue,
  mappedValue,
  mappingKey,
  mappingPair,
} from '../../../shared/settings/mapping-edits.ts';

/** "ChartHop" or "Lever". */
export const SYSTEM_NAMES: Readonly<Record<SystemSide, string>> = { charthop: 'ChartHop', lever: 'Lever' };

/** The other system. */
export function otherSide(side: SystemSide): SystemSide {
  return side === 'charthop' ? 'lever' : 'charthop';
}

/** The system a run's or plan's unmapped values come from: Lever on an inbound sync, ChartHop otherwise. */
export function sideOfDirection(direction: SyncDirection): SystemSide {
  return direction === 'inbound' ? 'lever' : 'charthop';
}

/** The accessible name of a value's Map… button: `Map the ChartHop user “a@b.example”`. */
export function mapButtonLabel(value: MappableValue): string {
  return `Map the ${SYSTEM_NAMES[value.from]} ${MAPPING_KIND_WORDS[value.kind]} “${value.value}”`;
}

/** The counterpart the profile's mappings give the value now, or null while it is unmapped. */
export function mappedNow(mappings: Mappings, value: MappableValue): string | null {
  if (value.from === 'charthop') return mappedValue(mappings, value.kind, value.value) ?? null;
  const wanted = mappingKey(value.value);
  const hit = Object.entries(mappings[MAPPING_TABLES[value.kind]]).find(([, lever]) => mappingKey(lever) === wanted);
  return hit ? hit[0] : null;
}

/**
 * The mapping a save of `counterpart` would replace, as the Lever value it maps to now; null when it
 * replaces nothing. Only a Lever value mapped to a ChartHop one can: the ChartHop value may map elsewhere.
 */
export function replacedMapping(mappings: Mappings, value: MappableValue, counterpart: string): string | null {
  const { charthop, lever } = mappingPair(value, counterpart);
  const now = mappedValue(mappings, value.kind, charthop);
  return now !== undefined && mappingKey(now) !== mappingKey(lever) ? now : null;
}

/** The words of a value worth comparing: an email's local part split at dots and dashes, a name's words; three letters or more. */
function words(text: string): Set<string> {
  const local = text.includes('@') ? (text.split('@')[0] ?? '') : text;
  return new Set(
    local
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 3),
  );
}

/**
 * The choices that share words with the value first (most shared first), the rest in their order.
 * Nothing is picked: the consultant chooses, ReqBridge never maps on a guess.
 */
export function rankCounterparts(value: string, choices: readonly CounterpartChoice[]): CounterpartChoice[] {
  const wanted = words(value);
  const score = (choice: CounterpartChoice): number => {
    const have = new Set([...words(choice.label), ...words(choice.value)]);
    return [...wanted].filter((word) => have.has(word)).length;
  };
  return choices
    .map((choice, index) => ({ choice, index, score: score(choice) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.choice);
}

/** The choices whose value, label or detail contains the text (case aside); all of them for an empty text. */
export function filterCounterparts(choices: readonly CounterpartChoice[], text: string): CounterpartChoice[] {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return [...choices];
  return choices.filter((choice) => [choice.value, choice.label, choice.detail ?? ''].some((part) => part.toLowerCase().includes(wanted)));
}

const NAMED = /\b(department|team|location|employment|user) "([^"]*)"/g;

/** The values a mapping can fix among those a run item's reason names (the engine writes them as `user "a@b"`). */
export function unmappedFromReason(reasonText: string, from: SystemSide): MappableValue[] {
  const out: MappableValue[] = [];
  for (const [, kind, value] of reasonText.matchAll(NAMED)) {
    const known = MAPPING_KINDS.find((k) => k === kind);
    if (!known || value === undefined || !isMappableValue(known, value)) continue;
    if (!out.some((v) => v.kind === known && v.value === value)) out.push({ kind: known, value, from });
  }
  return out;
}
