/**
 * The messages between the core process and the embedded Sandbox's worker thread (sandbox-thread.ts).
 * Plain data, as structured clone carries it.
 */
import type { SandboxRuntime } from '../core/bootstrap.ts';

/** Where the Sandbox's servers listen (what the host tells an end-to-end test that opened their control surface). */
export interface SandboxAddresses {
  leverUrl: string;
  charthopUrl: string;
  org: string;
}

/** What the thread is started with (its `workerData`). */
export interface SandboxThreadData {
  dataDir: string;
  jobs?: number;
  opportunities?: number;
  controlToken?: string;
}

/**
 * What the core process asks of the thread. A save carries a shared flag the thread sets (and notifies)
 * once the state is written, so the core process can wait for it without an event loop turn.
 */
export type ToSandboxThread = { type: 'save'; done: SharedArrayBuffer } | { type: 'close' };

/** What the thread tells the core process. */
export type FromSandboxThread =
  | { type: 'ready'; runtime: SandboxRuntime; addresses: SandboxAddresses }
  | { type: 'failed'; message: string }
  | { type: 'log'; level: 'warn' | 'error'; message: string };
