/**
 * The core's own process: hosts start this file (the browser host with `child_process.fork`, the
 * desktop app with Electron's `utilityProcess.fork`) so synchronous SQLite, large plans and the
 * Sandbox never stall the host's window, tray or HTTP answers, and a crash here does not take the
 * host down. It speaks the contract over the channel it was started with (parent-channel.ts):
 * `ready` once started, `failed` with the start-up failure's sentence (then it exits), answers and
 * events; `stop` (or the host going away) stops it cleanly.
 *
 * Options: `--no-sandbox` (no embedded Sandbox servers), `--host browser|electron` (what `app:info`
 * says), `--app-version V` (what `app:info` says: the desktop app passes `app.getVersion()`, as a
 * bundle cannot find package.json), `--sandbox-jobs N` (jobs in fresh Sandbox demo data, for benches
 * and big rehearsals). The Sandbox control token comes in `REQBRIDGE_SANDBOX_CONTROL_TOKEN`, not on
 * the command line (which other users can read), and is removed from the environment before the
 * core starts. The data folder is `REQBRIDGE_HOME` (the desktop app sets it to its userData folder).
 *
 * Under `--host electron` the secrets are the desktop app's keychain-first store, its fallback file
 * encrypted by the main process's safeStorage (desktop-secrets.ts), and the updates port asks the
 * main process's update flow (host-updates.ts): both through host calls (host-services.ts).
 */
import { parseArgs } from 'node:util';
import { isAppError } from '../core/errors.ts';
import { createLogger, streamSink } from '../core/logging/logger.ts';
import { createRedactor } from '../core/logging/redactor.ts';
import { resolveDataDir } from '../core/paths.ts';
import { createHostCaller } from '../core/process/host-caller.ts';
import type { NodeIpcProcess, ParentPortLike } from '../core/process/parent-channel.ts';
import { parentChannelOf } from '../core/process/parent-channel.ts';
import { serveCore } from '../core/process/serve-core.ts';
import { startupFailureText } from '../core/startup-failure.ts';
import { startDesktopSecretStore } from './desktop-secrets.ts';
import { hostUpdatesPort } from './host-updates.ts';
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
    'app-version': { type: 'string' },
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

const host = values.host === 'electron' ? 'electron' : 'browser';
const hostCalls = createHostCaller(channel);

let engine: Engine;
try {
  const secretStore =
    host === 'electron'
      ? await startDesktopSecretStore(hostCalls, resolveDataDir(process.env), createLogger({ redactor, sink: logSink }))
      : undefined;
  engine = await startEngine({
    host,
    ...(values['app-version'] ? { version: values['app-version'] } : {}),
    ...(secretStore ? { secretStore } : {}),
    env: process.env,
    logSink,
    redactor,
    sandbox: !values['no-sandbox'],
    sandboxThreadEntry: sandboxThreadEntryFor(import.meta.url),
    ...(controlToken ? { controlToken } : {}),
    ...(sandboxJobs && Number.isInteger(sandboxJobs) && sandboxJobs > 0 ? { sandboxJobs } : {}),
  });
  if (host === 'electron') engine.core.service.deps.updates.current = hostUpdatesPort(hostCalls);
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
