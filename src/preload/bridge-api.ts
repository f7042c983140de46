/**
 * Builds the allow-listed `window.api` from the channel lists. Only the
 * contract's channels can be invoked or listened to; nothing else of
 * ipcRenderer is reachable from the page.
 */
import type { BridgeApi } from '../shared/api/channels.ts';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../shared/api/channels.ts';
import type { Envelope } from '../shared/api/envelope.ts';

/** The part of ipcRenderer the preload needs (injected, so it is testable with a mock). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const requestChannels = new Set<string>(REQUEST_CHANNELS);
const eventChannels = new Set<string>(EVENT_CHANNELS);

/** Create the API exposed to the page as `window.api`. */
export function createBridgeApi(ipc: IpcRendererLike): BridgeApi {
  return {
    invoke(channel, input) {
      if (!requestChannels.has(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'api.unknown_channel', message: `There is no channel "${String(channel)}".` } });
      }
      return ipc.invoke(channel, input) as Promise<Envelope<never>>;
    },
    on(event, listener) {
      if (!eventChannels.has(event)) throw new Error(`There is no event "${String(event)}".`);
      // Never hand the IpcRendererEvent (which exposes `sender`) to the page.
      const wrapped = (_event: unknown, payload: unknown) => listener(payload as never);
      ipc.on(event, wrapped);
      return () => {
        ipc.removeListener(event, wrapped);
      };
    },
  };
}
