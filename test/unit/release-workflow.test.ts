// The release workflow cannot run here; what it calls must exist: every `npm run NAME` and `npm test` it runs
// is a script in package.json, and it signs from the repository's secrets.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const workflow = readFileSync(`${root}.github/workflows/release.yml`, 'utf8');
const scripts = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('.github/workflows/release.yml', () => {
  it('calls only npm scripts that exist', () => {
    const called = [...workflow.matchAll(/\bnpm (?:run ([\w:-]+)|(test|start))\b/g)].map((m) => m[1] ?? m[2]!);
    expect(called).toEqual(expect.arrayContaining(['test', 'dist', 'soak']));
    for (const name of called) expect(scripts[name], `npm run ${name}`).toBeDefined();
    expect(workflow).toMatch(/^ {6}- run: npm ci$/m);
  });

  it('gates the installers on 300 soak seeds', () => {
    expect(workflow).toContain('npm run soak -- --seeds 300 --json');
    expect(workflow).toMatch(/dist:\n {4}needs: \[test, soak\]/);
  });

  it('runs on a version tag, on macOS, Windows and Linux, signing and notarizing from secrets', () => {
    expect(workflow).toMatch(/tags: \['v\*\.\*\.\*'\]/);
    expect(workflow).toContain('os: [macos-latest, windows-latest, ubuntu-latest]');
    for (const secret of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
      'WIN_CSC_LINK',
      'WIN_CSC_KEY_PASSWORD',
    ])
      expect(workflow).toContain(`secrets.${secret}`);
  });
});
