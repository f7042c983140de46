import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SECRET_NAMES } from '../../src/shared/secrets/names.ts';
import { KEYCHAIN_SERVICE, keychainAccount } from '../../src/main/core/secrets/secret-store.ts';
import { createKeytarSecretStore, loadKeytar } from '../../src/main/core/secrets/keytar-store.ts';
import { startTestCore, valueOf } from '../support/test-core.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const hasSessionBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
const hasDbusTools = spawnSync('sh', ['-c', 'command -v dbus-run-session && command -v gnome-keyring-daemon']).status === 0;
const probe = fileURLToPath(new URL('../fixtures/keytar-probe.ts', import.meta.url));
if (!hasSessionBus) {
  process.stderr.write(
    'SKIP keychain round trip: no D-Bus session bus. Run the tests through .ci/run (it starts a private gnome-keyring session).\n',
  );
}

const profileId = `test-${process.pid}`;
afterAll(async () => {
  if (!hasSessionBus) return;
  const keytar = loadKeytar();
  for (const name of SECRET_NAMES) await keytar.deletePassword(KEYCHAIN_SERVICE, keychainAccount(profileId, name));
});

describe.skipIf(!hasSessionBus)('secrets in a real OS keychain (gnome-keyring)', () => {
  it('round-trips under service ReqBridge, account <profile>:<name>', async () => {
    const store = createKeytarSecretStore();
    await store.set(profileId, 'leverApiKey', 'lever-key-abcd-1234');
    expect(await loadKeytar().getPassword('ReqBridge', `${profileId}:leverApiKey`)).toBe('lever-key-abcd-1234');
    expect(await store.get(profileId, 'leverApiKey')).toBe('lever-key-abcd-1234');
    expect(await store.delete(profileId, 'leverApiKey')).toBe(true);
    expect(await store.get(profileId, 'leverApiKey')).toBeNull();
  });

  it('through the contract: set stores in the keychain; status shows only the last 4; no response carries the value', async () => {
    const t = startTestCore({ secretStore: createKeytarSecretStore() });
    try {
      valueOf(await t.api.invoke('profiles:create', { name: profileId }));
      const canary = 'canary-LEVER-KEY-7f3e9a-wxyz';
      const responses: string[] = [];
      const record = <T>(envelope: T) => (responses.push(JSON.stringify(envelope)), envelope);
      const set = valueOf(record(await t.api.invoke('secrets:set', { profileId, name: 'leverApiKey', value: canary })));
      expect(set).toMatchObject({ name: 'leverApiKey', set: true, last4: 'wxyz', source: 'keychain' });
      expect(await loadKeytar().getPassword('ReqBridge', `${profileId}:leverApiKey`)).toBe(canary);
      const statuses = valueOf(record(await t.api.invoke('secrets:status', { profileId })));
      expect(statuses.map((s) => s.name)).toEqual([...SECRET_NAMES]);
      record(await t.api.invoke('settings:get', { profileId }));
      record(await t.api.invoke('profiles:export', { id: profileId }));
      for (const channel of ['profiles:list', 'app:info'] as const) record(await t.api.invoke(channel, {}));
      expect(responses.join('\n')).not.toContain(canary);
      expect(responses.join('\n')).not.toContain(canary.slice(0, -4));
      const cleared = valueOf(await t.api.invoke('secrets:clear', { profileId, name: 'leverApiKey' }));
      expect(cleared).toMatchObject({ set: false, last4: null });
      expect(await loadKeytar().getPassword('ReqBridge', `${profileId}:leverApiKey`)).toBeNull();

      // Deleting the profile removes its secrets from the keychain.
      valueOf(await t.api.invoke('secrets:set', { profileId, name: 'charthopToken', value: 'charthop-token-to-delete' }));
      valueOf(await t.api.invoke('profiles:delete', { id: profileId }));
      expect(await loadKeytar().getPassword('ReqBridge', `${profileId}:charthopToken`)).toBeNull();
    } finally {
      t.dispose();
    }
  });
});

describe('keychain failures become clear errors', () => {
  it('no session bus → secrets.no_keychain, telling what to do', () => {
    const env = { ...process.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    delete env.DISPLAY;
    const out = execFileSync(process.execPath, [probe], { env, encoding: 'utf8', timeout: 20_000 });
    const result = JSON.parse(out) as { code: string; message: string };
    expect(result.code).toBe('secrets.no_keychain');
    expect(result.message).toContain('REQBRIDGE_LEVER_KEY');
  });

  it.skipIf(!hasDbusTools)('a locked keyring → secrets.keychain_locked', () => {
    const temp = makeTempDir();
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: temp.path };
      delete env.DISPLAY;
      // A keyring daemon that was started but never unlocked: no login collection.
      const out = execFileSync(
        'dbus-run-session',
        ['--', 'sh', '-c', `gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1; "${process.execPath}" "${probe}"`],
        {
          env,
          encoding: 'utf8',
          timeout: 30_000,
          stdio: ['ignore', 'pipe', 'ignore'],
        },
      );
      expect(JSON.parse(out.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ code: 'secrets.keychain_locked' });
    } finally {
      temp.cleanup();
    }
  });
});
