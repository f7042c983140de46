import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.ts';

const home = makeTempDir();
afterAll(() => home.cleanup());
const bin = fileURLToPath(new URL('../../bin/reqbridge.js', import.meta.url));

/** Run the real CLI as a child process in an isolated data folder, without a keychain. */
function cli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, REQBRIDGE_HOME: home.path, REQBRIDGE_LEVER_KEY: 'cli-env-key-4321' };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('reqbridge profile (real CLI process)', () => {
  it('creates, sets, shows, exports, imports, lists and deletes profiles', () => {
    expect(cli('profile', 'create', 'Acme', 'Corp')).toMatchObject({ code: 0, stdout: 'Created profile "Acme Corp" (id acme-corp).\n' });
    expect(
      cli(
        'profile',
        'set',
        'Acme Corp',
        'sourceOfTruth=lever',
        'options.syncOnChange=false',
        'options.reverseSync=true',
        'options.runDaily=true',
        'charthop.org=acme',
      ).code,
    ).toBe(0);

    const shown = cli('profile', 'show', 'acme-corp', '--json');
    expect(shown.code).toBe(0);
    const { settings, secrets } = JSON.parse(shown.stdout) as {
      settings: { sourceOfTruth: string; options: Record<string, boolean> };
      secrets: Array<{ name: string; set: boolean; source: string; last4: string }>;
    };
    expect(settings.sourceOfTruth).toBe('lever');
    expect(settings.options).toMatchObject({ reverseSync: true, runDaily: true });
    expect(secrets.find((s) => s.name === 'leverApiKey')).toMatchObject({ set: true, source: 'environment', last4: '4321' });
    expect(shown.stdout).not.toContain('cli-env-key-4321');

    const file = join(home.path, 'acme.json');
    expect(cli('profile', 'export', 'acme-corp', '--out', file).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('cli-env-key');
    expect(cli('profile', 'import', file, '--name', 'Acme Handover')).toMatchObject({ code: 0 });
    const listed = JSON.parse(cli('profile', 'list', '--json').stdout) as { profiles: Array<{ id: string }> };
    expect(listed.profiles.map((p) => p.id)).toEqual(['sandbox', 'acme-corp', 'acme-handover']);
    // Without a keychain the profile's secrets cannot be removed: nothing is deleted, and the user is told why.
    const refused = cli('profile', 'delete', 'acme-handover');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Nothing was deleted');
    expect(cli('profile', 'list').stdout).toContain('acme-handover');
  });

  it('refuses exclusive options with a sentence naming both, exit 1, nothing saved', () => {
    cli('profile', 'create', 'Globex');
    const before = readFileSync(join(home.path, 'settings.json'), 'utf8');
    const result = cli('profile', 'set', 'globex', 'options.syncOnChange=true', 'options.reverseSync=true');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Sync On Change and Reverse Sync cannot both be on');
    expect(readFileSync(join(home.path, 'settings.json'), 'utf8')).toBe(before);
  });

  it('answers usage errors with exit 2 and the usage line', () => {
    expect(cli('profile', 'set', 'globex', 'no-equals-sign')).toMatchObject({ code: 2 });
    expect(cli('profile', 'frobnicate').stderr).toContain('Usage: reqbridge profile list');
    expect(cli('nonsense').code).toBe(2);
    expect(cli('profile', 'show', 'nobody')).toMatchObject({ code: 1, stderr: expect.stringContaining('There is no profile "nobody"') });
  });
});
