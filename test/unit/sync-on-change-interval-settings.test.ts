// Sync On Change's per-profile poll interval (`syncOnChangeIntervalSeconds`): the default for settings
// files written before the setting existed, the limits and their message, partial updates, the CLI's
// `key=value` form, and export/import.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/main/core/errors.ts';
import { assignmentsToPatch } from '../../src/main/cli/set-assignments.ts';
import { createProfilesRepository } from '../../src/main/core/settings/profiles-repository.ts';
import { createMemoryBacking } from '../../src/main/core/settings/settings-file.ts';
import { SYNC_ON_CHANGE_INTERVAL_SECONDS, profileSettingsSchema, syncOnChangeIntervalSchema } from '../../src/shared/settings/schema.ts';

const MESSAGE = 'Check ChartHop for changes every 10 to 600 seconds, in whole seconds (the default is 30).';

describe('syncOnChangeIntervalSeconds in the settings schema', () => {
  it('defaults to 30 seconds, so a settings file written before the setting existed still loads', () => {
    expect(SYNC_ON_CHANGE_INTERVAL_SECONDS).toEqual({ default: 30, min: 10, max: 600 });
    const backing = createMemoryBacking({
      version: 1,
      selectedProfileId: 'acme',
      profiles: { acme: { id: 'acme', name: 'Acme', options: { syncOnChange: true }, dailyRunTime: '07:00' } },
    });
    const repository = createProfilesRepository(backing);
    expect(repository.get('acme').syncOnChangeIntervalSeconds).toBe(30);
    expect(repository.get('sandbox').syncOnChangeIntervalSeconds).toBe(30);
    expect(profileSettingsSchema.parse({ id: 'x', name: 'X' }).syncOnChangeIntervalSeconds).toBe(30);
  });

  it('accepts whole seconds from 10 to 600 and refuses anything else, saying what to enter', () => {
    for (const ok of [10, 30, 45, 600]) expect(syncOnChangeIntervalSchema.parse(ok)).toBe(ok);
    for (const bad of [9, 0, -30, 601, 3600, 45.5, Number.NaN, Number.POSITIVE_INFINITY, '45', null]) {
      const issues = syncOnChangeIntervalSchema.safeParse(bad).error?.issues ?? [];
      expect(
        issues.map((i) => i.message),
        String(bad),
      ).toEqual([MESSAGE]);
    }
  });
});

describe('syncOnChangeIntervalSeconds through the profiles repository and the CLI', () => {
  it('saves a valid interval, refuses an invalid one naming the field and writes nothing', () => {
    const backing = createMemoryBacking();
    const repository = createProfilesRepository(backing);
    const { id } = repository.create('Acme');
    expect(repository.update(id, { syncOnChangeIntervalSeconds: 45 }).syncOnChangeIntervalSeconds).toBe(45);
    const writes = backing.writes;
    let refused: unknown;
    try {
      repository.update(id, { syncOnChangeIntervalSeconds: 5 });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('settings.invalid');
    expect((refused as AppError).message).toBe(`Profile "Acme": ${MESSAGE} Nothing was saved.`);
    expect(backing.writes).toBe(writes);
    expect(repository.get(id).syncOnChangeIntervalSeconds).toBe(45);
  });

  it('`reqbridge profile set NAME syncOnChangeIntervalSeconds=45` gives a number the repository saves', () => {
    const patch = assignmentsToPatch(['syncOnChangeIntervalSeconds=45']);
    expect(patch).toEqual({ syncOnChangeIntervalSeconds: 45 });
    const repository = createProfilesRepository(createMemoryBacking());
    const { id } = repository.create('Acme');
    expect(repository.update(id, patch).syncOnChangeIntervalSeconds).toBe(45);
    expect(() => repository.update(id, assignmentsToPatch(['syncOnChangeIntervalSeconds=4.5']))).toThrow(MESSAGE);
    expect(() => repository.update(id, assignmentsToPatch(['syncOnChangeIntervalSeconds=often']))).toThrow(MESSAGE);
  });

  it('travels in a profile export and comes back on import', () => {
    const repository = createProfilesRepository(createMemoryBacking());
    const { id } = repository.create('Acme');
    repository.update(id, { syncOnChangeIntervalSeconds: 120 });
    const { json } = repository.exportProfile(id, new Date('2026-01-05T10:00:00Z'));
    expect((JSON.parse(json) as { profile: { syncOnChangeIntervalSeconds: unknown } }).profile.syncOnChangeIntervalSeconds).toBe(120);
    const imported = repository.importProfile(json, 'Acme (handover)');
    expect(repository.get(imported.id).syncOnChangeIntervalSeconds).toBe(120);
  });
});
