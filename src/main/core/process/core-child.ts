/**
 * The host's handle on one core process, whatever started it: Node's `child_process.fork` (the
 * browser host) or Electron's `utilityProcess.fork` (the desktop app, adapted in src/main/electron).
 */
import type { ChildProcess } from 'node:child_process';
import type { ToCoreMessage } from './messages.ts';

/** One running core process, as the client drives it. */
export interface CoreChild {
  /** Send a message; a message to a process that is gone is dropped (its exit answers the calls). */
  send(message: ToCoreMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process has ended, however it ended. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** End it now (SIGKILL where there are signals). */
  kill(): void;
}

/** Starts a new core process (the same one each time: a restart calls it again). */
export type SpawnCore = () => CoreChild;

/** The adapter over a process started by `child_process.fork` (with its IPC channel). */
export function forkedCoreChild(child: ChildProcess): CoreChild {
  return {
    send(message) {
      if (child.connected) child.send(message, () => undefined);
    },
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.once('exit', (code, signal) => listener(code, signal)),
    kill: () => void child.kill('SIGKILL'),
  };
}
