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
  dispose(): void;
}

/** Starts a core and installs its in-process client as `window.api` (call before importing a store). */
export function installStoreWorld(): StoreWorld {
  const core = startTestCore();
  (globalThis as { window?: unknown }).window = { api: core.api };
  return {
    core,
    api: core.api,
    dispose() {
      core.dispose();
      delete (globalThis as { window?: unknown }).window;
    },
  };
}
