/**
 * Updates in the packaged app: electron-updater (loaded only there, in the main process) behind the
 * update flow. The engine's process reaches it through host calls (its updates port forwards
 * `updates:status`, `updates:check` and `updates:restart` here), and every change of state is
 * published as `updates:changed` to the window, so "Check for updates" in Profiles → This computer
 * goes through the contract like any other channel. A daily background check downloads what it
 * finds, and a notification offers "Restart to update". Development runs never load it: the
 * services answer that this copy does not update itself, as the browser host's engine does.
 */
import type { UpdateStatus } from '../../shared/api/domains/updates.ts';
import type { Logger } from '../core/logging/logger.ts';
import type { HostServices } from '../core/process/host-services.ts';
import type { UpdatesPort } from '../core/service/updates-handlers.ts';
import type { UpdateFlow, UpdaterLike } from './update-flow.ts';
import { createUpdateFlow } from './update-flow.ts';

/** What the updates need from Electron and the core. */
export interface UpdatesDeps {
  version: string;
  logger: Logger;
  redact(text: string): string;
  notify(title: string, body: string, onClick: () => void): void;
  /** Loads electron-updater's autoUpdater (a dynamic import, so only packaged builds load it). */
  loadUpdater(): Promise<UpdaterLike>;
  /** Tells the window the new state (`updates:changed`). */
  publish(status: UpdateStatus): void;
}

/** The sentence shown when electron-updater itself could not be loaded. */
export const UPDATER_LOAD_FAILED =
  'ReqBridge could not start its update check. It keeps running without updates; reinstall it from the Releases page if this stays. The details are below.';

/** Starts the daily update check of a packaged build; resolves to its flow. */
export async function startUpdates(deps: UpdatesDeps): Promise<UpdateFlow> {
  const updater = await deps.loadUpdater();
  let announced = '';
  let noFeedLogged = false;
  const flow: UpdateFlow = createUpdateFlow({
    updater,
    version: deps.version,
    packaged: true,
    redact: deps.redact,
    onChange(state) {
      deps.publish(state);
      if (state.phase === 'available') {
        deps.logger.info(`ReqBridge ${state.next} is available (this is ${state.version}); downloading it.`);
        void flow.download();
      } else if (state.phase === 'downloaded' && announced !== state.next) {
        announced = state.next;
        deps.notify(`ReqBridge ${state.next} is ready`, 'Click to restart and update.', () => flow.restart());
      } else if (state.phase === 'error') {
        deps.logger.warn(`${state.message} ${state.details}`);
      } else if (state.phase === 'no-feed' && !noFeedLogged) {
        noFeedLogged = true;
        deps.logger.info(state.message);
      }
    },
  });
  return flow;
}

/** The updates port of a packaged build, answering at once while electron-updater loads; `stop` ends the daily check. */
export interface DesktopUpdates extends UpdatesPort {
  /** Settles once the flow started (or failed to). */
  ready: Promise<void>;
  stop(): void;
}

/** Starts the updates of a packaged build and returns its port (offered to the engine by {@link desktopUpdatesServices}). */
export function createDesktopUpdates(deps: UpdatesDeps): DesktopUpdates {
  let flow: UpdateFlow | null = null;
  let failed: UpdateStatus | null = null;
  const ready = startUpdates(deps).then(
    (started) => {
      flow = started;
    },
    (error: unknown) => {
      deps.logger.warn('The update check could not start; ReqBridge keeps running without it.', error);
      const details = deps.redact(error instanceof Error ? error.message : String(error));
      failed = { phase: 'error', version: deps.version, message: UPDATER_LOAD_FAILED, details };
      deps.publish(failed);
    },
  );
  const status = (): UpdateStatus => flow?.state() ?? failed ?? { phase: 'idle', version: deps.version };
  return {
    ready,
    status: async () => status(),
    async check() {
      await ready;
      return flow ? flow.check() : status();
    },
    async restart() {
      flow?.restart();
      return status();
    },
    stop() {
      flow?.stop();
    },
  };
}

/**
 * The update flow as host services for the engine's process: the flow `updates()` returns, or (none,
 * as in a development run) "unsupported" with the app's version.
 */
export function desktopUpdatesServices(
  updates: () => UpdatesPort | null,
  version: string,
): Required<Pick<HostServices, 'updates.status' | 'updates.check' | 'updates.restart'>> {
  const unsupported = (): UpdateStatus => ({ phase: 'unsupported', version });
  return {
    'updates.status': async () => (await updates()?.status()) ?? unsupported(),
    'updates.check': async () => (await updates()?.check()) ?? unsupported(),
    'updates.restart': async () => (await updates()?.restart()) ?? unsupported(),
  };
}
