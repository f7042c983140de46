import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../support/temp-dir.ts';
import { createConfBacking } from '../../../src/main/core/settings/conf-backing.ts';
import { createProfilesRepository } from '../../../src/main/core/settings/profiles-repository.ts';
import { safeStorageServices } from '../../../src/main/electron/safe-storage-services.ts';
import { chooseSecretStore } from '../../../src/main/core/secrets/secret-store-choice.ts';
import { createEncryptedFileSecretStore } from '../../../src/main/core/secrets/encrypted-file-store.ts';
import { hostCipher, startDesktopSecretStore } from '../../../src/main/core-process/desktop-secrets.ts';
import { fakeSafeStorage, inProcessHostCaller } from '../../support/fake-safe-storage.ts';
import { startDesktopEngine } from '../../support/desktop-engine.ts';
import { createInProcessClient } from '../../../src/main/core/api/in-process-client.ts';
import { valueOf } from '../../support/test-core.ts';
import { AppError } from '../../../src/main/core/errors.ts';
import { createMemorySecretStore } from '../../../src/main/core/secrets/secret-store.ts';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

// electron-store (the desktop app's settings backing while its core ran in the main process, test/support/
// electron-store-backing.ts) imports electron: the only module mocked in the test suite.
vi.mock('electron', () => {
  const electron = {
    app: { getPath: () => temp.path, getVersion: () => '0.0.0-test', getName: () => 'ReqBridge', on: vi.fn() },
    ipcMain: { on: vi.fn(), handle: vi.fn() },
    shell: {},
  };
  return { ...electron, default: electron };
});

