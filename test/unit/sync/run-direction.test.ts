// Which way a profile's run goes, and the profiles that must not run at all: clashing options, options
// that contradict the source of truth, and a direction the profile does not sync. The consultant reads
// these refusals, so their whole sentences are pinned.
import { describe, expect, it } from 'vitest';
import { runDirection } from '../../../src/main/core/sync/profile-checks.ts';
import type { OptionFlags, SourceOfTruth } from '../../../src/shared/settings/options.ts';
import { startingOptions } from '../../../src/shared/settings/options.ts';
import type { ProfileSettings } from '../../../src/shared/settings/schema.ts';
import { profileObjectSchema } from '../../../src/shared/settings/schema.ts';

function profile(sourceOfTruth: SourceOfTruth, options: Partial<OptionFlags> = {}): ProfileSettings {
  return profileObjectSchema.parse({ id: 'acme', name: 'Acme', sourceOfTruth, options: { ...startingOptions(sourceOfTruth), ...options } });
}

/** The code and message of the error `run` throws, or null when it throws none. */
function refusal(run: () => unknown): { code: unknown; message: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    return { code: (error as { code?: unknown }).code, message: (error as Error).message };
  }
}

describe('run direction of a profile', () => {
  it('runs a profile in its own direction when none is asked for, or when its own is asked for', () => {
    expect(runDirection(profile('charthop'))).toBe('outbound');
    expect(runDirection(profile('charthop'), 'outbound')).toBe('outbound');
    expect(runDirection(profile('charthop'), 'reconcile')).toBe('reconcile');
    expect(runDirection(profile('lever'))).toBe('inbound');
    expect(runDirection(profile('lever'), 'inbound')).toBe('inbound');
  });

  it('refuses a profile whose options cannot be on together, naming every clash and where to fix it', () => {
    expect(refusal(() => runDirection(profile('charthop', { syncOnChange: true, reverseSync: true })))).toEqual({
      code: 'sync.invalid_profile',
      message:
        'The profile "Acme" cannot run: Sync On Change and Reverse Sync cannot both be on: turn one of them off. Fix it under Options.',
    });
    expect(refusal(() => runDirection(profile('lever', { syncOnChange: true, reconciliation: true })))).toEqual({
      code: 'sync.invalid_profile',
      message:
        'The profile "Acme" cannot run: Sync On Change and Reverse Sync cannot both be on: turn one of them off. Reconciliation and Reverse Sync cannot both be on: turn one of them off. Fix it under Options.',
    });
  });

  it('refuses a profile whose options contradict its source of truth, naming every contradiction', () => {
    expect(refusal(() => runDirection(profile('lever', { reverseSync: false, syncOnChange: true, reconciliation: true })))).toEqual({
      code: 'sync.invalid_profile',
      message:
        'The profile "Acme" cannot run: Sync On Change pushes ChartHop’s changes to Lever, but Lever is the source of truth: turn Sync On Change off, or choose ChartHop as the source of truth. Reconciliation treats ChartHop as the source of truth, but Lever is: turn Reconciliation off, or choose ChartHop as the source of truth. Fix it under Options.',
    });
  });

  it('refuses a run against the direction of the source of truth, naming that source', () => {
    expect(refusal(() => runDirection(profile('charthop'), 'inbound'))).toEqual({
      code: 'sync.wrong_direction',
      message:
        'The profile "Acme" syncs outbound (source of truth: ChartHop); an inbound run is not allowed. Change the source of truth under Options first.',
    });
    expect(refusal(() => runDirection(profile('lever'), 'outbound'))).toEqual({
      code: 'sync.wrong_direction',
      message:
        'The profile "Acme" syncs inbound (source of truth: Lever); an outbound run is not allowed. Change the source of truth under Options first.',
    });
  });
});
