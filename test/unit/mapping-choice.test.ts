import { describe, expect, it } from 'vitest';
import type { Mappings } from '../../src/shared/settings/mapping-edits.ts';
import {
  filterCounterparts,
  mapButtonLabel,
  mappedNow,
  rankCounterparts,
  replacedMapping,
  sideOfDirection,
  unmappedFromReason,
} from '../../src/renderer/src/lib/mapping-choice.ts';

const mappings = (teams: Record<string, string>, users: Record<string, string> = {}): Mappings => ({
  departments: {},
  teams,
  locations: {},
  employmentTypes: {},
  users,
});

const USERS = [
  { value: 'amara.quinn@x.example', label: 'Amara Quinn', detail: 'amara.quinn@x.example' },
  { value: 'nedwards@x.example', label: 'Nora Edwards', detail: 'nedwards@x.example' },
  { value: 'admin@x.example', label: 'Sandbox Admin', detail: 'admin@x.example' },
];

describe('the Map… button', () => {
  it('names the system, the kind and the value', () => {
    expect(mapButtonLabel({ kind: 'employment', value: 'EXPAT', from: 'charthop' })).toBe('Map the ChartHop employment type “EXPAT”');
  });

  it('finds what a value is mapped to now, from either side', () => {
    const saved = mappings({ 'Platform Engineering': 'Platform' }, { 'a@ch.example': 'a@lever.example' });
    expect(mappedNow(saved, { kind: 'user', value: 'A@ch.example', from: 'charthop' })).toBe('a@lever.example');
    expect(mappedNow(saved, { kind: 'team', value: 'platform', from: 'lever' })).toBe('Platform Engineering');
    expect(mappedNow(saved, { kind: 'team', value: 'Data', from: 'lever' })).toBeNull();
  });

  it('says which mapping a save replaces: a ChartHop value already mapped to another Lever value', () => {
    const saved = mappings({ 'Platform Engineering': 'Platform' });
    expect(replacedMapping(saved, { kind: 'team', value: 'Infra', from: 'lever' }, 'Platform Engineering')).toBe('Platform');
    expect(replacedMapping(saved, { kind: 'team', value: 'platform', from: 'lever' }, 'Platform Engineering')).toBeNull();
    expect(replacedMapping(saved, { kind: 'team', value: 'Infra', from: 'lever' }, 'Infrastructure')).toBeNull();
  });

  it('reads the system of a run’s values from its direction', () => {
    expect([sideOfDirection('inbound'), sideOfDirection('outbound'), sideOfDirection('reconcile')]).toEqual([
      'lever',
      'charthop',
      'charthop',
    ]);
  });
});

describe('finding the counterpart', () => {
  it('lists choices sharing words with the value first, picking none, the rest in their order', () => {
    expect(rankCounterparts('nora.edwards@ch.example', USERS).map((c) => c.label)).toEqual([
      'Nora Edwards',
      'Amara Quinn',
      'Sandbox Admin',
    ]);
    expect(rankCounterparts('zz', USERS)).toEqual(USERS);
  });

  it('filters on the name, the value and the detail, case aside', () => {
    expect(filterCounterparts(USERS, 'EDWARDS').map((c) => c.label)).toEqual(['Nora Edwards']);
    expect(filterCounterparts(USERS, 'admin@').map((c) => c.label)).toEqual(['Sandbox Admin']);
    expect(filterCounterparts(USERS, '  ')).toHaveLength(3);
  });
});

describe('the values a run item names', () => {
  it('reads each mappable value of a reason once, leaving out what no mapping fixes', () => {
    const reason =
      'Skipped, so nothing is written wrongly: no counterpart for user "a@x.example", user "ChartHop person 9 (no work email)", ' +
      'employment "EXPAT", user "a@x.example". Add the value under Mappings, or fix it in ChartHop.';
    expect(unmappedFromReason(reason, 'charthop')).toEqual([
      { kind: 'user', value: 'a@x.example', from: 'charthop' },
      { kind: 'employment', value: 'EXPAT', from: 'charthop' },
    ]);
    expect(unmappedFromReason('Created the requisition.', 'lever')).toEqual([]);
  });
});
