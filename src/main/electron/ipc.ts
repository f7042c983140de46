/**
 * IPC registration: one `ipcMain.handle` per contract channel, each refusing
 * calls that do not come from the app's own top-level frame in the main window.
 * Push events are forwarded to that window only.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { REQUEST_CHANNELS } from '../../shared/api/channels.ts';
import type { Dispatch } from '../core/api/dispatcher.ts';
import type { EventBus } from '../core/api/event-bus.ts';
import type { Logger } from '../core/logging/logger.ts';
import { isAppUrl } from './window-options.ts';

/**
 * True when the call comes from the main window's top frame showing the app.
 * Subframes, other windows and foreign origins are rejected.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, mainContents: () => WebContents | null): boolean {
  const contents = mainContents();
  const frame = event.senderFrame;
  if (!contents || !frame || event.sender !== contents) return false;
  if (frame !== contents.mainFrame) return false;
  return isAppUrl(frame.url);
}

/** Register a handler for every request channel. */
export function registerIpcHandlers(ipcMain: IpcMain, dispatch: Dispatch, mainContents: () => WebContents | null, logger: Logger): void {
  for (const channel of REQUEST_CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event, mainContents)) {
        logger.warn(`Refused ${channel} from an untrusted frame`);
        return {
          ok: false,
          error: { code: 'ipc.untrusted_sender', message: "This call did not come from ReqBridge's own window and was refused." },
        };
      }
      return dispatch(channel, input, { transport: 'ipc' });
    });
  }
}

/** Forward every push event to the main window. Returns the function that stops forwarding. */
export function forwardEvents(events: EventBus, mainContents: () => WebContents | null): () => void {
  return events.onAny((event, payload) => {
    const contents = mainContents();
    if (contents && !contents.isDestroyed()) contents.send(event, payload);
  });
}
