/**
 * Electron's safeStorage, faked (the electron module is the one thing tests may fake): a reversible
 * byte scramble, so a file holding its output shows no plain value, with the backend Linux would
 * name. And a host caller that calls host services in this process, for tests of the core process's
 * side without a process.
 */
import type { HostCaller, HostServices } from '../../src/main/core/process/host-services.ts';

/** What the fake did, for assertions. */
export interface FakeSafeStorageCalls {
  encrypted: number;
  decrypted: number;
}

/** A fake safeStorage; `available()` is read at each call (a test may switch it). */
export function fakeSafeStorage(
  backend = 'gnome_libsecret',
  available: () => boolean = () => true,
  calls: FakeSafeStorageCalls = { encrypted: 0, decrypted: 0 },
) {
  const scramble = (bytes: Uint8Array) => Buffer.from([...bytes].map((b) => b ^ 0x5a));
  return {
    calls,
    isEncryptionAvailable: available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text: string) => {
      calls.encrypted += 1;
      return scramble(Buffer.from(text));
    },
    decryptString: (data: Buffer) => {
      calls.decrypted += 1;
      return scramble(data).toString();
    },
  };
}

/** Calls `services` directly, as the core process would through its host. */
export function inProcessHostCaller(services: HostServices): HostCaller {
  return {
    call: async (name, ...args) => {
      const service = services[name] as ((...values: unknown[]) => Promise<never>) | undefined;
      if (!service) throw new Error(`No ${name} in this test.`);
      return service(...args);
    },
  };
}
