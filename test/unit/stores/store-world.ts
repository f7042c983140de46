// The renderer's stores on their own: a real core (conf settings file, SQLite, secrets in memory)
// behind the in-process client, installed as `window.api` — the same contract the preload exposes —
// so a store's actions go through the real handlers without a browser. The Sandbox world adds the
// embedded Sandbox (fake Lever and ChartHop on 127.0.0.1), for stores whose actions need real data.
import type { BridgeApi } from '../../../src/shared/api/channels.ts';
import { startSandboxCore } from '../../support/sandbox-core.ts';
import type { SandboxCore } from '../../support/sandbox-core.ts';
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

/** A Sandbox core behind `window.api`: the Sandbox profile plans, checks and syncs against the fake servers. */
export interface SandboxStoreWorld {
  core: SandboxCore;
  api: BridgeApi;
  /** As {@link StoreWorld.slowDown}. */
  slowDown(which: (channel: string, input: unknown) => boolean, ms: number): void;
  dispose(): Promise<void>;
}

/** Installs `api` as `window.api` behind a delay switch; returns the switch and the uninstaller. */
function installWindow(api: BridgeApi): { slowDown: StoreWorld['slowDown']; uninstall(): void } {
  let slow: { which: (channel: string, input: unknown) => boolean; ms: number } | null = null;
  const delayed: BridgeApi = {
    ...api,
    invoke: (async (channel: string, input: unknown) => {
      const held = slow?.which(channel, input) ? (slow?.ms ?? 0) : 0;
      // The answer is read now and handed over late: an answer overtaken by a newer one is stale.
      const answer = await (api.invoke as (c: string, i: unknown) => Promise<unknown>)(channel, input);
      if (held > 0) await new Promise((resolve) => setTimeout(resolve, held));
      return answer;
    }) as BridgeApi['invoke'],
  };
  // The window the stores read: the API, plus the address's hash and its events (the routing store).
  const win = Object.assign(new EventTarget(), { api: delayed, location: { hash: '' } });
  (globalThis as { window?: unknown }).window = win;
  return {
    slowDown(which, ms) {
      slow = { which, ms };
    },
    uninstall() {
      delete (globalThis as { window?: unknown }).window;
    },
  };
}

/** Starts a core and installs its in-process client as `window.api` (call before importing a store). */
export function installStoreWorld(options: Parameters<typeof startTestCore>[0] = {}): StoreWorld {
  const core = startTestCore(options);
  const installed = installWindow(core.api);
  return {
    core,
    api: core.api,
    slowDown: installed.slowDown,
    dispose() {
      core.dispose();
      installed.uninstall();
    },
  };
}

/** Starts the embedded Sandbox and a core on it, and installs its client as `window.api` (before importing a store). */
export async function installSandboxStoreWorld(): Promise<SandboxStoreWorld> {
  const core = await startSandboxCore();
  const installed = installWindow(core.api);
  return {
    core,
    api: core.api,
    slowDown: installed.slowDown,
    async dispose() {
      installed.uninstall();
      await core.dispose();
    },
  };
}
