/**
 * The rules Setup checks beside each field hold in main too: the contract (as the browser host and
 * the app call it) and the CLI refuse the same input with the same sentence, save nothing, and never
 * show zod's own wording. Real settings file, real CLI process.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { charthopOrgProblem, publicUrlProblem } from '../../src/shared/settings/field-rules.ts';
import { startTestCore, valueOf } from '../support/test-core.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const bin = fileURLToPath(new URL('../../bin/reqbridge.js', import.meta.url));
const RAW = /Too big|Too small|Invalid input|expected string|<=|format:|value:/;

/** Patches each refused with the field's own sentence (as `profile set` writes them, and as the contract takes them). */
const REFUSED: Array<{ assignment: string; patch: Record<string, unknown>; sentence: string }> = [
  { assignment: 'charthop.org=acme corp', patch: { charthop: { org: 'acme corp' } }, sentence: charthopOrgProblem('acme corp') ?? '' },
  { assignment: 'charthop.org=../acme', patch: { charthop: { org: '../acme' } }, sentence: charthopOrgProblem('../acme') ?? '' },
  { assignment: 'charthop.org=', patch: { charthop: { org: '' } }, sentence: charthopOrgProblem('') ?? '' },
  {
    assignment: 'webhook.publicUrl=https://hooks.example.com/?k=1',
    patch: { webhook: { publicUrl: 'https://hooks.example.com/?k=1' } },
    sentence: publicUrlProblem('https://hooks.example.com/?k=1') ?? '',
  },
  {
    assignment: 'webhook.publicUrl=http://hooks.example.com',
    patch: { webhook: { publicUrl: 'http://hooks.example.com' } },
    sentence: 'The public address must start with https://',
  },
];

describe('field rules on save', () => {
  it('the contract refuses each with the field’s sentence and saves nothing; a good org saves', async () => {
    const t = startTestCore();
    try {
      const acme = valueOf(await t.api.invoke('profiles:create', { name: 'Acme' }));
      valueOf(await t.api.invoke('settings:update', { profileId: acme.id, patch: { charthop: { org: 'acme' } } }));
      const before = readFileSync(join(t.dataDir, 'settings.json'), 'utf8');
      for (const { patch, sentence } of REFUSED) {
        const refused = await t.api.invoke('settings:update', { profileId: acme.id, patch });
        expect(refused.ok, JSON.stringify(patch)).toBe(false);
        if (refused.ok) continue;
        expect(refused.error.message).toContain(sentence);
        expect(refused.error.message).toMatch(/Nothing was saved\.$/);
      }
      expect(readFileSync(join(t.dataDir, 'settings.json'), 'utf8')).toBe(before);
      expect(
        valueOf(await t.api.invoke('settings:update', { profileId: acme.id, patch: { charthop: { org: 'acme-eu' } } })).charthop.org,
      ).toBe('acme-eu');
      // A new profile's org stays blank until entered: other settings save.
      const blank = valueOf(await t.api.invoke('profiles:create', { name: 'Blank' }));
      expect(valueOf(await t.api.invoke('settings:update', { profileId: blank.id, patch: { dailyRunTime: '07:00' } })).charthop.org).toBe(
        '',
      );
    } finally {
      t.dispose();
    }
  });

  it('input too long or of the wrong kind is refused in sentences, never in zod’s words', async () => {
    const t = startTestCore();
    try {
      const acme = valueOf(await t.api.invoke('profiles:create', { name: 'Acme' }));
      const answers = [
        await t.api.invoke('secrets:set', { profileId: acme.id, name: 'leverApiKey', value: 'k'.repeat(5000) }),
        await t.api.invoke('profiles:create', { name: 'N'.repeat(61) }),
        await t.api.invoke('settings:update', { profileId: acme.id, patch: { options: { runDaily: 'yes' } } }),
        await t.api.invoke('profiles:import', {
          json: JSON.stringify({ format: 'other', version: 1, exportedAt: 'x', profile: { name: 'X' } }),
        }),
        await t.api.invoke('profiles:import', {
          json: JSON.stringify({ format: 'reqbridge.profile', version: 1, exportedAt: 'x', profile: { name: 'X', charthop: { org: 7 } } }),
        }),
      ];
      const messages = answers.map((answer) => (answer.ok ? 'accepted' : answer.error.message));
      expect(messages[0]).toBe(
        'That value is longer than 4,096 characters, longer than any key or token. Copy only the key itself and paste it again.',
      );
      expect(messages[1]).toBe('Keep the profile name to 60 characters or fewer.');
      expect(messages[2]).toContain('The Run Daily switch must be true or false.');
      expect(messages[3]).toBe('That file is not a profile exported from ReqBridge: choose the .json file that Profiles → Export saved.');
      expect(messages[4]).toBe(
        'That profile file has settings ReqBridge cannot use: The ChartHop org must be text. Fix them in the file, or export the profile again from ReqBridge.',
      );
      for (const message of messages) expect(message).not.toMatch(RAW);
    } finally {
      t.dispose();
    }
  });

  it('the CLI refuses the same input with the same sentences, and a file that is not an export', () => {
    const home = makeTempDir();
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, REQBRIDGE_HOME: home.path };
      delete env.DBUS_SESSION_BUS_ADDRESS;
      const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 30_000 });
      expect(cli('profile', 'create', 'Acme').status).toBe(0);
      expect(cli('profile', 'set', 'Acme', 'charthop.org=acme').status).toBe(0);
      for (const { assignment, sentence } of REFUSED) {
        const refused = cli('profile', 'set', 'Acme', assignment);
        expect(refused.status, assignment).toBe(1);
        expect(refused.stderr).toContain(sentence);
      }
      const file = join(home.path, 'not-an-export.json');
      writeFileSync(file, JSON.stringify({ format: 'something', profile: {} }));
      const imported = cli('profile', 'import', file);
      expect(imported.status).toBe(1);
      expect(imported.stderr).toContain('That file is not a profile exported from ReqBridge');
      expect(imported.stderr).not.toMatch(RAW);
    } finally {
      home.cleanup();
    }
  });
});
