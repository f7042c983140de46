/**
 * Updates in the packaged app: electron-updater (loaded only there) behind the update flow. A
 * daily background check downloads what it finds, and a notification offers "Restart to update".
 * Development runs and the browser host never load it.
 */
import type { Logger } from '../core/logging/logger.ts';
import type { UpdateFlow, UpdaterLike } from './update-flow.ts';
import { createUpdateFlow } from './update-flow.ts';

/** What the updates need from Electron. */
export interface UpdatesDeps {
  version: string;
  logger: Logger;
  redact(text: string): string;
  notify(title: string, body: string, onClick: () => void): void;
  /** Loads electron-updater's autoUpdater (a dynamic import, so only packaged builds load it). */
  loadUpdater(): Promise<UpdaterLike>;
}

/** Starts the daily update check of a packaged build; resolves to its flow. */
export async function startUpdates(deps: UpdatesDeps): Promise<UpdateFlow> {
  const updater = await deps.loadUpdater();
  let announced = '';
  const flow: UpdateFlow = createUpdateFlow({
    updater,
    version: deps.version,
    packaged: true,
    redact: deps.redact,
    onChange(state) {
      if (state.phase === 'available') {
        deps.logger.info(`ReqBridge ${state.next} is available (this is ${state.version}); downloading it.`);
        void flow.download();
      } else if (state.phase === 'downloaded' && announced !== state.next) {
        announced = state.next;
        deps.notify(`ReqBridge ${state.next} is ready`, 'Click to restart and update.', () => flow.restart());
      } else if (state.phase === 'error') {
        deps.logger.warn(`${state.message} ${state.details}`);
      }
    },
  });
  return flow;
}
