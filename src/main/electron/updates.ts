/**
 * Updates in the packaged app: electron-updater (loaded only there) behind the update flow, plugged
 * into the core as its updates port, so "Check for updates" in Profiles → This computer and every
 * change of state (`updates:changed`) go through the contract like any other channel. A daily
 * background check downloads what it finds, and a notification offers "Restart to update".
 * Development runs and the browser host never load it: their port stays empty.
 */
import type { UpdateStatus } from '../../shared/api/domains/updates.ts';
import type { Logger } from '../core/logging/logger.ts';
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
  /** Tells every window the new state (the core's `updates:changed`). */
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

/** Starts the updates of a packaged build and returns the port to plug into `core.service.deps.updates.current`. */
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
    status,
    async check() {
      await ready;
      return flow ? flow.check() : status();
    },
    restart() {
      flow?.restart();
      return status();
    },
    stop() {
      flow?.stop();
    },
  };
}
