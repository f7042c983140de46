import { describe, expect, it } from 'vitest';
import type { OptionFlags } from '../../src/shared/settings/options.ts';
import {
  OPTION_KEYS,
  directionAdvice,
  findDirectionConflicts,
  findOptionConflicts,
  optionInfo,
  optionLabel,
  whyOptionDisabled,
} from '../../src/shared/settings/options.ts';

const off: OptionFlags = {
  runDaily: false,
  syncOnChange: false,
  reverseSync: false,
  reconciliation: false,
  remoteLocationAsDefault: false,
};

describe('option labels and descriptions (the switches the consultant reads)', () => {
  it("labels each option with the guide's name, in the guide's order", () => {
    expect(OPTION_KEYS.map(optionLabel)).toEqual([
      'Run Daily',
      'Sync On Change',
      'Reverse Sync',
      'Reconciliation',
      'Remote Location As Default',
    ]);
  });

  it('describes each option in its own full sentence, saying what it does', () => {
    const descriptions = OPTION_KEYS.map((key) => optionInfo(key).description);
    for (const text of descriptions) expect(text).toMatch(/^[A-Z].{30,}\.$/);
    expect(new Set(descriptions).size).toBe(OPTION_KEYS.length);
    expect(optionInfo('runDaily').description).toContain('every morning');
    expect(optionInfo('syncOnChange').description).toContain('pushed to Lever');
    expect(optionInfo('reverseSync').description).toContain('Lever becomes the system of record');
    expect(optionInfo('reconciliation').description).toContain('treating ChartHop as the source of truth');
    expect(optionInfo('remoteLocationAsDefault').description).toContain('Remote location');
  });
});

describe("option exclusivity (the guide's option table)", () => {
  it('accepts any combination without Reverse Sync conflicts', () => {
    expect(
      findOptionConflicts({ ...off, runDaily: true, syncOnChange: true, reconciliation: true, remoteLocationAsDefault: true }),
    ).toEqual([]);
    expect(findOptionConflicts({ ...off, reverseSync: true, runDaily: true, remoteLocationAsDefault: true })).toEqual([]);
  });

  it('refuses Sync On Change with Reverse Sync, naming both', () => {
    const conflicts = findOptionConflicts({ ...off, syncOnChange: true, reverseSync: true });
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.message).toContain('Sync On Change');
    expect(conflicts[0]?.message).toContain('Reverse Sync');
  });

  it('refuses Reconciliation with Reverse Sync, naming both', () => {
    const conflicts = findOptionConflicts({ ...off, reconciliation: true, reverseSync: true });
    expect(conflicts.map((c) => [c.a, c.b])).toEqual([['reconciliation', 'reverseSync']]);
  });

  it('explains why a toggle is disabled, and never disables one that is on', () => {
    const flags = { ...off, reverseSync: true };
    expect(whyOptionDisabled('syncOnChange', flags)).toBe('Not available while Reverse Sync is on.');
    expect(whyOptionDisabled('reconciliation', flags)).toBe('Not available while Reverse Sync is on.');
    expect(whyOptionDisabled('runDaily', flags)).toBeNull();
    expect(whyOptionDisabled('reverseSync', flags)).toBeNull();
    expect(whyOptionDisabled('reverseSync', { ...off, syncOnChange: true })).toBe('Not available while Sync On Change is on.');
  });

  it('names every blocker of a toggle at once', () => {
    expect(whyOptionDisabled('reverseSync', { ...off, syncOnChange: true, reconciliation: true })).toBe(
      'Not available while Sync On Change and Reconciliation are on.',
    );
    expect(whyOptionDisabled('reverseSync', { ...off, reconciliation: true })).toBe('Not available while Reconciliation is on.');
  });

  it('lets the user turn off either option of a conflicting pair a profile was saved with', () => {
    const flags = { ...off, syncOnChange: true, reverseSync: true };
    expect(whyOptionDisabled('syncOnChange', flags)).toBeNull();
    expect(whyOptionDisabled('reverseSync', flags)).toBeNull();
  });

  it('never disables Sync On Change and Reconciliation for each other (they work together)', () => {
    expect(whyOptionDisabled('syncOnChange', { ...off, reconciliation: true })).toBeNull();
    expect(whyOptionDisabled('reconciliation', { ...off, syncOnChange: true })).toBeNull();
  });
});

describe('direction advice', () => {
  it('outbound requires Sync On Change and recommends Run Daily and Reconciliation', () => {
    const advice = directionAdvice('charthop', { ...off, syncOnChange: true });
    expect(advice.filter((a) => a.kind === 'required').map((a) => [a.label, a.met])).toEqual([
      ['Source of truth: ChartHop', true],
      ['Sync On Change', true],
    ]);
    expect(advice.filter((a) => a.kind === 'recommended').map((a) => [a.label, a.met])).toEqual([
      ['Run Daily', false],
      ['Reconciliation', false],
    ]);
  });

  it('inbound requires Reverse Sync and recommends Run Daily and Remote Location As Default', () => {
    const advice = directionAdvice('lever', { ...off, remoteLocationAsDefault: true });
    expect(advice.map((a) => [a.kind, a.label, a.met])).toEqual([
      ['required', 'Source of truth: Lever', true],
      ['required', 'Reverse Sync', false],
      ['recommended', 'Run Daily', false],
      ['recommended', 'Remote Location As Default', true],
    ]);
  });
});

describe('options that contradict the source of truth', () => {
  const off: OptionFlags = {
    runDaily: false,
    syncOnChange: false,
    reverseSync: false,
    reconciliation: false,
    remoteLocationAsDefault: false,
  };

  it('finds none when the options agree with the direction, whatever is missing', () => {
    expect(findDirectionConflicts('charthop', { ...off, syncOnChange: true, reconciliation: true, runDaily: true })).toEqual([]);
    expect(findDirectionConflicts('lever', { ...off, reverseSync: true, remoteLocationAsDefault: true })).toEqual([]);
    expect(findDirectionConflicts('lever', off)).toEqual([]);
  });

  it('names Reverse Sync with ChartHop as the truth, and Sync On Change and Reconciliation with Lever', () => {
    expect(findDirectionConflicts('charthop', { ...off, reverseSync: true }).map((c) => c.key)).toEqual(['reverseSync']);
    expect(findDirectionConflicts('lever', { ...off, syncOnChange: true, reconciliation: true }).map((c) => c.key)).toEqual([
      'syncOnChange',
      'reconciliation',
    ]);
    expect(findDirectionConflicts('lever', { ...off, reconciliation: true })[0]?.message).toMatch(
      /turn Reconciliation off, or choose ChartHop/,
    );
  });
});