describe('electron-store and conf share one settings file', () => {
  it('what the desktop app saved, the CLI and host read, and back', async () => {
    const { createElectronStoreBacking } = await import('../../support/electron-store-backing.ts');
    const desktop = createProfilesRepository(createElectronStoreBacking(temp.path));
    const created = desktop.create('Acme');
    desktop.update(created.id, { options: { runDaily: true } });

    const cli = createProfilesRepository(createConfBacking(temp.path));
    expect(cli.get(created.id).options.runDaily).toBe(true);
    cli.update(created.id, { dailyRunTime: '07:30' });
    expect(desktop.get(created.id).dailyRunTime).toBe('07:30');
    expect(JSON.parse(readFileSync(join(temp.path, 'settings.json'), 'utf8')).profiles[created.id].dailyRunTime).toBe('07:30');
    // Private to the user whichever library wrote it last.
    if (process.platform !== 'win32') expect(statSync(join(temp.path, 'settings.json')).mode & 0o777).toBe(0o600);
  });

  it('electron-store creates the settings file 0600 in a 0700 folder', async () => {
    if (process.platform === 'win32') return;
    const previous = process.umask(0o022);
    try {
      const { createElectronStoreBacking } = await import('../../support/electron-store-backing.ts');
      const dir = join(temp.path, 'fresh-desktop');
      createProfilesRepository(createElectronStoreBacking(dir)).create('Initech');
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });

  it('a settings file the desktop app wrote with electron-store is the one its engine process reads through conf, and back', async () => {
    const { createElectronStoreBacking } = await import('../../support/electron-store-backing.ts');
    const dir = join(temp.path, 'upgraded');
    const oldApp = createElectronStoreBacking(dir);
    const before = createProfilesRepository(oldApp);
    const created = before.create('Acme');
    before.update(created.id, { options: { runDaily: true }, dailyRunTime: '06:15' });
    // The same file: the engine's backing opens the path electron-store wrote.
    expect(createConfBacking(dir).location).toBe(oldApp.location);
    expect(oldApp.location).toBe(join(dir, 'settings.json'));
    const written = readFileSync(oldApp.location, 'utf8');

    const desktop = await startDesktopEngine(dir, { version: '1.0.0' });
    try {
      const api = createInProcessClient(desktop.engine.dispatch, desktop.engine.events);
      expect(valueOf(await api.invoke('profiles:list', {})).profiles.map((p) => p.name)).toEqual(['Sandbox', 'Acme']);
      expect(valueOf(await api.invoke('settings:get', { profileId: created.id }))).toMatchObject({
        dailyRunTime: '06:15',
        options: { runDaily: true },
      });
      // Reading changed nothing; a change the engine saves is what electron-store then reads.
      expect(readFileSync(oldApp.location, 'utf8')).toBe(written);
      valueOf(await api.invoke('settings:update', { profileId: created.id, patch: { dailyRunTime: '07:30' } }));
    } finally {
      await desktop.close();
    }
    expect(createProfilesRepository(createElectronStoreBacking(dir)).get(created.id).dailyRunTime).toBe('07:30');
    expect(oldApp.read()).toEqual(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')));
    if (process.platform !== 'win32') expect(statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
  });
});

/** The encrypted file over the main process's safeStorage services, called in this process. */
const safeStorageFile = (backend: string, file: string) =>
  createEncryptedFileSecretStore(hostCipher(inProcessHostCaller(safeStorageServices(fakeSafeStorage(backend)))), file);

describe('safeStorage fallback', () => {
  it('refuses the basic_text backend, which protects nothing: no encryption offered, none done', async () => {
    const services = safeStorageServices(fakeSafeStorage('basic_text'));
    expect(await services['safeStorage.available']()).toBe(false);
    await expect(services['safeStorage.encrypt']('plain-lever-key-0042')).rejects.toThrow(/no real encryption/);
    expect(await safeStorageServices(fakeSafeStorage('gnome_libsecret', () => false))['safeStorage.available']()).toBe(false);
    expect(await safeStorageServices(fakeSafeStorage('gnome_libsecret'))['safeStorage.available']()).toBe(true);
  });

  it('stores only ciphertext on disk and round-trips values', async () => {
    const file = join(temp.path, 'secrets.enc.json');
    const store = safeStorageFile('gnome_libsecret', file);
    await store.set('acme', 'leverApiKey', 'plain-lever-key-0042');
    expect(readFileSync(file, 'utf8')).not.toContain('plain-lever-key-0042');
    expect(await store.get('acme', 'leverApiKey')).toBe('plain-lever-key-0042');
    expect(await store.delete('acme', 'leverApiKey')).toBe(true);
    expect(await store.delete('acme', 'leverApiKey')).toBe(false);
    expect(await store.get('acme', 'leverApiKey')).toBeNull();
  });

  it('is used only while the keychain does not answer; without either, every call says why', async () => {
    const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const fallback = () => safeStorageFile('gnome_libsecret', join(temp.path, 'choice.enc.json'));
    const broken = () => ({
      ...createMemorySecretStore(),
      get: async () => Promise.reject(new AppError('secrets.no_keychain', 'no bus')),
      set: async () => Promise.reject(new AppError('secrets.no_keychain', 'no bus')),
    });
    const viaFallback = await chooseSecretStore(broken, fallback, logger);
    expect(viaFallback.kind).toBe('encrypted-file');
    await viaFallback.set('acme', 'leverApiKey', 'fallback-key-0001');
    expect(await fallback().get('acme', 'leverApiKey')).toBe('fallback-key-0001');
    expect(logger.warn).toHaveBeenCalled();
    const noFallback = () => {
      throw new AppError('secrets.no_keychain', 'No OS keychain and no encryption: install a keyring.');
    };
    const unavailable = await chooseSecretStore(broken, noFallback, logger);
    await expect(unavailable.set('acme', 'leverApiKey', 'x')).rejects.toThrow('no bus');
    const working = createMemorySecretStore();
    const viaKeychain = await chooseSecretStore(() => working, fallback, logger);
    expect(viaKeychain.kind).toBe('keychain');
    await viaKeychain.set('acme', 'charthopToken', 'keychain-token-0002');
    expect(await working.get('acme', 'charthopToken')).toBe('keychain-token-0002');
  });

  it("the engine's store: the keychain first, the file through the main process's safeStorage, refused without real encryption", async () => {
    const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const broken = () => ({
      ...createMemorySecretStore(),
      get: async () => Promise.reject(new AppError('secrets.no_keychain', 'no bus')),
      set: async () => Promise.reject(new AppError('secrets.no_keychain', 'no bus')),
    });
    const dir = join(temp.path, 'engine');
    mkdirSync(dir);
    const safeStorage = fakeSafeStorage('gnome_libsecret');
    const store = await startDesktopSecretStore(inProcessHostCaller(safeStorageServices(safeStorage)), dir, logger, broken);
    expect(store.kind).toBe('encrypted-file');
    await store.set('acme', 'leverApiKey', 'engine-key-0003');
    expect(await store.get('acme', 'leverApiKey')).toBe('engine-key-0003');
    expect(safeStorage.calls).toEqual({ encrypted: 1, decrypted: expect.any(Number) });
    expect(readFileSync(join(dir, 'secrets.enc.json'), 'utf8')).not.toContain('engine-key-0003');
    // basic_text: no fallback, and every call says both why the keychain and why the file cannot be used.
    const basicText = inProcessHostCaller(safeStorageServices(fakeSafeStorage('basic_text')));
    const refused = await startDesktopSecretStore(basicText, join(temp.path, 'nowhere'), logger, broken);
    await expect(refused.set('acme', 'leverApiKey', 'x')).rejects.toThrow('no bus');
    expect(logger.error).toHaveBeenCalledWith(expect.stringMatching(/no bus.*no real encryption/));
    // A host that offers no safeStorage (the browser host): the same, with a warning.
    const noHost = await startDesktopSecretStore(inProcessHostCaller({}), join(temp.path, 'nowhere'), logger, broken);
    await expect(noHost.get('acme', 'leverApiKey')).rejects.toThrow('no bus');
  });
});
