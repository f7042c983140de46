/**
 * The embedded Sandbox's worker thread: starts the fake Lever and ChartHop servers with the state saved in
 * the data folder (embedded-sandbox.ts), then saves on request and closes when told. Its own event loop
 * and heap: a 10,000-job Sandbox answering the core's reads, and collecting its garbage, no longer holds
 * the core's event loop (sandbox-thread.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '../core/logging/logger.ts';
import { createRedactor } from '../core/logging/redactor.ts';
import { startEmbeddedSandbox } from './embedded-sandbox.ts';
import type { FromSandboxThread, SandboxThreadData, ToSandboxThread } from './sandbox-thread-messages.ts';

const port = parentPort;
if (!port) throw new Error("This is the embedded Sandbox's thread; the core process starts it.");
const data = workerData as SandboxThreadData;
const post = (message: FromSandboxThread): void => port.postMessage(message);
// What the Sandbox logs (a state that could not be saved or restored) goes to the core process's log.
const logger = createLogger({
  redactor: createRedactor(),
  sink: (record) => {
    if (record.level === 'warn' || record.level === 'error') post({ type: 'log', level: record.level, message: record.message });
  },
});

try {
  const embedded = await startEmbeddedSandbox(data.dataDir, logger, {
    ...(data.jobs ? { jobs: data.jobs } : {}),
    ...(data.opportunities ? { opportunities: data.opportunities } : {}),
    ...(data.controlToken ? { controlToken: data.controlToken } : {}),
  });
  port.on('message', (message: ToSandboxThread) => {
    if (message.type === 'save') {
      embedded.save();
      const done = new Int32Array(message.done);
      Atomics.store(done, 0, 1);
      Atomics.notify(done, 0);
    } else if (message.type === 'close') {
      void embedded.close().then(() => port.close());
    }
  });
  const { sandbox } = embedded;
  post({
    type: 'ready',
    runtime: embedded.runtime,
    addresses: { leverUrl: sandbox.lever.url, charthopUrl: sandbox.charthop.url, org: sandbox.charthop.org },
  });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  port.close();
}
