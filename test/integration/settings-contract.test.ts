import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestCore } from '../support/test-core.ts';
import { startTestCore, valueOf } from '../support/test-core.ts';

let t: TestCore;
beforeEach(() => {
  t = startTestCore();
});
afterEach(() => t.dispose());

const settingsFile = () => join(t.dataDir, 'settings.json');

describe('settings through the contract (real conf file)', () => {
  it('starts with the built-in Sandbox profile selected', async () => {
    const view = valueOf(await t.api.invoke('profiles:list', {}));
    expect(view.selectedId).toBe('sandbox');
    expect(view.profiles).toEqual([{ id: 'sandbox', name: 'Sandbox', kind: 'sandbox', environment: 'Sandbox', configured: true }]);
  });

  it('starts a new profile valid for its direction and "Not configured" until its keys and org are set; "Sandbox" is refused', async () => {
    const acme = valueOf(await t.api.invoke('profiles:create', { name: 'Acme' }));
    const settings = valueOf(await t.api.invoke('settings:get', { profileId: acme.id }));
    expect(settings.sourceOfTruth).toBe('charthop');
    expect(settings.options).toEqual({
      runDaily: false,
      syncOnChange: true,
      reverseSync: false,
      reconciliation: false,
      remoteLocationAsDefault: false,
    });
    const configured = async () => valueOf(await t.api.invoke('profiles:list', {})).profiles.find((p) => p.id === acme.id)?.configured;
    expect(await configured()).toBe(false);
    valueOf(await t.api.invoke('secrets:set', { profileId: acme.id, name: 'leverApiKey', value: 'lever-key-0001' }));
    valueOf(await t.api.invoke('secrets:set', { profileId: acme.id, name: 'charthopToken', value: 'charthop-token-0002' }));
    expect(await configured()).toBe(false);
    const announced = new Promise<boolean | undefined>((resolve) => {
      const off = t.api.on('profiles:changed', (view) => {
        off();
        resolve(view.profiles.find((p) => p.id === acme.id)?.configured);
      });
    });
    valueOf(await t.api.invoke('settings:update', { profileId: acme.id, patch: { charthop: { org: 'acme' } } }));
    expect(await announced).toBe(true);
    expect(await configured()).toBe(true);

    for (const name of ['Sandbox', ' sandbox ']) {
      const refused = await t.api.invoke('profiles:create', { name });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'profiles.name_reserved', message: expect.stringContaining('built-in rehearsal profile') },
      });
    }
    expect(await t.api.invoke('profiles:rename', { id: acme.id, name: 'SANDBOX' })).toMatchObject({
      ok: false,
      error: { code: 'profiles.name_reserved' },
    });
    expect(valueOf(await t.api.invoke('profiles:list', {})).profiles.map((p) => p.name)).toEqual(['Sandbox', 'Acme']);
  });

  it('refuses Reverse Sync with Sync On Change, naming both options, and leaves the file unchanged', async () => {
    const acme = valueOf(await t.api.invoke('profiles:create', { name: 'Acme Corp' }));
    valueOf(await t.api.invoke('settings:update', { profileId: acme.id, patch: { options: { syncOnChange: true } } }));
    const before = readFileSync(settingsFile(), 'utf8');

    const result = await t.api.invoke('settings:update', { profileId: acme.id, patch: { options: { reverseSync: true } } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('settings.exclusive_options');
    expect(result.error.message).toContain('Sync On Change');
    expect(result.error.message).toContain('Reverse Sync');
    expect(readFileSync(settingsFile(), 'utf8')).toBe(before);
  });

  it('refuses Reconciliation with Reverse Sync the same way', async () => {
    const acme = valueOf(await t.api.invoke('profiles:create', { name: 'Acme' }));
    const result = await t.api.invoke('settings:update', {
      profileId: acme.id,
      patch: { options: { reconciliation: true, reverseSync: true } },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'settings.exclusive_options' } });
    expect(valueOf(await t.api.invoke('settings:get', { profileId: acme.id })).options.reverseSync).toBe(false);
  });

  it("saves a valid change, merges nested options and keeps each profile's own settings", async () => {
    const acme = valueOf(await t.api.invoke('profiles:create', { name: 'Acme' }));
    const globex = valueOf(await t.api.invoke('profiles:create', { name: 'Globex' }));
    valueOf(
      await t.api.invoke('settings:update', {
        profileId: acme.id,
        patch: { sourceOfTruth: 'lever', options: { syncOnChange: false, reverseSync: true } },
      }),
    );
    valueOf(await t.api.invoke('settings:update', { profileId: acme.id, patch: { options: { runDaily: true } } }));
    const saved = valueOf(await t.api.invoke('settings:get', { profileId: acme.id }));
    expect(saved.sourceOfTruth).toBe('lever');
    expect(saved.options).toMatchObject({ reverseSync: true, runDaily: true, syncOnChange: false });
    expect(valueOf(await t.api.invoke('settings:get', { profileId: globex.id })).sourceOfTruth).toBe('charthop');
    // What is on disk is what the API returns.
    const onDisk = JSON.parse(readFileSync(settingsFile(), 'utf8')) as { profiles: Record<string, { options: unknown }> };
    expect(onDisk.profiles[acme.id]?.options).toEqual(saved.options);
  });

  it('validates fields with a sentence naming the field', async () => {
    const acme = valueOf(await t.api.invoke('profiles:create', { name: 'Acme' }));
    const badTime = await t.api.invoke('settings:update', { profileId: acme.id, patch: { dailyRunTime: '25:00' } });
    expect(badTime).toMatchObject({ ok: false, error: { code: 'settings.invalid' } });
    if (!badTime.ok) expect(badTime.error.message).toContain('The daily run time must be a 24-hour time such as 06:00.');
    const badUrl = await t.api.invoke('settings:update', {
      profileId: acme.id,
      patch: { lever: { environment: 'custom', baseUrl: 'not a url' } },
    });
    expect(badUrl).toMatchObject({ ok: false, error: { code: 'settings.invalid' } });
    // The Lever field quotes Lever's example, not ChartHop's.
    if (!badUrl.ok)
      expect(badUrl.error.message).toContain(
        'The Lever API base URL must be a full address starting with https://, for example https://api.lever.co/v1.',
      );
    const identity = await t.api.invoke('settings:update', { profileId: acme.id, patch: { kind: 'sandbox' } });
    expect(identity).toMatchObject({ ok: false, error: { code: 'settings.invalid' } });
  });

  it('rejects malformed input at the boundary', async () => {
    const result = await t.api.invoke('settings:get', { profileId: '../../etc' });
    expect(result).toMatchObject({ ok: false, error: { code: 'api.invalid_input' } });
  });

  it('creates, renames, selects, duplicates and deletes profiles, announcing each change', async () => {
    const announced: string[] = [];
    t.api.on('profiles:changed', (view) => announced.push(view.profiles.map((p) => p.name).join(',')));
    const acme = valueOf(await t.api.invoke('profiles:create', { name: 'Acme Corp' }));
    expect(acme).toEqual({ id: 'acme-corp', name: 'Acme Corp', kind: 'client', environment: 'Production' });
    const second = valueOf(await t.api.invoke('profiles:create', { name: 'Acme Corp' }));
    expect(second.id).toBe('acme-corp-2');
    valueOf(
      await t.api.invoke('settings:update', { profileId: acme.id, patch: { lever: { environment: 'eu' }, options: { runDaily: true } } }),
    );
    const copy = valueOf(await t.api.invoke('profiles:create', { name: 'Acme copy', copyFromId: acme.id }));
    expect(copy.environment).toBe('EU');
    expect(valueOf(await t.api.invoke('settings:get', { profileId: copy.id })).options.runDaily).toBe(true);
    expect(valueOf(await t.api.invoke('profiles:rename', { id: acme.id, name: 'Acme Inc' })).name).toBe('Acme Inc');
    expect(valueOf(await t.api.invoke('profiles:select', { id: acme.id })).selectedId).toBe(acme.id);
    const afterDelete = valueOf(await t.api.invoke('profiles:delete', { id: acme.id }));
    expect(afterDelete.selectedId).toBe('sandbox');
    expect(afterDelete.profiles.map((p) => p.id)).not.toContain(acme.id);
    expect(announced.length).toBe(7);
    expect(await t.api.invoke('profiles:delete', { id: 'sandbox' })).toMatchObject({ ok: false, error: { code: 'profiles.builtin' } });
    expect(await t.api.invoke('settings:get', { profileId: acme.id })).toMatchObject({ ok: false, error: { code: 'profiles.not_found' } });
  });

  it('exports a profile without secrets and imports it as a new profile', async () => {
    const acme = valueOf(await t.api.invoke('profiles:create', { name: 'Acme' }));
    valueOf(await t.api.invoke('secrets:set', { profileId: acme.id, name: 'leverApiKey', value: 'lever-secret-canary-7731' }));
    valueOf(
      await t.api.invoke('settings:update', {
        profileId: acme.id,
        patch: { charthop: { org: 'acme' }, mappings: { departments: { Engineering: 'R&D' } } },
      }),
    );
    const exported = valueOf(await t.api.invoke('profiles:export', { id: acme.id }));
    expect(exported.fileName).toBe('reqbridge-acme.json');
    expect(exported.json).not.toContain('lever-secret-canary-7731');
    const imported = valueOf(await t.api.invoke('profiles:import', { json: exported.json, name: 'Acme (handover)' }));
    const settings = valueOf(await t.api.invoke('settings:get', { profileId: imported.id }));
    expect(settings.charthop.org).toBe('acme');
    expect(settings.mappings.departments).toEqual({ Engineering: 'R&D' });
    expect(valueOf(await t.api.invoke('secrets:status', { profileId: imported.id })).every((s) => !s.set)).toBe(true);
  });

  it('refuses an import that is not a ReqBridge export, or that breaks the rules, writing nothing', async () => {
    valueOf(await t.api.invoke('profiles:create', { name: 'Existing' }));
    const before = readFileSync(settingsFile(), 'utf8');
    expect(await t.api.invoke('profiles:import', { json: '{nope' })).toMatchObject({
      ok: false,
      error: { code: 'profiles.import_invalid' },
    });
    expect(await t.api.invoke('profiles:import', { json: '{"format":"other"}' })).toMatchObject({
      ok: false,
      error: { code: 'profiles.import_invalid' },
    });
    const sneaky = JSON.stringify({
      format: 'reqbridge.profile',
      version: 1,
      exportedAt: 'x',
      profile: { name: 'X', options: { syncOnChange: true, reverseSync: true } },
    });
    expect(await t.api.invoke('profiles:import', { json: sneaky })).toMatchObject({
      ok: false,
      error: { code: 'settings.exclusive_options' },
    });
    const contradictory = JSON.stringify({
      format: 'reqbridge.profile',
      version: 1,
      exportedAt: 'x',
      profile: { name: 'Y', sourceOfTruth: 'lever', options: { syncOnChange: true } },
    });
    expect(await t.api.invoke('profiles:import', { json: contradictory })).toMatchObject({
      ok: false,
      error: { code: 'settings.direction_conflict' },
    });
    expect(readFileSync(settingsFile(), 'utf8')).toBe(before);
  });

  it('refuses options that contradict the source of truth, saying what to turn off, and writes nothing', async () => {
    const acme = valueOf(await t.api.invoke('profiles:create', { name: 'Acme' }));
    valueOf(
      await t.api.invoke('settings:update', { profileId: acme.id, patch: { options: { syncOnChange: true, reconciliation: true } } }),
    );
    const before = readFileSync(settingsFile(), 'utf8');

    const toLever = await t.api.invoke('settings:update', { profileId: acme.id, patch: { sourceOfTruth: 'lever' } });
    expect(toLever).toMatchObject({ ok: false, error: { code: 'settings.direction_conflict' } });
    if (!toLever.ok) {
      expect(toLever.error.message).toContain('Sync On Change pushes ChartHop’s changes to Lever, but Lever is the source of truth');
      expect(toLever.error.message).toContain('Reconciliation treats ChartHop as the source of truth, but Lever is');
      expect(toLever.error.message).toContain('Nothing was saved.');
    }
    const reverse = await t.api.invoke('settings:update', {
      profileId: acme.id,
      patch: { options: { syncOnChange: false, reconciliation: false, reverseSync: true } },
    });
    expect(reverse).toMatchObject({
      ok: false,
      error: { code: 'settings.direction_conflict', message: expect.stringContaining('choose Lever as the source of truth') },
    });
    expect(readFileSync(settingsFile(), 'utf8')).toBe(before);

    // The same change made whole is accepted: Lever as the source of truth with Reverse Sync.
    const inbound = valueOf(
      await t.api.invoke('settings:update', {
        profileId: acme.id,
        patch: { sourceOfTruth: 'lever', options: { syncOnChange: false, reconciliation: false, reverseSync: true } },
      }),
    );
    expect(inbound).toMatchObject({ sourceOfTruth: 'lever', options: { reverseSync: true, syncOnChange: false, reconciliation: false } });
  });
});

