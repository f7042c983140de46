// The renderer's stores on their own: a real core (Sandbox embedded off, conf settings file, SQLite,
// secrets in memory) behind the in-process client, installed as `window.api` — the same contract the
// preload exposes — so a store's actions go through the real handlers without a browser.
import type { BridgeApi } from '../../../src/shared/api/channels.ts';
import { startTestCore } from '../../support/test-core.ts';
import type { TestCore } from '../../support/test-core.ts';

/** A core behind `window.api`, for one store test file. */
export interface StoreWorld {
  core: TestCore;
  api: BridgeApi;
  /** Holds back the answers of calls `which` picks by `ms` (to play answers arriving out of order). */
  slowDown(which: (channel: string, input: unknown) => boolean, ms: number): void;
  dispose(): void;
}

/**
 * Starts a core and installs its in-process client as `window.api` (call before importing a store); `options` go to the
 * core (e.g. a data folder and an environment whose keys and URLs point a profile at the fake Lever and ChartHop).
 */
export function installStoreWorld(options: Parameters<typeof startTestCore>[0] = {}): StoreWorld {
  const core = startTestCore(options);
  let slow: { which: (channel: string, input: unknown) => boolean; ms: number } | null = null;
  const api: BridgeApi = {
    ...core.api,
    invoke: (async (channel: string, input: unknown) => {
      if (slow?.which(channel, input)) await new Promise((resolve) => setTimeout(resolve, slow?.ms ?? 0));
      return (core.api.invoke as (c: string, i: unknown) => Promise<unknown>)(channel, input);
    }) as BridgeApi['invoke'],
  };
  // The window the stores read: the API, plus the address's hash and its events (the routing store).
  const win = Object.assign(new EventTarget(), { api, location: { hash: '' } });
  (globalThis as { window?: unknown }).window = win;
  return {
    core,
    api: core.api,
    slowDown(which, ms) {
      slow = { which, ms };
    },
    dispose() {
      core.dispose();
      delete (globalThis as { window?: unknown }).window;
    },
  };
}
