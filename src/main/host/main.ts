/**
 * `npm run host`: the app in a browser. Starts the core in its own process (src/main/core-process,
 * restarted if it dies), serves the built renderer and the contract on 127.0.0.1, prints the address
 * to open, and stops on SIGINT/SIGTERM. Options: `--port N`, `--json` (print one JSON line),
 * `--no-sandbox` (do not start the embedded Sandbox servers), `--sandbox-control-token T`
 * (open the Sandbox servers' `/__sandbox/…` control surface to callers presenting T, and
 * print their URLs in the `--json` line — for end-to-end tests).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger, streamSink } from '../core/logging/logger.ts';
import { createRedactor } from '../core/logging/redactor.ts';
import { forkedCoreChild } from '../core/process/core-child.ts';
import { startCoreProcess } from '../core/process/core-process-client.ts';
import type { CoreProcess } from '../core/process/core-process-client.ts';
import { forkCoreProcess } from './fork-core.ts';
import { startHostServer } from './host-server.ts';
import { isAppError } from '../core/errors.ts';
import { startStartupFailurePage, startupFailureText } from './startup-failure.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    json: { type: 'boolean', default: false },
    'renderer-dir': { type: 'string' },
    'no-sandbox': { type: 'boolean', default: false },
    'sandbox-control-token': { type: 'string' },
  },
});

const rendererDir = values['renderer-dir'] ?? fileURLToPath(new URL('../../../out/renderer', import.meta.url));
if (!existsSync(rendererDir)) {
  process.stderr.write(`The renderer is not built (${rendererDir} is missing). Run: npm run build\n`);
  process.exit(1);
}

const logSink = streamSink(process.stderr);
const redactor = createRedactor();
const logger = createLogger({ redactor, sink: logSink });
const controlToken = values['sandbox-control-token'];

/**
 * Starts the core's own process (the core, the Sandbox and the background work); a restart after a
 * crash starts it the same way. Its stdout goes to this process's stderr: stdout is the `--json` line's.
 */
function spawnCore() {
  const args = ['--host', 'browser', ...(values['no-sandbox'] ? ['--no-sandbox'] : [])];
  const env = { ...process.env, ...(controlToken ? { REQBRIDGE_SANDBOX_CONTROL_TOKEN: controlToken } : {}) };
  const child = forkCoreProcess({ args, env });
  child.stdout?.pipe(process.stderr);
  return forkedCoreChild(child);
}

let core: CoreProcess;
try {
  core = await startCoreProcess({ spawn: spawnCore, logger });
} catch (error) {
  const text = redactor.redact(startupFailureText(error));
  process.stderr.write(`${text}\n`);
  if (!isAppError(error))
    process.stderr.write(`${redactor.redact(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
  const page = await startStartupFailurePage(text, Number(values.port));
  if (values.json) process.stdout.write(`${JSON.stringify({ url: page.url, origin: page.origin, startupError: text })}\n`);
  else process.stdout.write(`ReqBridge could not start. Open ${page.url} or read the line above for what to do.\n`);
  const stopPage = (): void => void page.close().then(() => process.exit(1));
  process.on('SIGINT', stopPage);
  process.on('SIGTERM', stopPage);
  await new Promise<never>(() => undefined);
  throw error;
}
const host = await startHostServer({
  dispatch: core.dispatch,
  events: core.events,
  logger,
  rendererDir,
  port: Number(values.port),
});

if (values.json) {
  // With --sandbox-control-token the fakes' /__sandbox/… control surface is reachable (e2e tests drive it).
  const { dataDir, sandbox } = core.ready;
  process.stdout.write(`${JSON.stringify({ url: host.url, origin: host.origin, dataDir, ...(sandbox ? { sandbox } : {}) })}\n`);
} else {
  process.stdout.write(`ReqBridge is running in your browser at:\n\n  ${host.url}\n\nData: ${core.ready.dataDir}\nPress Ctrl+C to stop.\n`);
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await host.close();
  await core.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