describe('secrets status when the store fails', () => {
  it("reports the store's problem per secret instead of failing, and still honours environment overrides", async () => {
    const { createUnavailableSecretStore } = await import('../../src/main/core/secrets/secret-store.ts');
    const { AppError } = await import('../../src/main/core/errors.ts');
    const broken = startTestCore({
      secretStore: createUnavailableSecretStore(new AppError('secrets.keychain_locked', 'The OS keychain is locked.')),
      env: { REQBRIDGE_LEVER_KEY: 'env-lever-key-0007' },
      environmentBinding: { kind: 'selected' },
    });
    try {
      const statuses = valueOf(await broken.api.invoke('secrets:status', { profileId: 'sandbox' }));
      expect(statuses.find((s) => s.name === 'leverApiKey')).toMatchObject({
        set: true,
        last4: '0007',
        source: 'environment',
        problem: null,
      });
      expect(statuses.find((s) => s.name === 'charthopToken')).toMatchObject({ set: false, problem: 'The OS keychain is locked.' });
      const set = await broken.api.invoke('secrets:set', { profileId: 'sandbox', name: 'charthopToken', value: 'abc12345' });
      expect(set).toMatchObject({ ok: false, error: { code: 'secrets.keychain_locked', message: 'The OS keychain is locked.' } });
    } finally {
      broken.dispose();
    }
  });
});

