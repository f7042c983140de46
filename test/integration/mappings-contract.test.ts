import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxCore } from '../support/sandbox-core.ts';
import { startSandboxCore } from '../support/sandbox-core.ts';
import { valueOf } from '../support/test-core.ts';

let t: SandboxCore;

beforeAll(async () => {
  t = await startSandboxCore();
});
afterAll(async () => {
  await t.dispose();
});

/** The Sandbox's recruiter with no Lever user (the demo data's deliberate unmapped value). */
const UNMAPPED = 'alan.edwards@northwind.example';

describe('value mappings through the contract, against the Sandbox servers', () => {
  it('lists the other system’s values, read from it: Lever users with name and email, groups, employment types', async () => {
    const leverUsers = valueOf(await t.api.invoke('mappings:counterparts', { profileId: 'sandbox', kind: 'user', system: 'lever' }));
    expect(leverUsers.choices).toContainEqual({
      value: 'sandbox.admin@northwind.example',
      label: 'Sandbox Admin',
      detail: 'sandbox.admin@northwind.example',
    });
    expect(leverUsers.choices.map((c) => c.value)).not.toContain(UNMAPPED);

    const departments = valueOf(
      await t.api.invoke('mappings:counterparts', { profileId: 'sandbox', kind: 'department', system: 'charthop' }),
    );
    expect(departments.choices.map((c) => c.value)).toContain('People');
    const leverTeams = valueOf(await t.api.invoke('mappings:counterparts', { profileId: 'sandbox', kind: 'team', system: 'lever' }));
    expect(leverTeams.choices.length).toBeGreaterThan(0);
    expect(leverTeams.note).toContain('Lever keeps no list of teams');

    const leverEmployment = valueOf(
      await t.api.invoke('mappings:counterparts', { profileId: 'sandbox', kind: 'employment', system: 'lever' }),
    );
    expect(leverEmployment.choices.map((c) => c.value)).toEqual(
      expect.arrayContaining(['full-time', 'part-time', 'intern', 'contractor', 'temp-worker']),
    );
    const charthopEmployment = valueOf(
      await t.api.invoke('mappings:counterparts', { profileId: 'sandbox', kind: 'employment', system: 'charthop' }),
    );
    expect(charthopEmployment.choices.map((c) => c.value)).toContain('EXPAT');
    const people = valueOf(await t.api.invoke('mappings:counterparts', { profileId: 'sandbox', kind: 'user', system: 'charthop' }));
    expect(people.choices.find((c) => c.value === UNMAPPED)?.label).toMatch(/\S+ \S+/);
  });

  it('refuses a kind it does not know, and says what to do when the profile has no keys', async () => {
    const bad = await t.api.invoke('mappings:counterparts', { profileId: 'sandbox', kind: 'office' as 'user', system: 'lever' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'api.invalid_input' } });
    const client = valueOf(await t.api.invoke('profiles:create', { name: 'No Keys Yet' }));
    const none = await t.api.invoke('mappings:counterparts', { profileId: client.id, kind: 'user', system: 'lever' });
    expect(none).toMatchObject({
      ok: false,
      error: { code: 'mappings.no_connection', message: expect.stringContaining('Paste it in Setup → Connect') },
    });
  });

  it('names the mappable values on the plan rows and the doctor’s findings; a mapping set makes the skipped rows plan', async () => {
    const before = valueOf(await t.api.invoke('sync:plan', { profileId: 'sandbox', mode: 'reconcile' }));
    const skipped = before.rows.filter((row) => row.unmapped?.some((v) => v.value === UNMAPPED));
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.every((row) => row.action === 'skip')).toBe(true);
    expect(skipped[0]?.unmapped).toEqual([{ kind: 'user', value: UNMAPPED, from: 'charthop' }]);
    expect(before.unmapped).toContainEqual(expect.objectContaining({ kind: 'user', value: UNMAPPED, from: 'charthop' }));

    const report = valueOf(await t.api.invoke('doctor:run', { profileId: 'sandbox' }));
    for (const check of report.checks.filter((c) => c.mappable)) expect(check.mappable).toHaveLength(check.items?.length ?? 0);
    const users = report.checks.find((c) => c.id === 'users.match');
    const index = users?.items?.findIndex((item) => item.includes(UNMAPPED)) ?? -1;
    expect(users?.mappable?.[index]).toEqual({ kind: 'user', value: UNMAPPED, from: 'charthop' });

    const changed: string[] = [];
    t.api.on('settings:changed', ({ profileId }) => changed.push(profileId));
    const set = valueOf(
      await t.api.invoke('mappings:set', {
        profileId: 'sandbox',
        kind: 'user',
        charthop: UNMAPPED,
        lever: 'sandbox.admin@northwind.example',
      }),
    );
    expect(set.previous).toBeNull();
    expect(set.mappings.users).toMatchObject({
      [UNMAPPED]: 'sandbox.admin@northwind.example',
      'nora.edwards@northwind.example': 'nedwards@northwind.example',
    });
    expect(changed).toEqual(['sandbox']);

    const after = valueOf(await t.api.invoke('sync:plan', { profileId: 'sandbox', mode: 'reconcile' }));
    for (const row of skipped) expect(['create', 'update', 'link']).toContain(after.rows.find((r) => r.id === row.id)?.action);
    expect(after.unmapped.map((v) => v.value)).not.toContain(UNMAPPED);
  });
});
