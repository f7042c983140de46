import { describe, expect, it } from 'vitest';
import type { Mappings } from '../../src/shared/settings/mapping-edits.ts';
import {
  isMappableValue,
  mappedValue,
  mappingKindOf,
  mappingPair,
  mappingValueProblem,
  withMapping,
  withoutMapping,
} from '../../src/shared/settings/mapping-edits.ts';
import { mappableMisses, tallyUnmapped } from '../../src/main/core/sync/crosswalk.ts';

const mappings = (users: Record<string, string> = {}, departments: Record<string, string> = {}): Mappings => ({
  departments,
  teams: {},
  locations: {},
  employmentTypes: {},
  users,
});

describe('mapping kinds as typed on a command line', () => {
  it('takes singulars, plurals, any case and the settings key of employment types', () => {
    expect(['department', 'Departments', 'TEAMS', 'location', 'users'].map(mappingKindOf)).toEqual([
      'department',
      'department',
      'team',
      'location',
      'user',
    ]);
    expect(['employment', 'employment-type', 'employment types', 'employmentTypes'].map(mappingKindOf)).toEqual([
      'employment',
      'employment',
      'employment',
      'employment',
    ]);
  });

  it('knows no other kind', () => {
    expect(['office', 'employments', '', 'us'].map(mappingKindOf)).toEqual([null, null, null, null]);
  });
});

describe('mapping edits', () => {
  it('replaces the mapping of the same ChartHop name written another way, and keeps the others', () => {
    const table = withMapping(mappings({}, { 'R&D': 'Engineering', Sales: 'Sales' }), 'department', '  r&d ', ' Research ');
    expect(table).toEqual({ Sales: 'Sales', 'r&d': 'Research' });
  });

  it('removes a mapping by its ChartHop name whatever the case; null when there is none', () => {
    expect(withoutMapping(mappings({ 'Nora.Edwards@x.example': 'n@x.example' }), 'user', 'nora.edwards@x.example')).toEqual({});
    expect(withoutMapping(mappings(), 'user', 'nora@x.example')).toBeNull();
  });

  it('reads the Lever value a ChartHop value maps to', () => {
    expect(mappedValue(mappings({}, { 'R&D': 'Engineering' }), 'department', 'r&d')).toBe('Engineering');
    expect(mappedValue(mappings(), 'department', 'R&D')).toBeUndefined();
  });

  it('puts the unmapped value on its own side of the pair and the counterpart on the other', () => {
    expect(mappingPair({ kind: 'user', value: 'a@ch.example', from: 'charthop' }, 'a@lever.example')).toEqual({
      charthop: 'a@ch.example',
      lever: 'a@lever.example',
    });
    expect(mappingPair({ kind: 'team', value: 'Platform', from: 'lever' }, 'Platform Engineering')).toEqual({
      charthop: 'Platform Engineering',
      lever: 'Platform',
    });
  });

  it('refuses empty values, over-long values and users that are not emails, naming the system', () => {
    expect(mappingValueProblem('team', '  ', 'Lever')).toBe('Give the Lever team: it is empty.');
    expect(mappingValueProblem('location', 'x'.repeat(301), 'ChartHop')).toContain('longer than 300 characters');
    expect(mappingValueProblem('user', 'Nora Edwards', 'ChartHop')).toContain('"Nora Edwards" is not one');
    expect(mappingValueProblem('user', 'nora.edwards@x.example', 'ChartHop')).toBeNull();
  });

  it('says which unmapped values a mapping can fix', () => {
    expect(isMappableValue('user', 'nora@x.example')).toBe(true);
    expect(isMappableValue('user', 'ChartHop person 42 (no work email)')).toBe(false);
    expect(isMappableValue('team', 'Platform (matches 2 ChartHop teams)')).toBe(false);
    expect(isMappableValue('department', 'Research & Development')).toBe(true);
  });
});

describe('unmapped values of a plan', () => {
  it('keeps the values a mapping fixes, once each, with the system they come from', () => {
    const misses = [
      { kind: 'user' as const, value: 'a@x.example' },
      { kind: 'user' as const, value: 'a@x.example' },
      { kind: 'user' as const, value: 'ChartHop person 7 (no work email)' },
      { kind: 'employment' as const, value: 'EXPAT' },
    ];
    expect(mappableMisses(misses, 'charthop')).toEqual([
      { kind: 'user', value: 'a@x.example', from: 'charthop' },
      { kind: 'employment', value: 'EXPAT', from: 'charthop' },
    ]);
    expect(tallyUnmapped([misses], 'lever')).toContainEqual({ kind: 'user', value: 'a@x.example', records: 1, from: 'lever' });
  });
});
