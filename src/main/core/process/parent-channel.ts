/**
 * The core process's line to its host, over whichever channel started it: Node's child_process IPC
 * (`process.send` / `process.on('message')`, the browser host) or Electron's utility process port
 * (`process.parentPort`, messages wrapped in `{ data }`, the desktop app). One small adapter each;
 * the core process speaks to a {@link ParentChannel} and knows neither.
 */
import type { FromCoreMessage, ToCoreMessage } from './messages.ts';
import { isToCoreMessage } from './messages.ts';

/** The core process's side of the channel to its host. */
export interface ParentChannel {
  /** Send a message; resolves once it is handed to the channel (so a process can exit after it). */
  send(message: FromCoreMessage): Promise<void>;
  /** Receive the host's messages (anything that is not one is ignored). */
  onMessage(listener: (message: ToCoreMessage) => void): void;
  /** The host went away without saying stop. */
  onDisconnect(listener: () => void): void;
}

/** The part of a Node process forked with an IPC channel that the adapter uses. */
export interface NodeIpcProcess {
  send?: (message: unknown, callback: (error: Error | null) => void) => boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
}

/** The part of Electron's `process.parentPort` that the adapter uses. */
export interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

/** The adapter over Node's child_process IPC. */
export function nodeIpcChannel(proc: NodeIpcProcess): ParentChannel {
  const send = proc.send?.bind(proc);
  if (!send) throw new Error('This process was not started with an IPC channel.');
  return {
    send: (message) => new Promise((resolve) => send(message, () => resolve())),
    onMessage: (listener) =>
      void proc.on('message', (message) => {
        if (isToCoreMessage(message)) listener(message);
      }),
    onDisconnect: (listener) => void proc.on('disconnect', listener),
  };
}

/** The adapter over Electron's utility process port (the process ends with its parent, so no disconnect comes). */
export function parentPortChannel(port: ParentPortLike): ParentChannel {
  return {
    send: (message) => {
      port.postMessage(message);
      return Promise.resolve();
    },
    onMessage: (listener) =>
      void port.on('message', (event) => {
        if (isToCoreMessage(event.data)) listener(event.data);
      }),
    onDisconnect: () => {},
  };
}

/** The channel this process was started with: Electron's parent port when there is one, else Node's IPC; null without either. */
export function parentChannelOf(proc: NodeIpcProcess & { parentPort?: ParentPortLike }): ParentChannel | null {
  if (proc.parentPort) return parentPortChannel(proc.parentPort);
  return proc.send ? nodeIpcChannel(proc) : null;
}
