// The per-profile ChartHop fields of the candidate metrics (`metricFields`): defaults for settings files
// written before the setting existed, the code rules and their messages, partial updates, and
// export/import.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/main/core/errors.ts';
import { createProfilesRepository } from '../../src/main/core/settings/profiles-repository.ts';
import { createMemoryBacking } from '../../src/main/core/settings/settings-file.ts';
import {
  BUILT_IN_METRIC_FIELDS,
  metricFieldsSchema,
  profileSettingsSchema,
  usesBuiltInMetricFields,
} from '../../src/shared/settings/schema.ts';

const custom = {
  active: 'candidatesActive',
  interview: 'candidatesInterviewing',
  activeOffers: 'offersOut',
  totalOffers: 'offersExtended',
};

/** The messages zod gives for `fields`, keyed by metric. */
function messages(fields: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of metricFieldsSchema.safeParse(fields).error?.issues ?? []) (out[String(issue.path[0])] ??= []).push(issue.message);
  return out;
}

describe('metricFields in the settings schema', () => {
  it("defaults to ChartHop's built-in fields, so a settings file written before the setting existed still loads", () => {
    expect(BUILT_IN_METRIC_FIELDS).toEqual({
      active: 'applyActive',
      interview: 'applyInterview',
      activeOffers: 'applyOffer',
      totalOffers: 'applyTotalOffer',
    });
    const backing = createMemoryBacking({
      version: 1,
      selectedProfileId: 'acme',
      profiles: { acme: { id: 'acme', name: 'Acme', options: { runDaily: true } } },
    });
    const repository = createProfilesRepository(backing);
    expect(repository.get('acme').metricFields).toEqual(BUILT_IN_METRIC_FIELDS);
    expect(repository.get('sandbox').metricFields).toEqual(BUILT_IN_METRIC_FIELDS);
    expect(profileSettingsSchema.parse({ id: 'x', name: 'X', metricFields: { totalOffers: 'offersExtended' } }).metricFields).toEqual({
      ...BUILT_IN_METRIC_FIELDS,
      totalOffers: 'offersExtended',
    });
    expect(usesBuiltInMetricFields(BUILT_IN_METRIC_FIELDS)).toBe(true);
    expect(usesBuiltInMetricFields({ ...BUILT_IN_METRIC_FIELDS, active: 'APPLYACTIVE' })).toBe(true);
    expect(usesBuiltInMetricFields(custom)).toBe(false);
  });

  it('accepts custom codes (trimmed) and refuses codes that cannot be ChartHop field codes, saying what to do', () => {
    expect(metricFieldsSchema.parse({ ...custom, active: '  candidatesActive ' })).toEqual(custom);
    const notACode =
      'A ChartHop field code is letters and digits, starting with a letter (for example candidatesActive): copy the field’s code from ChartHop, not its label.';
    expect(messages({ ...custom, active: '' })).toEqual({ active: ['Enter the ChartHop field code, or use the built-in fields.'] });
    expect(messages({ ...custom, active: '   ' })).toEqual({ active: ['Enter the ChartHop field code, or use the built-in fields.'] });
    expect(messages({ ...custom, interview: 'Candidates Interviewing' })).toEqual({ interview: [notACode] });
    expect(messages({ ...custom, activeOffers: '2offers' })).toEqual({ activeOffers: [notACode] });
    expect(messages({ ...custom, totalOffers: 'fields.offersExtended' })).toEqual({ totalOffers: [notACode] });
    expect(messages({ ...custom, totalOffers: 'offers_extended' })).toEqual({ totalOffers: [notACode] });
    expect(messages({ ...custom, totalOffers: `o${'x'.repeat(64)}` })).toEqual({
      totalOffers: ['A ChartHop field code is at most 64 characters: copy the code from the field in ChartHop.'],
    });
  });

  it('refuses two metrics in the same field (codes compare without case)', () => {
    expect(messages({ ...custom, totalOffers: 'OffersOut' })).toEqual({
      totalOffers: ['Active offers and Total offers both use the field OffersOut: give each number its own ChartHop field.'],
    });
    expect(messages({ ...BUILT_IN_METRIC_FIELDS, interview: 'applyActive', totalOffers: 'applyActive' })).toEqual({
      interview: ['Active candidates and Active interviews both use the field applyActive: give each number its own ChartHop field.'],
      totalOffers: ['Active candidates and Total offers both use the field applyActive: give each number its own ChartHop field.'],
    });
  });
});

describe('metricFields through the profiles repository', () => {
  it('merges a partial update, refuses an invalid one naming the field and writes nothing', () => {
    const backing = createMemoryBacking();
    const repository = createProfilesRepository(backing);
    const { id } = repository.create('Acme');
    expect(repository.update(id, { metricFields: { active: 'candidatesActive' } }).metricFields).toEqual({
      ...BUILT_IN_METRIC_FIELDS,
      active: 'candidatesActive',
    });
    const writes = backing.writes;
    let refused: unknown;
    try {
      repository.update(id, { metricFields: { interview: 'candidatesactive' } });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('settings.invalid');
    expect((refused as AppError).message).toBe(
      'Profile "Acme": The ChartHop field for Active interviews: Active candidates and Active interviews both use the field candidatesactive: give each number its own ChartHop field. Nothing was saved.',
    );
    expect(backing.writes).toBe(writes);
    expect(repository.get(id).metricFields.interview).toBe('applyInterview');
  });

  it('travels in a profile export and comes back on import', () => {
    const repository = createProfilesRepository(createMemoryBacking());
    const { id } = repository.create('Acme');
    repository.update(id, { metricFields: custom });
    const { json } = repository.exportProfile(id, new Date('2026-01-05T10:00:00Z'));
    expect((JSON.parse(json) as { profile: { metricFields: unknown } }).profile.metricFields).toEqual(custom);
    const imported = repository.importProfile(json, 'Acme (handover)');
    expect(repository.get(imported.id).metricFields).toEqual(custom);
    // An export with a broken code is refused like any other invalid setting.
    const broken = JSON.stringify({
      ...JSON.parse(json),
      profile: { ...(JSON.parse(json) as { profile: object }).profile, metricFields: { ...custom, active: 'Candidates Active' } },
    });
    expect(() => repository.importProfile(broken)).toThrow(
      /The ChartHop field for Active candidates: A ChartHop field code is letters and digits/,
    );
  });
});
