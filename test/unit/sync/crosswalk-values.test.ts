// The profile's value mappings and the unmapped-value report: a half-filled mapping row maps nothing,
// mapped values come back without stray spaces, the most frequent unmapped values come first, and the
// reason sentence lists every value. A wrong lookup writes a blank or padded value to the other system.
import { describe, expect, it } from 'vitest';
import { createCrosswalk, describeMisses, tallyUnmapped } from '../../../src/main/core/sync/crosswalk.ts';

describe('the profile crosswalk', () => {
  it('ignores a mapping row with a blank side, in both directions', () => {
    const cw = createCrosswalk({ departments: { '  ': 'R&D', Engineering: ' ', Sales: 'Revenue' } });
    expect(cw.toCharthop('department', 'R&D')).toEqual([]);
    expect(cw.toLever('department', '  ')).toBeUndefined();
    expect(cw.toLever('department', '')).toBeUndefined();
    expect(cw.toLever('department', 'Engineering')).toBeUndefined();
    expect(cw.toCharthop('department', ' ')).toEqual([]);
    expect(cw.toLever('department', 'Sales')).toBe('Revenue');
  });

  it('returns mapped values without the spaces typed around them', () => {
    const cw = createCrosswalk({ departments: { ' Engineering ': ' R&D ' } });
    expect(cw.toLever('department', 'engineering')).toBe('R&D');
    expect(cw.toCharthop('department', 'r&d')).toEqual(['Engineering']);
  });
});

describe('unmapped values', () => {
  it('lists the values of a kind by how many records they block, most first, then by name', () => {
    const misses = (kind: 'user' | 'team', value: string, records: number) => Array.from({ length: records }, () => [{ kind, value }]);
    expect(
      tallyUnmapped([
        ...misses('user', 'b', 1),
        ...misses('team', 'Core', 1),
        ...misses('user', 'c', 3),
        ...misses('user', 'a', 1),
        ...misses('user', 'd', 2),
      ]),
    ).toEqual([
      { kind: 'team', value: 'Core', records: 1 },
      { kind: 'user', value: 'c', records: 3 },
      { kind: 'user', value: 'd', records: 2 },
      { kind: 'user', value: 'a', records: 1 },
      { kind: 'user', value: 'b', records: 1 },
    ]);
  });

  it('names every unmapped value of a record in the reason sentence', () => {
    expect(
      describeMisses([
        { kind: 'department', value: 'R&D' },
        { kind: 'user', value: 'nora@acme.example' },
      ]),
    ).toBe('department "R&D", user "nora@acme.example"');
  });
});
