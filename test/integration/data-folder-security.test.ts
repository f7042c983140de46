/**
 * The data folder is private (0700, files 0600, temporary files included), and the secret store
 * goes back to the OS keychain as soon as it answers, moving the fallback's secrets into it;
 * deleting a profile clears both stores. Real files, real SQLite, a real keychain (gnome-keyring).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/main/core/errors.ts';
import { writePrivateFile } from '../../src/main/core/files/private-files.ts';
import { createKeychainFirstStore } from '../../src/main/core/secrets/keychain-first-store.ts';
import type { SecretStore } from '../../src/main/core/secrets/secret-store.ts';
import { KEYCHAIN_SERVICE, keychainAccount } from '../../src/main/core/secrets/secret-store.ts';
import { createKeytarSecretStore, loadKeytar } from '../../src/main/core/secrets/keytar-store.ts';
import { startEmbeddedSandbox } from '../../src/main/host/embedded-sandbox.ts';
import { safeStorageServices } from '../../src/main/electron/safe-storage-services.ts';
import { createEncryptedFileSecretStore } from '../../src/main/core/secrets/encrypted-file-store.ts';
import { hostCipher } from '../../src/main/core-process/desktop-secrets.ts';
import { fakeSafeStorage, inProcessHostCaller } from '../support/fake-safe-storage.ts';
import { SECRET_NAMES } from '../../src/shared/secrets/names.ts';
import { startTestCore, valueOf } from '../support/test-core.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const hasSessionBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
const modeOf = (path: string) => statSync(path).mode & 0o777;

/** Every file and folder under `dir`, with its mode. */
function modes(dir: string): Array<[string, number, 'dir' | 'file']> {
  const out: Array<[string, number, 'dir' | 'file']> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stats = statSync(path);
    out.push([path, stats.mode & 0o777, stats.isDirectory() ? 'dir' : 'file']);
    if (stats.isDirectory()) out.push(...modes(path));
  }
  return out;
}

/** The encrypted secrets file over Electron's safeStorage (faked: the electron module is the one thing tests may fake). */
const safeStorageFile = (file: string) =>
  createEncryptedFileSecretStore(hostCipher(inProcessHostCaller(safeStorageServices(fakeSafeStorage()))), file);

describe.skipIf(process.platform === 'win32')('file modes in the data folder', () => {
  it('the folder is 0700 and every file 0600: settings, state databases with -wal and -shm, old loose files', async () => {
    const previous = process.umask(0o022);
    const temp = makeTempDir();
    try {
      const dataDir = join(temp.path, 'data');
      // A folder written by an older version: 0755, with a 0644 settings file and state file.
      mkdirSync(join(dataDir, 'state'), { recursive: true, mode: 0o755 });
      chmodSync(dataDir, 0o755);
      writeFileSync(join(dataDir, 'settings.json'), '{}', { mode: 0o644 });
      writeFileSync(join(dataDir, 'state', 'old.sqlite'), '', { mode: 0o644 });
      const t = startTestCore({ dataDir });
      try {
        const acme = valueOf(await t.api.invoke('profiles:create', { name: 'Acme' }));
        valueOf(await t.api.invoke('settings:update', { profileId: acme.id, patch: { dailyRunTime: '07:00' } }));
        valueOf(await t.api.invoke('runs:list', { profileId: acme.id }));
        t.core.service.deps.stateDbs
          .forProfile(acme.id)
          .db.exec("INSERT INTO cursors (name, value, updated_at) VALUES ('probe', 'x', 'now')");
        const db = join(dataDir, 'state', `${acme.id}.sqlite`);
        for (const path of [db, `${db}-wal`, `${db}-shm`]) expect(existsSync(path), path).toBe(true);
        const all = modes(dataDir);
        expect(all.length).toBeGreaterThanOrEqual(6);
        expect(modeOf(dataDir)).toBe(0o700);
        for (const [path, mode, kind] of all) expect(mode.toString(8), path).toBe(kind === 'dir' ? '700' : '600');
      } finally {
        t.dispose();
      }
    } finally {
      process.umask(previous);
      temp.cleanup();
    }
  });

  it('the encrypted secrets file and its temporary copy are 0600 even after a 0644 leftover; exports and the sandbox state too', async () => {
    const previous = process.umask(0o022);
    const temp = makeTempDir();
    try {
      const file = join(temp.path, 'secrets.enc.json');
      writeFileSync(`${file}.tmp`, 'left over by a crash', { mode: 0o644 });
      const store = safeStorageFile(file);
      await store.set('acme', 'leverApiKey', 'file-key-0001');
      expect(modeOf(file)).toBe(0o600);
      expect(existsSync(`${file}.tmp`)).toBe(false);

      const exported = join(temp.path, 'run-7.csv');
      writeFileSync(exported, 'old', { mode: 0o644 });
      writePrivateFile(exported, 'id,title\n');
      expect(modeOf(exported)).toBe(0o600);
      expect(readFileSync(exported, 'utf8')).toBe('id,title\n');

      const sandboxHome = join(temp.path, 'home');
      const embedded = await startEmbeddedSandbox(sandboxHome, { debug() {}, info() {}, warn() {}, error() {} });
      await embedded.close();
      expect(modeOf(join(sandboxHome, 'sandbox'))).toBe(0o700);
      expect(modeOf(join(sandboxHome, 'sandbox', 'state.json'))).toBe(0o600);
    } finally {
      process.umask(previous);
      temp.cleanup();
    }
  });
});

