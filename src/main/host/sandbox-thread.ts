/**
 * The embedded Sandbox in a worker thread of the core process. The fake servers answer the core's reads
 * on their own event loop and collect their own garbage, so a large rehearsal (10,000 jobs) no longer
 * holds the core's event loop while it plans, and every other call (the profile list, a run's progress)
 * is answered meanwhile. A thread, not a process: it starts the same way under Node and inside Electron's
 * utility process, and it ends with the core process. The CLI and the tests keep the Sandbox in their own
 * thread (embedded-sandbox.ts), where nothing else waits on it.
 */
import { Worker } from 'node:worker_threads';
import type { SandboxRuntime } from '../core/bootstrap.ts';
import type { Logger } from '../core/logging/logger.ts';
import type { FromSandboxThread, SandboxAddresses, SandboxThreadData, ToSandboxThread } from './sandbox-thread-messages.ts';

export type { SandboxAddresses } from './sandbox-thread-messages.ts';

/** The Sandbox running in its thread. */
export interface SandboxThread {
  /** What the core needs to reach the Sandbox (its endpoints and credentials). */
  runtime: SandboxRuntime;
  addresses: SandboxAddresses;
  /**
   * Save the Sandbox's state to the data folder and return once it is written (or after
   * {@link SAVE_WAIT_MS}). It blocks this thread meanwhile, as the save did when the Sandbox ran here:
   * the core process saves after each Sandbox run and hire, so a crash right after loses none of them.
   */
  save(): void;
  /** Save the state, stop both servers and end the thread. */
  close(): Promise<void>;
}

/** How long a save may keep the core process waiting, in ms. */
export const SAVE_WAIT_MS = 10_000;

/** What the thread is started with. */
export type SandboxThreadOptions = Omit<SandboxThreadData, 'dataDir'> & {
  /** The thread's entry file; default {@link SOURCE_SANDBOX_THREAD_ENTRY}. */
  entry?: URL;
};

/** The thread's entry when the core runs from source (the browser host, the tests): the TypeScript file next to this one. */
export const SOURCE_SANDBOX_THREAD_ENTRY = new URL('./sandbox-thread-main.ts', import.meta.url);

/**
 * The thread's entry for a process whose entry module is `entryUrl`: from source, the TypeScript file; in
 * the packaged app, `sandbox-thread.js` next to the bundled entry (electron.vite.config.ts builds both into
 * one folder; this module itself may land in a shared chunk elsewhere, so its own address is no guide).
 */
export function sandboxThreadEntryFor(entryUrl: string): URL {
  return entryUrl.endsWith('.ts') ? SOURCE_SANDBOX_THREAD_ENTRY : new URL('./sandbox-thread.js', entryUrl);
}

/** Start the Sandbox's thread and resolve once its servers listen; rejects with the thread's reason when it cannot start. */
export function startSandboxThread(dataDir: string, logger: Logger, options: SandboxThreadOptions = {}): Promise<SandboxThread> {
  const { entry = SOURCE_SANDBOX_THREAD_ENTRY, ...data } = options;
  const worker = new Worker(entry, { workerData: { dataDir, ...data } satisfies SandboxThreadData });
  let closed: Promise<void> | null = null;
  const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const send = (message: ToSandboxThread): void => worker.postMessage(message);

  return new Promise((resolve, reject) => {
    worker.once('error', (error) => reject(error));
    void ended.then(() => {
      reject(new Error('The embedded Sandbox stopped before it started.'));
    });
    worker.on('message', (message: FromSandboxThread) => {
      switch (message.type) {
        case 'ready':
          resolve({
            runtime: message.runtime,
            addresses: message.addresses,
            save() {
              if (closed) return;
              const done = new SharedArrayBuffer(4);
              send({ type: 'save', done });
              if (Atomics.wait(new Int32Array(done), 0, 0, SAVE_WAIT_MS) === 'timed-out')
                logger.warn(`The Sandbox's state was not saved within ${SAVE_WAIT_MS / 1000} s; a crash now may lose its latest writes.`);
            },
            close() {
              closed ??= (async () => {
                send({ type: 'close' });
                await ended;
              })();
              return closed;
            },
          });
          return;
        case 'failed':
          reject(new Error(message.message));
          return;
        case 'log':
          logger[message.level](message.message);
          return;
      }
    });
  });
}
