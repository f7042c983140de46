/**
 * The core's own process: hosts start this file (the browser host with `child_process.fork`, the
 * desktop app with Electron's `utilityProcess.fork`) so synchronous SQLite, large plans and the
 * Sandbox never stall the host's window, tray or HTTP answers, and a crash here does not take the
 * host down. It speaks the contract over the channel it was started with (parent-channel.ts):
 * `ready` once started, `failed` with the start-up failure's sentence (then it exits), answers and
 * events; `stop` (or the host going away) stops it cleanly.
 *
 * Options: `--no-sandbox` (no embedded Sandbox servers), `--host browser|electron` (what `app:info`
 * says), `--sandbox-jobs N` (jobs in fresh Sandbox demo data, for benches and big rehearsals). The
 * Sandbox control token comes in `REQBRIDGE_SANDBOX_CONTROL_TOKEN`, not on the command line (which
 * other users can read), and is removed from the environment before the core starts.
 */
import { parseArgs } from 'node:util';
import { isAppError } from '../core/errors.ts';
import { streamSink } from '../core/logging/logger.ts';
import { createRedactor } from '../core/logging/redactor.ts';
import type { NodeIpcProcess, ParentPortLike } from '../core/process/parent-channel.ts';
import { parentChannelOf } from '../core/process/parent-channel.ts';
import { serveCore } from '../core/process/serve-core.ts';
import { startupFailureText } from '../core/startup-failure.ts';
import type { Engine } from './start-engine.ts';
import { startEngine } from './start-engine.ts';
import { sandboxThreadEntryFor } from '../host/sandbox-thread.ts';

/** The environment variable that carries the Sandbox control token to this process. */
export const SANDBOX_CONTROL_TOKEN_ENV = 'REQBRIDGE_SANDBOX_CONTROL_TOKEN';

const channel = parentChannelOf(process as unknown as NodeIpcProcess & { parentPort?: ParentPortLike });
if (!channel) {
  process.stderr.write("This is ReqBridge's engine process; it is started by a host (npm run host, the desktop app).\n");
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    'no-sandbox': { type: 'boolean', default: false },
    host: { type: 'string', default: 'browser' },
    'sandbox-jobs': { type: 'string' },
  },
});
const sandboxJobs = values['sandbox-jobs'] ? Number(values['sandbox-jobs']) : undefined;
const controlToken = process.env[SANDBOX_CONTROL_TOKEN_ENV];
delete process.env[SANDBOX_CONTROL_TOKEN_ENV];
const redactor = createRedactor();
const logSink = streamSink(process.stderr);
// Ctrl+C in a terminal reaches the whole process group: the host decides when this process stops.
process.on('SIGINT', () => {});

let engine: Engine;
try {
  engine = await startEngine({
    host: values.host === 'electron' ? 'electron' : 'browser',
    env: process.env,
    logSink,
    redactor,
    sandbox: !values['no-sandbox'],
    sandboxThreadEntry: sandboxThreadEntryFor(import.meta.url),
    ...(controlToken ? { controlToken } : {}),
    ...(sandboxJobs && Number.isInteger(sandboxJobs) && sandboxJobs > 0 ? { sandboxJobs } : {}),
  });
} catch (error) {
  if (!isAppError(error))
    process.stderr.write(`${redactor.redact(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
  await channel.send({ type: 'failed', text: redactor.redact(startupFailureText(error)) });
  process.exit(1);
}

let stopping: Promise<void> | null = null;
const stop = (): void => {
  stopping ??= engine.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      engine.core.logger.error("ReqBridge's engine did not stop cleanly", error);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
serveCore(channel, { dispatch: engine.core.service.dispatch, events: engine.core.events, logger: engine.core.logger }, stop);
const sandbox = engine.embedded && controlToken ? engine.embedded.addresses : undefined;
await channel.send({ type: 'ready', dataDir: engine.core.dataDir, pid: process.pid, ...(sandbox ? { sandbox } : {}) });
