import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.ts';

const home = makeTempDir();
afterAll(() => home.cleanup());
const bin = fileURLToPath(new URL('../../bin/reqbridge.js', import.meta.url));

/** Run the real CLI as a child process on a profile store in an isolated data folder, without a keychain. */
function cli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, REQBRIDGE_HOME: home.path };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The profile's mappings as the settings file holds them. */
const savedMappings = (id: string): Record<string, Record<string, string>> | undefined =>
  (
    JSON.parse(readFileSync(join(home.path, 'settings.json'), 'utf8')) as {
      profiles: Record<string, { mappings: Record<string, Record<string, string>> }>;
    }
  ).profiles[id]?.mappings;

describe('reqbridge mapping (real CLI process, real profile store)', () => {
  it('sets values with spaces and dots, lists them as a table and as JSON, replaces and removes them', () => {
    expect(cli('profile', 'create', 'Acme').code).toBe(0);
    const set = cli('mapping', 'set', '--profile', 'Acme', 'user', 'Nora.Edwards@acme.example', 'nedwards@acme.example');
    expect(set).toMatchObject({
      code: 0,
      stdout: 'Acme: ChartHop user “Nora.Edwards@acme.example” now maps to Lever “nedwards@acme.example”. The next plan uses it.\n',
    });
    expect(cli('mapping', 'set', '--profile', 'acme', 'departments', 'Research & Development', 'R&D').code).toBe(0);
    expect(savedMappings('acme')).toMatchObject({
      users: { 'Nora.Edwards@acme.example': 'nedwards@acme.example' },
      departments: { 'Research & Development': 'R&D' },
    });

    const listed = cli('mapping', 'list', '--profile', 'Acme');
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n')[0]).toMatch(/^KIND\s+CHARTHOP\s+LEVER$/);
    expect(listed.stdout).toMatch(/department\s+Research & Development\s+→\s+R&D/);
    expect(listed.stdout).toMatch(/user\s+Nora\.Edwards@acme\.example\s+→\s+nedwards@acme\.example/);
    expect(JSON.parse(cli('mapping', 'list', 'user', '--profile', 'Acme', '--json').stdout)).toEqual([
      { kind: 'user', charthop: 'Nora.Edwards@acme.example', lever: 'nedwards@acme.example' },
    ]);

    // The same ChartHop name in another case replaces the mapping instead of adding a conflicting one.
    const replaced = cli('mapping', 'set', '--profile', 'Acme', 'user', 'nora.edwards@acme.example', 'nora@acme.example');
    expect(replaced.stdout).toContain('(it was mapped to “nedwards@acme.example”)');
    expect(savedMappings('acme')?.['users']).toEqual({ 'nora.edwards@acme.example': 'nora@acme.example' });

    expect(cli('mapping', 'remove', '--profile', 'Acme', 'department', 'research & development')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('removed the department mapping'),
    });
    expect(savedMappings('acme')?.['departments']).toEqual({});
    expect(cli('mapping', 'list', 'departments', '--profile', 'Acme').stdout).toContain('Acme has no department mappings.');
  });

  it('refuses an unknown kind, an unknown profile, a user that is not an email and a missing mapping, saying what to do', () => {
    cli('profile', 'create', 'Globex');
    const before = readFileSync(join(home.path, 'settings.json'), 'utf8');
    expect(cli('mapping', 'set', '--profile', 'Globex', 'office', 'Paris', 'Paris HQ')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('There is no mapping kind "office": use one of department, team, location, employment, user'),
    });
    expect(cli('mapping', 'list', '--profile', 'Initech')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('There is no profile "Initech". See the list with: reqbridge profile list'),
    });
    expect(cli('mapping', 'set', '--profile', 'Globex', 'user', 'Nora Edwards', 'nora@globex.example')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('A user mapping pairs email addresses; "Nora Edwards" is not one.'),
    });
    expect(cli('mapping', 'remove', '--profile', 'Globex', 'team', 'Platform')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('There is no team mapping for the ChartHop value "Platform"'),
    });
    expect(cli('mapping', 'set', '--profile', 'Globex', 'team', 'Platform')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Quote a value that holds spaces'),
    });
    expect(readFileSync(join(home.path, 'settings.json'), 'utf8')).toBe(before);
  });
});