describe('environment overrides of secrets', () => {
  const leverKeyOf = async (t: ReturnType<typeof startTestCore>, id: string) =>
    valueOf(await t.api.invoke('secrets:status', { profileId: id })).find((s) => s.name === 'leverApiKey');

  it('bind to the profile REQBRIDGE_PROFILE names: switching the selected profile never moves them', async () => {
    const envCore = startTestCore({
      env: { REQBRIDGE_PROFILE: 'acme', REQBRIDGE_LEVER_KEY: 'env-lever-key-0007', REQBRIDGE_LEVER_URL: 'https://api.lever.co/v1' },
    });
    try {
      const acme = valueOf(await envCore.api.invoke('profiles:create', { name: 'Acme' }));
      const globex = valueOf(await envCore.api.invoke('profiles:create', { name: 'Globex' }));
      valueOf(await envCore.api.invoke('secrets:set', { profileId: globex.id, name: 'leverApiKey', value: 'globex-own-key-1111' }));
      for (const selected of [acme.id, globex.id, 'sandbox', acme.id, globex.id]) {
        valueOf(await envCore.api.invoke('profiles:select', { id: selected }));
        expect(await leverKeyOf(envCore, acme.id)).toMatchObject({ set: true, source: 'environment', last4: '0007' });
        expect(await leverKeyOf(envCore, globex.id)).toMatchObject({ set: true, source: 'keychain', last4: '1111' });
        expect(await envCore.core.service.deps.secrets.reveal(globex.id, 'leverApiKey')).toBe('globex-own-key-1111');
        expect(await envCore.core.service.deps.secrets.reveal(acme.id, 'leverApiKey')).toBe('env-lever-key-0007');
        expect(envCore.core.service.deps.environmentProfileId()).toBe(acme.id);
      }
    } finally {
      envCore.dispose();
    }
  });

  it('are refused by a multi-profile host without REQBRIDGE_PROFILE, saying how to name the profile', async () => {
    const envCore = startTestCore({ env: { REQBRIDGE_LEVER_KEY: 'env-lever-key-0007' } });
    try {
      const acme = valueOf(await envCore.api.invoke('profiles:create', { name: 'Acme' }));
      valueOf(await envCore.api.invoke('profiles:select', { id: acme.id }));
      const status = await leverKeyOf(envCore, acme.id);
      expect(status).toMatchObject({ set: false, source: null, problem: expect.stringContaining('REQBRIDGE_PROFILE=<profile name>') });
      expect(await envCore.core.service.deps.secrets.reveal(acme.id, 'leverApiKey')).toBeNull();
      expect(envCore.logs.some((r) => r.level === 'warn' && r.message.includes('start it with REQBRIDGE_PROFILE=<profile name>'))).toBe(
        true,
      );
    } finally {
      envCore.dispose();
    }
  });

  it("follow the CLI's target profile", async () => {
    const envCore = startTestCore({
      env: { REQBRIDGE_LEVER_KEY: 'env-lever-key-0007' },
      environmentBinding: { kind: 'profile', profileId: 'globex' },
    });
    try {
      const acme = valueOf(await envCore.api.invoke('profiles:create', { name: 'Acme' }));
      const globex = valueOf(await envCore.api.invoke('profiles:create', { name: 'Globex' }));
      valueOf(await envCore.api.invoke('profiles:select', { id: acme.id }));
      expect(await leverKeyOf(envCore, globex.id)).toMatchObject({ source: 'environment', last4: '0007' });
      expect(await leverKeyOf(envCore, acme.id)).toMatchObject({ set: false, source: null });
    } finally {
      envCore.dispose();
    }
  });
});
