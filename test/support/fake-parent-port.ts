/**
 * A Node `--import` preload that gives a forked process Electron's utility-process port instead
 * of Node's IPC: `process.parentPort` (messages in arrive wrapped in `{ data }`, as Electron's
 * MessageEvent), and no `process.send`, so the process can only answer through the port. The
 * core process's entry then runs as `utilityProcess.fork` would start it; the messages still
 * travel over the fork's IPC channel underneath. Worker threads of that process (the embedded
 * Sandbox's) get the same `--import` and are left alone: only the process has a parent port.
 */
import { isMainThread } from 'node:worker_threads';

type PortListener = (event: { data: unknown }) => void;

const send = isMainThread ? process.send?.bind(process) : undefined;
if (isMainThread && !send) throw new Error('fake-parent-port needs a process forked with an IPC channel.');
const listeners: PortListener[] = [];
if (send) {
  process.on('message', (message) => {
    for (const listener of listeners) listener({ data: message });
  });
  process.send = undefined;
  Object.assign(process, {
    parentPort: {
      postMessage: (message: unknown) => void send(message),
      on: (event: string, listener: PortListener) => {
        if (event === 'message') listeners.push(listener);
      },
    },
  });
}
