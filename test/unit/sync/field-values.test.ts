// How field values are compared and reported across the systems: white space and letter case that do
// not make a different value, the fields a diff is limited to, and the trimmed before/after the
// Reconcile sheet shows. A wrong comparison writes a change nobody made, or hides one that was made.
import { describe, expect, it } from 'vitest';
import { diffValues, intervalFromLever, sameValue } from '../../../src/main/core/sync/fields.ts';

describe('comparing field values', () => {
  it('treats runs of white space inside a value as one space, but words run together as a different value', () => {
    expect(sameValue('title', 'Senior  Engineer', 'Senior Engineer')).toBe(true);
    expect(sameValue('title', 'Senior\tEngineer ', ' Senior Engineer')).toBe(true);
    expect(sameValue('title', 'SeniorEngineer', 'Senior Engineer')).toBe(false);
  });

  it('compares emails without letter case in any alphabet, the capital sharp s (ẞ) included', () => {
    expect(sameValue('hiringManager', 'STRAẞE@acme.example', 'straße@acme.example')).toBe(true);
    expect(sameValue('title', 'STRAẞE', 'straße')).toBe(false);
  });

  it('reads a missing pay interval as yearly and a Lever interval whatever its spacing and case', () => {
    expect([intervalFromLever(null), intervalFromLever(''), intervalFromLever(' Per-Hour-Wage ')]).toEqual(['YEARLY', 'YEARLY', 'HOURLY']);
    expect(intervalFromLever('per-fortnight')).toBeNull();
  });
});

describe('the field diff', () => {
  it('shows the values before and after trimmed', () => {
    expect(diffValues({ title: ' Engineer ', team: 'Core' }, { title: 'Senior Engineer  ', team: ' ' })).toEqual([
      { field: 'title', label: 'Title', before: 'Engineer', after: 'Senior Engineer' },
      { field: 'team', label: 'Team', before: 'Core', after: null },
    ]);
  });

  it('lists only the fields it is limited to', () => {
    const current = { title: 'A', team: 'Core', location: 'Berlin' };
    const desired = { title: 'B', team: 'Platform', location: 'New York' };
    expect(diffValues(current, desired, (key) => key !== 'team')).toEqual([
      { field: 'title', label: 'Title', before: 'A', after: 'B' },
      { field: 'location', label: 'Location', before: 'Berlin', after: 'New York' },
    ]);
  });
});
