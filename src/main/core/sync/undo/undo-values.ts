/**
 * From the display values a run item recorded back to the Lever writes that
 * restore them: the inverse of the outbound field map (fields.ts). A value
 * that cannot be turned back exactly (an unknown user, a compensation in an
 * unknown shape, the confidential flag Lever fixes at creation) is reported,
 * so the undo asks a person instead of writing a guess.
 */
import type { FieldKey } from '../fields.ts';
import { INTERVAL_TO_LEVER, canonical } from '../fields.ts';
import type { LeverUserRecord } from '../model.ts';
import type { LeverChanges } from '../outbound-map.ts';
import { LEVER_WRITE_KEYS } from '../outbound-map.ts';

const INTERVAL_BY_LABEL: Readonly<Record<string, string>> = {
  'per year': 'YEARLY',
  'per month': 'MONTHLY',
  'per week': 'WEEKLY',
  'per day': 'DAILY',
  'per hour': 'HOURLY',
};

/** The restoring writes, or the fields whose value cannot be turned back into a Lever write. */
export type RestoreWrites = { ok: true; changes: LeverChanges } | { ok: false; fields: FieldKey[] };

function userId(display: string, usersByEmail: ReadonlyMap<string, LeverUserRecord>): string | null {
  const unknown = /^Lever user (\S+)$/.exec(display.trim());
  if (unknown?.[1]) return unknown[1];
  return usersByEmail.get(canonical(display))?.id ?? null;
}

function compensation(display: string): LeverChanges['compensation'] | undefined {
  const match = /^(\d+(?:\.\d+)?) ([A-Za-z]{3}) (per (?:year|month|week|day|hour))$/.exec(display.trim());
  const code = match?.[3] ? INTERVAL_BY_LABEL[match[3]] : undefined;
  const interval = code ? INTERVAL_TO_LEVER[code] : undefined;
  if (!match?.[1] || !match[2] || !interval) return undefined;
  return { currency: match[2].toUpperCase(), interval, max: Number(match[1]) };
}

/** The Lever writes that put each field back to `values` (display values; null clears the field). */
export function restoreWrites(
  values: ReadonlyMap<FieldKey, string | null>,
  usersByEmail: ReadonlyMap<string, LeverUserRecord>,
): RestoreWrites {
  const out: Record<string, unknown> = {};
  const bad: FieldKey[] = [];
  for (const [key, value] of values) {
    const target = LEVER_WRITE_KEYS[key];
    if (
      key === 'confidential' ||
      (key === 'code' && value === null) ||
      (key === 'title' && value === null) ||
      (key === 'status' && value === null)
    ) {
      bad.push(key);
    } else if (value === null) {
      out[target] = null;
    } else if (key === 'hiringManager' || key === 'recruiter') {
      const id = userId(value, usersByEmail);
      if (id) out[target] = id;
      else bad.push(key);
    } else if (key === 'compensation') {
      const comp = compensation(value);
      if (comp) out[target] = comp;
      else bad.push(key);
    } else {
      out[target] = value;
    }
  }
  return bad.length > 0 ? { ok: false, fields: bad } : { ok: true, changes: out as LeverChanges };
}
