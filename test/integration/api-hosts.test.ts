/**
 * Keys travel over https:// only (plain http:// only on this machine), an imported file cannot
 * point a client's keys at a host nobody confirmed, and a profile's keys never follow it to a new
 * API host. Real settings file, real keychain, real CLI process.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SECRET_NAMES } from '../../src/shared/secrets/names.ts';
import { KEYCHAIN_SERVICE, keychainAccount } from '../../src/main/core/secrets/secret-store.ts';
import { createKeytarSecretStore, loadKeytar } from '../../src/main/core/secrets/keytar-store.ts';
import { resolveConnection } from '../../src/main/core/settings/connection.ts';
import { localtunnelTarget } from '../../src/main/core/tunnel/localtunnel.ts';
import { startTestCore, valueOf } from '../support/test-core.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const hasSessionBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
const bin = fileURLToPath(new URL('../../bin/reqbridge.js', import.meta.url));

function exportFile(profile: Record<string, unknown>): string {
  return JSON.stringify({
    format: 'reqbridge.profile',
    version: 1,
    exportedAt: '2026-12-01T00:00:00.000Z',
    profile: { name: 'Shared', ...profile },
  });
}

describe('https only, except on this machine', () => {
  it('refuses plain http:// API and localtunnel URLs off this machine on save, naming the fix; nothing is saved', async () => {
    const t = startTestCore();
    try {
      const acme = valueOf(await t.api.invoke('profiles:create', { name: 'Acme' }));
      const before = readFileSync(join(t.dataDir, 'settings.json'), 'utf8');
      const patches = [
        { lever: { environment: 'custom', baseUrl: 'http://evil.example/v1' } },
        { charthop: { baseUrl: 'http://api.charthop.com' } },
        { webhook: { localtunnelHost: 'http://tunnels.example' } },
      ];
      for (const patch of patches) {
        const refused = await t.api.invoke('settings:update', { profileId: acme.id, patch });
        expect(refused).toMatchObject({
          ok: false,
          error: { code: 'settings.insecure_url', message: expect.stringMatching(/must start with https:\/\/ .*Nothing was saved\.$/) },
        });
      }
      expect(readFileSync(join(t.dataDir, 'settings.json'), 'utf8')).toBe(before);
      for (const host of ['127.0.0.1:8080', '[::1]:8080', 'localhost:8080']) {
        valueOf(
          await t.api.invoke('settings:update', {
            profileId: acme.id,
            patch: { lever: { environment: 'custom', baseUrl: `http://${host}/v1` }, charthop: { baseUrl: `http://${host}` } },
          }),
        );
      }
      valueOf(
        await t.api.invoke('settings:update', {
          profileId: acme.id,
          patch: {
            lever: { environment: 'custom', baseUrl: 'https://lever-proxy.example/v1' },
            webhook: { localtunnelHost: 'https://tunnels.example' },
          },
        }),
      );
    } finally {
      t.dispose();
    }
  });

  it('refuses an http:// override from the environment and a localtunnel server off this machine', async () => {
    const t = startTestCore();
    try {
      const acme = valueOf(await t.api.invoke('profiles:create', { name: 'Acme' }));
      const profile = t.core.service.deps.settings.get(acme.id);
      expect(() =>
        resolveConnection(profile, { env: { REQBRIDGE_LEVER_URL: 'http://evil.example/v1' }, environmentApplies: true }),
      ).toThrow(/REQBRIDGE_LEVER_URL must start with https:\/\//);
      expect(
        resolveConnection(profile, { env: { REQBRIDGE_LEVER_URL: 'http://127.0.0.1:9/v1' }, environmentApplies: true }).leverBaseUrl,
      ).toBe('http://127.0.0.1:9/v1');
      expect(() => localtunnelTarget({ host: 'http://localtunnel.me' })).toThrow(/The localtunnel server must start with https:\/\//);
      expect(localtunnelTarget({ host: 'http://127.0.0.1:4000' }).host).toBe('http://127.0.0.1:4000');
    } finally {
      t.dispose();
    }
  });
});

describe('import of a profile file', () => {
  it("refuses hosts other than the vendors' own until each is confirmed, and never keeps http:// ones", async () => {
    const t = startTestCore();
    try {
      const foreign = exportFile({
        lever: { environment: 'custom', baseUrl: 'https://evil.example/v1' },
        charthop: { baseUrl: 'https://api.charthop.com', org: 'acme' },
      });
      const refused = await t.api.invoke('profiles:import', { json: foreign });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'profiles.import_hosts', message: expect.stringContaining('evil.example (lever.baseUrl)') },
      });
      expect(valueOf(await t.api.invoke('profiles:list', {})).profiles).toHaveLength(1);
      expect(await t.api.invoke('profiles:import', { json: foreign, allowHosts: ['other.example'] })).toMatchObject({
        ok: false,
        error: { code: 'profiles.import_hosts' },
      });
      expect(valueOf(await t.api.invoke('profiles:import', { json: foreign, allowHosts: ['evil.example'] }))).toMatchObject({
        name: 'Shared',
      });

      const cleartext = exportFile({ charthop: { baseUrl: 'http://evil.example', org: 'acme' } });
      expect(await t.api.invoke('profiles:import', { json: cleartext, allowHosts: ['evil.example'] })).toMatchObject({
        ok: false,
        error: { code: 'settings.insecure_url' },
      });

      const vendorsOnly = exportFile({ lever: { environment: 'eu' }, charthop: { baseUrl: 'https://api.charthop.com', org: 'acme' } });
      expect(valueOf(await t.api.invoke('profiles:import', { json: vendorsOnly, name: 'Vendors only' }))).toMatchObject({
        name: 'Vendors only',
      });
    } finally {
      t.dispose();
    }
  });

  it('the CLI refuses the file until --allow-hosts names its hosts, and says which', () => {
    const home = makeTempDir();
    try {
      const file = join(home.path, 'shared.json');
      writeFileSync(
        file,
        exportFile({
          charthop: { baseUrl: 'https://charthop-proxy.example', org: 'acme' },
          webhook: { publicUrl: 'https://hooks.example' },
        }),
      );
      const env: NodeJS.ProcessEnv = { ...process.env, REQBRIDGE_HOME: home.path };
      delete env.DBUS_SESSION_BUS_ADDRESS;
      const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 30_000 });
      const refused = cli('profile', 'import', file);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('charthop-proxy.example (charthop.baseUrl), hooks.example (webhook.publicUrl)');
      expect(refused.stderr).toContain('--allow-hosts charthop-proxy.example,hooks.example');
      expect(cli('profile', 'import', file, '--allow-hosts', 'charthop-proxy.example').status).toBe(1);
      const accepted = cli('profile', 'import', file, '--allow-hosts', 'charthop-proxy.example,hooks.example');
      expect(accepted.stdout).toContain('Imported profile "Shared"');
      expect(accepted.status).toBe(0);
    } finally {
      home.cleanup();
    }
  });
});

const profileName = `hosts-${process.pid}`;
const cliProfile = `cli-hosts-${process.pid}`;
afterAll(async () => {
  if (!hasSessionBus) return;
  for (const id of [profileName, cliProfile])
    for (const name of SECRET_NAMES) await loadKeytar().deletePassword(KEYCHAIN_SERVICE, keychainAccount(id, name));
});

describe.skipIf(!hasSessionBus)("changing a profile's API host (real keychain)", () => {
  it("clears that vendor's stored keys, says so, and keeps the other vendor's", async () => {
    const t = startTestCore({ secretStore: createKeytarSecretStore() });
    try {
      const profile = valueOf(await t.api.invoke('profiles:create', { name: profileName }));
      const changed: string[] = [];
      t.core.events.on('secrets:changed', ({ profileId }) => changed.push(profileId));
      for (const [name, value] of [
        ['leverApiKey', 'lever-key-0001'],
        ['leverWebhookSignatureToken', 'lever-sig-0002'],
        ['charthopToken', 'charthop-tok-0003'],
      ] as const) {
        valueOf(await t.api.invoke('secrets:set', { profileId: profile.id, name, value }));
      }
      const setNames = async () =>
        valueOf(await t.api.invoke('secrets:status', { profileId: profile.id }))
          .filter((s) => s.set)
          .map((s) => s.name)
          .sort();

      valueOf(
        await t.api.invoke('settings:update', { profileId: profile.id, patch: { dailyRunTime: '07:00', charthop: { org: 'acme' } } }),
      );
      expect(await setNames()).toEqual(['charthopToken', 'leverApiKey', 'leverWebhookSignatureToken']);

      valueOf(await t.api.invoke('settings:update', { profileId: profile.id, patch: { lever: { environment: 'eu' } } }));
      expect(await setNames()).toEqual(['charthopToken']);
      expect(await loadKeytar().getPassword(KEYCHAIN_SERVICE, keychainAccount(profile.id, 'leverApiKey'))).toBeNull();
      expect(t.logs.map((r) => r.message)).toContain(
        "The Lever API host changed, so this profile's Lever API key and Lever webhook signature token were removed (keys never go to a host they were not entered for); enter them again in Setup.",
      );
      expect(changed).toContain(profile.id);

      valueOf(
        await t.api.invoke('settings:update', {
          profileId: profile.id,
          patch: { charthop: { baseUrl: 'https://charthop-proxy.example' } },
        }),
      );
      expect(await setNames()).toEqual([]);
    } finally {
      t.dispose();
    }
  });

  it('the CLI says which keys a host change removed', async () => {
    const home = makeTempDir();
    const t = startTestCore({ dataDir: home.path, secretStore: createKeytarSecretStore() });
    try {
      valueOf(await t.api.invoke('profiles:create', { name: cliProfile }));
      valueOf(await t.api.invoke('secrets:set', { profileId: cliProfile, name: 'charthopToken', value: 'charthop-cli-0004' }));
      const env: NodeJS.ProcessEnv = { ...process.env, REQBRIDGE_HOME: home.path };
      const result = spawnSync(process.execPath, [bin, 'profile', 'set', cliProfile, 'charthop.baseUrl=https://charthop-proxy.example'], {
        env,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(
        "The ChartHop API host changed, so this profile's ChartHop token was removed (keys never go to a host they were not entered for); enter it again in Setup.",
      );
      expect(await loadKeytar().getPassword(KEYCHAIN_SERVICE, keychainAccount(cliProfile, 'charthopToken'))).toBeNull();
    } finally {
      t.dispose();
      home.cleanup();
    }
  });
});