const profileName = `fallback-${process.pid}`;
afterAll(async () => {
  if (!hasSessionBus) return;
  for (const name of SECRET_NAMES) await loadKeytar().deletePassword(KEYCHAIN_SERVICE, keychainAccount(profileName, name));
});

/** The real keychain, which can be "locked" the way a login keyring is before the user unlocks it. */
function lockableKeychain(): SecretStore & { locked: boolean; absent: boolean } {
  const real = createKeytarSecretStore();
  const gate = async () => {
    if (wrapper.locked) throw new AppError('secrets.keychain_locked', 'The OS keychain is locked. Unlock your login keyring, then retry.');
    if (wrapper.absent) throw new AppError('secrets.no_keychain', 'No OS keychain is reachable: there is no D-Bus session.');
  };
  const wrapper = {
    kind: 'keychain' as const,
    locked: false,
    absent: false,
    get: async (...args: Parameters<SecretStore['get']>) => (await gate(), real.get(...args)),
    set: async (...args: Parameters<SecretStore['set']>) => (await gate(), real.set(...args)),
    delete: async (...args: Parameters<SecretStore['delete']>) => (await gate(), real.delete(...args)),
  };
  return wrapper;
}

describe.skipIf(!hasSessionBus)('the keychain first, the encrypted file only while it does not answer (real keychain)', () => {
  it("tries the keychain on each access, moves the file's secrets into it once it answers, and a deleted profile leaves nothing in either", async () => {
    const temp = makeTempDir();
    const file = join(temp.path, 'secrets.enc.json');
    const keychain = lockableKeychain();
    const logs: string[] = [];
    const logger = { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m) };
    const store = createKeychainFirstStore({ keychain, fallback: () => safeStorageFile(file), logger });
    const t = startTestCore({ secretStore: store });
    const keytar = loadKeytar();
    const inKeychain = (name: (typeof SECRET_NAMES)[number]) => keytar.getPassword(KEYCHAIN_SERVICE, keychainAccount(profileName, name));
    const inFile = (): Record<string, string> =>
      existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
    try {
      const profile = valueOf(await t.api.invoke('profiles:create', { name: profileName }));
      expect(profile.id).toBe(profileName);

      // Locked at login: the secret goes to the encrypted file, never to the keychain.
      keychain.locked = true;
      valueOf(await t.api.invoke('secrets:set', { profileId: profileName, name: 'leverApiKey', value: 'locked-time-key-0001' }));
      expect(store.kind).toBe('encrypted-file');
      expect(Object.keys(inFile())).toEqual([`${profileName}:leverApiKey`]);
      expect(await inKeychain('leverApiKey')).toBeNull();

      // Unlocked: the next access finds the keychain, moves the secret into it and empties the file.
      keychain.locked = false;
      expect(await t.core.service.deps.secrets.reveal(profileName, 'charthopToken')).toBeNull();
      expect(store.kind).toBe('keychain');
      expect(await inKeychain('leverApiKey')).toBe('locked-time-key-0001');
      expect(inFile()).toEqual({});
      expect(await t.core.service.deps.secrets.reveal(profileName, 'leverApiKey')).toBe('locked-time-key-0001');
      expect(logs.some((line) => line.includes('moved 1 secret(s)'))).toBe(true);

      // A secret in each store (one written while locked again), then delete the profile.
      valueOf(await t.api.invoke('secrets:set', { profileId: profileName, name: 'charthopToken', value: 'keychain-token-0002' }));
      keychain.locked = true;
      valueOf(await t.api.invoke('secrets:set', { profileId: profileName, name: 'ngrokAuthtoken', value: 'locked-ngrok-0003' }));
      expect(Object.keys(inFile())).toEqual([`${profileName}:ngrokAuthtoken`]);
      // While the keychain is locked the profile cannot be deleted cleanly: nothing is deleted.
      expect(await t.api.invoke('profiles:delete', { id: profileName })).toMatchObject({
        ok: false,
        error: { code: 'profiles.delete_blocked' },
      });
      expect(await inKeychain('leverApiKey')).toBe('locked-time-key-0001');
      keychain.locked = false;
      valueOf(await t.api.invoke('profiles:delete', { id: profileName }));
      for (const name of SECRET_NAMES) expect(await inKeychain(name), name).toBeNull();
      expect(inFile()).toEqual({});
    } finally {
      t.dispose();
      temp.cleanup();
    }
  });

  it('where no keychain exists at all, deleting a profile clears the encrypted file', async () => {
    const temp = makeTempDir();
    const file = join(temp.path, 'secrets.enc.json');
    const keychain = lockableKeychain();
    keychain.absent = true;
    const store = createKeychainFirstStore({
      keychain,
      fallback: () => safeStorageFile(file),
      logger: { info() {}, warn() {} },
    });
    const t = startTestCore({ secretStore: store });
    try {
      valueOf(await t.api.invoke('profiles:create', { name: profileName }));
      valueOf(await t.api.invoke('secrets:set', { profileId: profileName, name: 'leverApiKey', value: 'file-only-key-0004' }));
      expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object)).toEqual([`${profileName}:leverApiKey`]);
      valueOf(await t.api.invoke('profiles:delete', { id: profileName }));
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({});
    } finally {
      t.dispose();
      temp.cleanup();
    }
  });
});
